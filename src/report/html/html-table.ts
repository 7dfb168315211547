import type { TextTable } from '../certify-tables.js';
import { escapeHtml as e } from './escape.js';

/** A verdict or overall status as a coloured badge (class = the status, "N/A" as "NA"). */
export function statusBadge(status: string): string {
  return `<span class="status ${status.replaceAll(/[^A-Z]/g, '')}">${e(status)}</span>`;
}

export interface HtmlTableOptions {
  /** The column whose cells are statuses, drawn as badges. */
  readonly statusColumn?: number;
  /** "small": kept on one printed page; "key-value": a two-column table without a header row. */
  readonly className?: string;
  readonly caption?: string;
}

/** A `TextTable` as an HTML table: cells escaped, numeric columns right-aligned. */
export function htmlTable(table: TextTable, options: HtmlTableOptions = {}): string {
  const numeric = new Set(table.numeric ?? []);
  const cls = (i: number) => (numeric.has(i) ? ' class="num"' : '');
  const keyValue = options.className?.split(' ').includes('key-value') === true;
  const head = keyValue
    ? ''
    : `<thead><tr>${table.head.map((h, i) => `<th${cls(i)}>${e(h)}</th>`).join('')}</tr></thead>`;
  const rows = table.rows
    .map(
      (row) =>
        `<tr>${row
          .map((cell, i) =>
            i === options.statusColumn
              ? `<td>${statusBadge(cell)}</td>`
              : keyValue && i === 0
                ? `<th scope="row">${e(cell)}</th>`
                : `<td${cls(i)}>${e(cell)}</td>`,
          )
          .join('')}</tr>`,
    )
    .join('\n');
  const className = options.className === undefined ? '' : ` class="${e(options.className)}"`;
  const caption = options.caption === undefined ? '' : `<caption>${e(options.caption)}</caption>`;
  return `<div class="wide"><table${className}>${caption}${head}<tbody>\n${rows}\n</tbody></table></div>`;
}
