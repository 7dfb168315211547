import type { ConvergenceSection } from '../../certify/report-types.js';
import { escapeHtml } from './escape.js';
import { linearScale, logScale, px, shortCount } from './svg-scale.js';

const W = 760;
const H = 320;
const M = { left: 70, right: 14, top: 28, bottom: 44 };
/** At most this many points are drawn (evenly thinned; the last is always kept). */
const MAX_POINTS = 600;

/** The fewest decimals that print every tick (as a percentage) differently. */
function percentDigits(ticks: readonly number[]): number {
  for (let digits = 0; digits < 8; digits++) {
    const labels = ticks.map((t) => (t * 100).toFixed(digits));
    if (new Set(labels).size === labels.length) return digits;
  }
  return 8;
}

function thin<T>(points: readonly T[]): T[] {
  if (points.length <= MAX_POINTS) return [...points];
  const step = points.length / MAX_POINTS;
  const kept: T[] = [];
  for (let i = 0; i < MAX_POINTS; i++) kept.push(points[Math.floor(i * step)]!);
  kept.push(points.at(-1)!);
  return kept;
}

/**
 * The simulated RTP after each chunk (log scale of rounds), inside the band center ± z·sd/√n:
 * the exact RTP's 99% interval for that many rounds. `clipId` must be unique in the page.
 */
export function convergenceChart(c: ConvergenceSection, clipId = 'convergence-plot'): string {
  const points = thin(c.points);
  if (points.length === 0) return '';
  const first = points[0]!.rounds;
  const last = points.at(-1)!.rounds;
  const x = logScale(points.length > 1 ? first : first / 2, last, M.left, W - M.right);
  const values = points.flatMap((p) => [p.rtp, p.low, p.high]);
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  const pad = (hi - lo) * 0.06 || 0.001;
  lo -= pad;
  hi += pad;
  const y = linearScale(lo, hi, H - M.bottom, M.top, 6);
  const parts: string[] = [
    `<defs><clipPath id="${escapeHtml(clipId)}"><rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}"/></clipPath></defs>`,
  ];
  const digits = percentDigits(y.ticks);
  for (const t of y.ticks) {
    parts.push(
      `<line class="grid" x1="${M.left}" x2="${W - M.right}" y1="${px(y(t))}" y2="${px(y(t))}"/>`,
      `<text x="${M.left - 6}" y="${px(y(t) + 4)}" text-anchor="end">${(t * 100).toFixed(digits)}%</text>`,
    );
  }
  for (const t of x.ticks) {
    parts.push(
      `<line class="grid" x1="${px(x(t))}" x2="${px(x(t))}" y1="${M.top}" y2="${H - M.bottom}"/>`,
      `<text x="${px(x(t))}" y="${H - M.bottom + 16}" text-anchor="middle">${shortCount(t)}</text>`,
    );
  }
  const upper = points.map((p) => `${px(x(p.rounds))},${px(y(p.high))}`);
  const lower = points.map((p) => `${px(x(p.rounds))},${px(y(p.low))}`).reverse();
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${px(x(p.rounds))},${px(y(p.rtp))}`).join('');
  parts.push(
    `<g clip-path="url(#${escapeHtml(clipId)})">`,
    points.length > 1
      ? `<polygon class="band" points="${[...upper, ...lower].join(' ')}"/>`
      : `<line class="band" stroke="#9cd0ff" stroke-width="6" x1="${px(x(first))}" x2="${px(x(first))}" y1="${px(y(points[0]!.high))}" y2="${px(y(points[0]!.low))}"/>`,
    `<line class="center" x1="${M.left}" x2="${W - M.right}" y1="${px(y(c.center))}" y2="${px(y(c.center))}"/>`,
    points.length > 1
      ? `<path class="sim line" d="${path}"/>`
      : `<circle class="sim" cx="${px(x(first))}" cy="${px(y(points[0]!.rtp))}" r="3"/>`,
    `</g>`,
    `<line class="axis" x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}"/>`,
    `<line class="axis" x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}"/>`,
    `<text x="${px((M.left + W - M.right) / 2)}" y="${H - 8}" text-anchor="middle">rounds played (log)</text>`,
    `<text x="14" y="${px((M.top + H - M.bottom) / 2)}" text-anchor="middle" transform="rotate(-90 14 ${px((M.top + H - M.bottom) / 2)})">RTP</text>`,
    `<rect class="band" x="${W - 420}" y="8" width="14" height="10"/><text x="${W - 402}" y="17">${escapeHtml(c.centerKind === 'exact' ? 'exact RTP ± 99%' : 'final simulated RTP ± 99%')}</text>`,
    `<line class="center" x1="${W - 250}" x2="${W - 232}" y1="13" y2="13"/><text x="${W - 228}" y="17">${c.centerKind === 'exact' ? 'exact RTP' : 'final RTP'}</text>`,
    `<line class="sim line" x1="${W - 130}" x2="${W - 112}" y1="13" y2="13"/><text x="${W - 108}" y="17">simulated RTP</text>`,
  );
  return `<svg viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="RTP convergence">${parts.join('')}</svg>`;
}
