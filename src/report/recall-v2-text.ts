/**
 * Game recall of a format-2 round, step by step as the player saw it: the mode's start draws, every
 * window of a tumble sequence with its wins (and the cells they hold), the cells removed and what
 * refilled them, the ladder, multiplier symbols and the meter; each respin of a hold-and-win
 * feature with its landings, the respins left, the jackpots and the full grid; the free spins.
 * Cells are written `[reel,row]`, counted from 0 with row 0 at the top, as in the record.
 */
import type {
  AwardPart,
  Cell,
  CellValue,
  CoinOutcome,
  EvaluationOutcome,
  FreeSpinOutcomeV2,
  HoldAndWinOutcome,
  PayWinV2,
  RoundOutcomeV2,
  SpinOutcomeV2,
  StartOutcome,
} from '../engine/outcome.js';
import { count, plain } from './format.js';

/** The grid a hold-and-win feature plays on (the game's reels × rows). */
export interface GridShape {
  readonly reels: number;
  readonly rows: number;
}

function plural(n: number, what: string): string {
  return `${count(n)} ${what}${n === 1 ? '' : 's'}`;
}

function cellText(c: Cell): string {
  return `[${c[0]},${c[1]}]`;
}

function cellsText(cells: readonly Cell[]): string {
  return cells.map(cellText).join(' ');
}

function key(c: Cell): string {
  return `${c[0]},${c[1]}`;
}

function valuesText(values: readonly CellValue[]): string {
  return values.map((v) => `${cellText(v.cell)} ×${plain(v.value)}`).join(', ');
}

/**
 * A window as rows of text, reels left to right: each cell its symbol, a value-carrying cell
 * `SYMBOL×value`. With reel heights, a reel shorter than the tallest leaves its lower cells blank.
 */
function windowRows(
  window: readonly (readonly string[])[],
  values: readonly CellValue[],
  indent: string,
): string[] {
  const valueOf = new Map(values.map((v) => [key(v.cell), v.value]));
  const text = window.map((column, reel) =>
    column.map((symbol, row) => {
      const value = valueOf.get(`${reel},${row}`);
      return value === undefined ? symbol : `${symbol}×${plain(value)}`;
    }),
  );
  const rows = Math.max(0, ...text.map((column) => column.length));
  const width = Math.max(1, ...text.flatMap((column) => column.map((s) => s.length)));
  const lines: string[] = [];
  for (let row = 0; row < rows; row++)
    lines.push(`${indent}| ${text.map((column) => (column[row] ?? '').padEnd(width)).join(' | ')} |`);
  return lines;
}

/** What a win is: its line, ways, cluster or anywhere count, and symbol. */
function winName(w: PayWinV2): string {
  switch (w.kind) {
    case 'line':
      return `line ${w.line + 1}: ${w.count} × ${w.symbol}`;
    case 'ways':
      return `${count(w.ways)} ways of ${w.count} × ${w.symbol}`;
    case 'cluster':
      return `cluster of ${w.count} × ${w.symbol}`;
    case 'anywhere':
      return `${w.count} × ${w.symbol} anywhere`;
    default: {
      const unknown: never = w;
      throw new Error(`unknown win ${String(unknown)}`);
    }
  }
}

/** How a win's amount comes about: pay × ways × wild multiplier × ladder, each shown where it applies. */
function winLine(w: PayWinV2): string {
  const factors = [`pays ${count(w.pay)}`];
  if (w.kind === 'ways' && w.ways !== 1) factors.push(`${count(w.ways)} ways`);
  if (w.wildMultiplier !== 1) factors.push(`wilds ×${plain(w.wildMultiplier)}`);
  if (w.ladder !== 1) factors.push(`ladder ×${plain(w.ladder)}`);
  const amount = factors.length === 1 ? factors[0]! : `${factors.join(' × ')} = ${count(w.win)}`;
  return `${winName(w)} (rule ${w.rule + 1}) on ${cellsText(w.cells)}: ${amount}`;
}

