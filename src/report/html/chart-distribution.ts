import type { DistributionSection } from '../../certify/report-types.js';
import { escapeHtml } from './escape.js';
import { logScale, powerLabel, px } from './svg-scale.js';

const W = 760;
const H = 300;
const M = { left: 56, right: 12, top: 28, bottom: 44 };

/** Grouped bars of the share of rounds per win bucket (log scale), simulated and exact. */
export function distributionChart(d: DistributionSection): string {
  const shares = d.rows.flatMap((row) => [row.simulated.share, row.exact?.share ?? 0]).filter((s) => s > 0);
  const smallest = Math.min(1, ...shares);
  const floor = 10 ** Math.floor(Math.log10(smallest) - 1e-9);
  const y = logScale(floor, 1, H - M.bottom, M.top);
  const band = (W - M.left - M.right) / d.rows.length;
  const exact = d.exactScope !== null;
  const barWidth = exact ? band * 0.36 : band * 0.6;
  const parts: string[] = [];
  for (const t of y.ticks) {
    parts.push(
      `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`,
      `<text x="${M.left - 6}" y="${px(y(t) + 4)}" text-anchor="end">${powerLabel(t)}</text>`,
    );
  }
  d.rows.forEach((row, i) => {
    const x0 = M.left + i * band + (band - (exact ? 2 * barWidth : barWidth)) / 2;
    const bar = (share: number, x: number, cls: string, what: string): void => {
      if (share <= 0) return;
      const top = y(Math.max(share, floor));
      parts.push(
        `<rect class="${cls}" x="${px(x)}" y="${px(top)}" width="${px(barWidth)}" height="${px(H - M.bottom - top)}"><title>${escapeHtml(`${row.bucket}× stake, ${what}: ${(share * 100).toPrecision(4)}% of rounds`)}</title></rect>`,
      );
    };
    bar(row.simulated.share, x0, 'sim', 'simulated');
    if (exact && row.exact !== null) bar(row.exact.share, x0 + barWidth, 'exact', 'exact');
    parts.push(
      `<text x="${px(M.left + (i + 0.5) * band)}" y="${H - M.bottom + 16}" text-anchor="middle">${escapeHtml(row.bucket)}</text>`,
    );
  });
  parts.push(
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}"/>`,
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>`,
    `<text x="${px((M.left + W - M.right) / 2)}" y="${H - 8}" text-anchor="middle">round win, multiples of the stake</text>`,
    `<text x="14" y="${px((M.top + H - M.bottom) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${px((M.top + H - M.bottom) / 2)})">share of rounds (log)</text>`,
    `<rect class="sim" x="${W - 250}" y="8" width="10" height="10"/><text x="${W - 235}" y="17">simulated</text>`,
  );
  if (exact) {
    parts.push(
      `<rect class="exact" x="${W - 160}" y="8" width="10" height="10"/><text x="${W - 145}" y="17">exact</text>`,
    );
  }
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="Win distribution">${parts.join('')}</svg>`;
}
