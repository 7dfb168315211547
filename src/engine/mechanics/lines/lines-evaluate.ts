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
import type { WinSink } from '../pay-mechanic.js';
import { combineWild, wildFinish, wildStart, wildValue } from '../pay-mechanic.js';

/** The lines mechanic's reference evaluation (see `Evaluate`). */
export function evaluateLines(
  t: SpinTables,
  g: Grid,
  ladder: number,
  sink: WinSink | null,
  mark: boolean,
): number {
  const R = t.reels;
  const S = t.symbolCount;
  const cells = g.cells;
  const lineCells = t.lineCells;
  const wild = t.wild;
  const subst = t.subst;
  const bestPay = t.bestPay;
  const bestRule = t.bestRule;
  const stride = t.countStride;
  const sum = t.sum;
  const patterns = t.patterns;
  const patternCount = patterns.length;
  const hasKind = t.hasKind;
  const lineCount = t.lineCount;
  let total = 0;
  for (let l = 0, base = 0; l < lineCount; l++, base += R) {
    let bestWin = 0;
    let ruleOf = -1;
    let payOf = 0;
    let countOf = 0;
    let multiplierOf = 1;

    const s0 = cells[lineCells[base]!]!;
    if (wild[s0] !== 1) {
      // Most lines: X is the symbol on reel 0.
      if (hasKind[s0] === 1) {
        let acc = wildStart(sum);
        let k = 1;
        for (; k < R; k++) {
          const c = lineCells[base + k]!;
          const s = cells[c]!;
          if (s === s0) continue;
          if (wild[s] === 1 && subst[s * S + s0] === 1) acc = combineWild(sum, acc, wildValue(t, g, c, s));
          else break;
        }
        const at = s0 * stride + k;
        const pay = bestPay[at]!;
        if (pay > 0) {
          multiplierOf = wildFinish(sum, acc);
          bestWin = pay * multiplierOf;
          ruleOf = bestRule[at]!;
          payOf = pay;
          countOf = k;
        }
      }
    } else {
      // A wild's own run: reel 0's wild, alone, never multiplied.
      let k = 1;
      while (k < R && cells[lineCells[base + k]!] === s0) k++;
      const own = s0 * stride + k;
      if (bestPay[own]! > 0) {
        bestWin = bestPay[own]!;
        ruleOf = bestRule[own]!;
        payOf = bestWin;
        countOf = k;
      }
      // The run of the first non-wild symbol X: every wild before it must stand for X.
      let p = k;
      while (p < R && wild[cells[lineCells[base + p]!]!] === 1) p++;
      const x = p < R ? cells[lineCells[base + p]!]! : -1;
      if (x >= 0 && hasKind[x] === 1) {
        let acc = wildStart(sum);
        let run = 0;
        for (; run < R; run++) {
          const c = lineCells[base + run]!;
          const s = cells[c]!;
          if (s === x) continue;
          if (wild[s] === 1 && subst[s * S + x] === 1) acc = combineWild(sum, acc, wildValue(t, g, c, s));
          else break;
        }
        const at = x * stride + run;
        const pay = run > p ? bestPay[at]! : 0;
        if (pay > 0) {
          const multiplier = wildFinish(sum, acc);
          const win = pay * multiplier;
          const rule = bestRule[at]!;
          if (win > bestWin || (win === bestWin && rule < ruleOf)) {
            bestWin = win;
            ruleOf = rule;
            payOf = pay;
            countOf = run;
            multiplierOf = multiplier;
          }
        }
      }
    }

    // Patterns: every position j matches directly or through a wild standing for a member.
    for (let i = 0; i < patternCount; i++) {
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
      if (win > bestWin || (win === bestWin && pattern.rule < ruleOf)) {
        bestWin = win;
        ruleOf = pattern.rule;
        payOf = pattern.pay;
        countOf = pattern.length;
        multiplierOf = multiplier;
      }
    }

    if (ruleOf < 0) continue;
    const amount = bestWin * ladder;
    total += amount;
    if (mark) for (let k = 0; k < countOf; k++) g.removed[lineCells[base + k]!] = 1;
    if (sink !== null) {
      for (let k = 0; k < countOf; k++) g.winCells[k] = lineCells[base + k]!;
      sink.report.set('line', ruleOf, countOf, 1, l, countOf, payOf, multiplierOf, ladder, amount);
      sink.win(g);
    }
  }
  return total;
}