function evaluationLines(e: EvaluationOutcome, index: number, total: number, indent: string): string[] {
  const title = total === 1 ? 'Window' : `Window ${index + 1} of ${total}`;
  const lines = [`${indent}${title}${e.ladder === 1 && total === 1 ? '' : ` (ladder ×${plain(e.ladder)})`}:`];
  lines.push(...windowRows(e.window, e.values, `${indent}  `));
  const inner = `${indent}    `;
  for (const w of e.wins) lines.push(`${inner}${winLine(w)}`);
  if (e.scatter !== null)
    lines.push(`${inner}scatter: ${e.scatter.count} × ${e.scatter.symbol} pays ${count(e.scatter.pay)}`);
  if (e.award !== null) lines.push(`${inner}free-spin award: ${e.award} scatters`);
  if (e.wins.length > 0) lines.push(`${inner}window pays ${count(e.payWin)}`);
  else if (e.scatter === null && e.award === null) lines.push(`${inner}no win`);
  if (e.removed.length > 0) lines.push(`${inner}removed: ${cellsText(e.removed)}`);
  const refill = e.refill;
  if (refill !== null) {
    const stops =
      refill.stops.length === 0
        ? ''
        : ` (new stops: ${refill.stops.map((s) => `reel ${s.reel} → ${s.stop}`).join(', ')})`;
    lines.push(
      `${inner}the cells above fall; refill${stops}: ${refill.cells.map((c) => `${cellText(c.cell)} ${c.symbol}`).join(', ')}`,
    );
    if (refill.values.length > 0) lines.push(`${inner}values drawn: ${valuesText(refill.values)}`);
  } else if (total > 1) {
    // Only the last window of a sequence has no refill.
    lines.push(`${inner}the tumble ends`);
  }
  return lines;
}

function spinLines(title: string, spin: SpinOutcomeV2, indent: string): string[] {
  const heights = spin.heights === null ? '' : `, heights ${spin.heights.join(' ')}`;
  const lines = [`${indent}${title} (reel set ${spin.reelSet}${heights}, stops ${spin.stops.join(' ')}):`];
  const inner = `${indent}  `;
  if (spin.values.length > 0) lines.push(`${inner}values drawn at the reveal: ${valuesText(spin.values)}`);
  if (spin.sticky.length > 0)
    lines.push(
      `${inner}sticky wilds held: ${spin.sticky.map((s) => `${cellText(s.cell)} ${s.symbol}×${plain(s.value)}`).join(', ')}`,
    );
  for (const x of spin.expanded)
    lines.push(`${inner}${x.symbol}×${plain(x.value)} expands over reel ${x.reel}`);
  spin.evaluations.forEach((e, i) => lines.push(...evaluationLines(e, i, spin.evaluations.length, inner)));
  if (spin.scatter !== null)
    lines.push(
      `${inner}scatter: ${spin.scatter.count} × ${spin.scatter.symbol} pays ${count(spin.scatter.pay)}`,
    );
  if (spin.multiplierSymbols !== null)
    lines.push(`${inner}multiplier symbols on the final window: sum ${plain(spin.multiplierSymbols)}`);
  if (spin.meter !== null) lines.push(`${inner}multiplier meter: ${plain(spin.meter)}`);
  if (spin.factor !== 1) lines.push(`${inner}pay wins × ${plain(spin.factor)}`);
  if (spin.multiplier !== 1) lines.push(`${inner}free spins ×${plain(spin.multiplier)}`);
  if (spin.win === 0) lines.push(`${inner}no win`);
  else
    lines.push(
      `${inner}pay win ${count(spin.payWin)}${spin.scatterWin > 0 ? `, scatter win ${count(spin.scatterWin)}` : ''}; spin win ${count(spin.win)}`,
    );
  return lines;
}

function awardText(parts: readonly AwardPart[]): string {
  return parts.map((p) => `${p.count} scatters → ${p.spins} spins${p.drawn ? ' (drawn)' : ''}`).join(', ');
}

function coinText(c: CoinOutcome): string {
  const what = c.jackpot !== null ? c.jackpot : plain(c.value ?? 0);
  return `${cellText(c.cell)} ${what} (${count(c.credits)} credits)`;
}

