/**
 * Line pays on a grid (format 1's rules, with per-cell wild values and `"sum"`).
 *
 * Per payline, the candidates are: a wild's own run from reel 0 (the wild on reel 0, alone), the
 * run of the first non-wild symbol X on the line (only it can hold an X: every symbol before it
 * is a wild, and any other symbol breaks at X), and every pattern. The line pays the highest
 * after multipliers; on a tie, the earliest rule in `pays`. A win holds the payline's cells on
 * reels 0 … k−1.
 */
import type { Grid } from '../../grid.js';
import type { SpinTables } from '../../spin-tables.js';
import type { PayMechanic, WinSink } from '../pay-mechanic.js';
import { combineWild, wildFinish, wildStart, wildValue } from '../pay-mechanic.js';

function evaluateLines(t: SpinTables, g: Grid, ladder: number, sink: WinSink | null, mark: boolean): number {
  const R = t.reels;
  const S = t.symbolCount;
  const cells = g.cells;
  const lineCells = t.lineCells;
  const wild = t.wild;
  const subst = t.subst;
  const kinds = t.kinds;
  const sum = t.sum;
  let total = 0;
  for (let l = 0, base = 0; l < t.lineCount; l++, base += R) {
    let bestRule = -1;
    let bestWin = 0;
    let bestPay = 0;
    let bestCount = 0;
    let bestMultiplier = 1;

    // A wild's own run: reel 0's wild, alone, never multiplied.
    const s0 = cells[lineCells[base]!]!;
    if (wild[s0] === 1) {
      const own = t.kindsOfSymbol[s0]!;
      if (own.length > 0) {
        let k = 1;
        while (k < R && cells[lineCells[base + k]!] === s0) k++;
        for (let i = 0; i < own.length; i++) {
          const rule = kinds[own[i]!]!;
          const pay = rule.pays[k]!;
          if (pay > 0 && (pay > bestWin || (pay === bestWin && rule.rule < bestRule))) {
            bestRule = rule.rule;
            bestWin = pay;
            bestPay = pay;
            bestCount = k;
            bestMultiplier = 1;
          }
        }
      }
    }

    // The first non-wild symbol X and its run (the wilds before it must stand for X).
    let p = 0;
    while (p < R && wild[cells[lineCells[base + p]!]!] === 1) p++;
    if (p < R) {
      const x = cells[lineCells[base + p]!]!;
      const rulesOfX = t.kindsOfSymbol[x]!;
      if (rulesOfX.length > 0) {
        let acc = wildStart(sum);
        let k = 0;
        for (; k < R; k++) {
          const c = lineCells[base + k]!;
          const s = cells[c]!;
          if (s === x) continue;
          if (wild[s] === 1 && subst[s * S + x] === 1) acc = combineWild(sum, acc, wildValue(t, g, c, s));
          else break;
        }
        if (k > p) {
          const multiplier = wildFinish(sum, acc);
          for (let i = 0; i < rulesOfX.length; i++) {
            const rule = kinds[rulesOfX[i]!]!;
            const pay = rule.pays[k]!;
            if (pay <= 0) continue;
            const win = pay * multiplier;
            if (win > bestWin || (win === bestWin && rule.rule < bestRule)) {
              bestRule = rule.rule;
              bestWin = win;
              bestPay = pay;
              bestCount = k;
              bestMultiplier = multiplier;
            }
          }
        }
      }
    }

    // Patterns: every position j matches directly or through a wild standing for a member.
    const patterns = t.patterns;
    for (let i = 0; i < patterns.length; i++) {
      const pattern = patterns[i]!;
      if (pattern.pay <= 0) continue;
      let acc = wildStart(sum);
      let wildsAlone = true;
      let j = 0;
      for (; j < pattern.length; j++) {
        const c = lineCells[base + j]!;
        const s = cells[c]!;
        if (pattern.direct[j * S + s] === 1) {
          if (wild[s] !== 1) wildsAlone = false;
        } else if (pattern.substitute[j * S + s] === 1) {
          acc = combineWild(sum, acc, wildValue(t, g, c, s));
        } else {
          break;
        }
      }
      if (j < pattern.length) continue;
      const multiplier = wildsAlone ? 1 : wildFinish(sum, acc);
      const win = pattern.pay * multiplier;
      if (win > bestWin || (win === bestWin && pattern.rule < bestRule)) {
        bestRule = pattern.rule;
        bestWin = win;
        bestPay = pattern.pay;
        bestCount = pattern.length;
        bestMultiplier = multiplier;
      }
    }

    if (bestRule < 0) continue;
    const amount = bestWin * ladder;
    total += amount;
    if (mark) for (let k = 0; k < bestCount; k++) g.removed[lineCells[base + k]!] = 1;
    if (sink !== null) {
      for (let k = 0; k < bestCount; k++) g.winCells[k] = lineCells[base + k]!;
      const report = sink.report;
      report.kind = 'line';
      report.rule = bestRule;
      report.count = bestCount;
      report.ways = 1;
      report.line = l;
      report.cellCount = bestCount;
      report.pay = bestPay;
      report.wildMultiplier = bestMultiplier;
      report.ladder = ladder;
      report.amount = amount;
      sink.win(g);
    }
  }
  return total;
}

export const LINES: PayMechanic<'lines'> = {
  kind: 'lines',
  winKind: 'line',
  evaluate: evaluateLines,
  combinationKey: (rule, count, wildMultiplier) => `line:${rule}:${count}:${wildMultiplier}`,
  fastKernel: null,
  fullCycle: null,
  perReel: null,
};