function holdAndWinLines(h: HoldAndWinOutcome, grid: GridShape | null, indent: string): string[] {
  const inner = `${indent}  `;
  const lines = [`${indent}Hold and win${grid === null ? '' : ` (${grid.reels} × ${grid.rows} grid)`}:`];
  lines.push(`${inner}coins at the start: ${h.initial.map(coinText).join(', ')}`);
  h.respins.forEach((r, i) => {
    const landed =
      r.landings.length === 0 ? 'nothing landed' : `landed ${r.landings.map(coinText).join(', ')}`;
    lines.push(`${inner}respin ${i + 1}: ${landed}; respins left ${r.respinsLeft}`);
  });
  if (grid !== null) {
    const at = new Map(h.coins.map((c) => [key(c.cell), c]));
    const text = (reel: number, row: number): string => {
      const c = at.get(`${reel},${row}`);
      return c === undefined ? '.' : c.jackpot !== null ? c.jackpot : plain(c.value ?? 0);
    };
    const width = Math.max(1, ...h.coins.map((c) => text(c.cell[0], c.cell[1]).length));
    lines.push(`${inner}final grid:`);
    for (let row = 0; row < grid.rows; row++) {
      const cells = Array.from({ length: grid.reels }, (_, reel) => text(reel, row).padEnd(width));
      lines.push(`${inner}  | ${cells.join(' | ')} |`);
    }
  } else {
    lines.push(`${inner}coins at the end: ${h.coins.map(coinText).join(', ')}`);
  }
  if (h.fullGrid) lines.push(`${inner}FULL GRID`);
  if (h.jackpots.length > 0) lines.push(`${inner}jackpots won: ${h.jackpots.join(', ')}`);
  lines.push(`${inner}hold-and-win win ${count(h.win)}`);
  return lines;
}

function startLines(start: StartOutcome, mode: string, indent: string): string[] {
  switch (start.kind) {
    case 'freeSpins':
      return [`${indent}Start (mode ${mode}): ${plural(start.spins, 'free spin')} drawn`];
    case 'holdAndWin':
      return [
        `${indent}Start (mode ${mode}): ${plural(start.coins, 'coin')} drawn, placed on ${cellsText(start.placements)}`,
      ];
    default: {
      const unknown: never = start;
      throw new Error(`unknown start ${String(unknown)}`);
    }
  }
}

function freeSpinLines(spin: FreeSpinOutcomeV2, i: number, indent: string): string[] {
  const lines = spinLines(`Free spin ${i + 1}`, spin, indent);
  if (spin.retriggers.length > 0)
    lines.push(`${indent}  retrigger: ${awardText(spin.retriggers)}; +${spin.retrigger} spins`);
  return lines;
}

/** The play of a format-2 round, from its start to its total, as text lines (indented two spaces). */
export function roundLinesV2(
  outcome: RoundOutcomeV2,
  grid: GridShape | null,
  bonusLines: (bonus: NonNullable<RoundOutcomeV2['bonus']>) => string[],
): string[] {
  const indent = '  ';
  const lines = [
    `${indent}mode ${outcome.mode}, cost ${count(outcome.cost)}; cells are [reel,row], row 0 at the top`,
  ];
  if (outcome.start !== null) lines.push(...startLines(outcome.start, outcome.mode, indent));
  if (outcome.paid !== null) lines.push(...spinLines('Paid spin', outcome.paid, indent));
  if (outcome.bonus !== null) lines.push(...bonusLines(outcome.bonus));
  if (outcome.holdAndWin !== null) lines.push(...holdAndWinLines(outcome.holdAndWin, grid, indent));
  const fs = outcome.freeSpins;
  if (fs !== null) {
    const trigger = fs.awards.length === 0 ? '' : ` (${awardText(fs.awards)})`;
    lines.push(`${indent}Free spins: ${fs.awarded} awarded${trigger}, ${fs.spins.length} played`);
    fs.spins.forEach((spin, i) => lines.push(...freeSpinLines(spin, i, indent)));
    lines.push(`${indent}free spins win ${count(fs.win)}`);
  }
  return lines;
}
