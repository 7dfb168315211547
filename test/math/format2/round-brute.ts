/**
 * Ground truth for a whole format-2 round: the engine's round flow (no recorder) played once for
 * every possible sequence of draws, every draw value 0 … bound − 1 with probability 1/bound, within
 * a budget of paths (a game past it is reported as too large). Exact expectations of every figure
 * the analysis states, cap included.
 */
import type { Game } from '../../../src/engine/model.js';
import { RoundFlow } from '../../../src/engine/round-flow.js';
import type { Rng } from '../../../src/rng/rng.js';
import { add, frac, ZERO } from '../../../src/math/fraction.js';
import type { Fraction } from '../../../src/math/fraction.js';

class PathRng implements Rng {
  readonly algorithm = 'path';
  readonly draws: number[] = [];
  readonly bounds: number[] = [];
  constructor(private readonly forced: readonly number[]) {}
  int(bound: number): number {
    const i = this.draws.length;
    const value = i < this.forced.length ? this.forced[i]! : 0;
    this.draws.push(value);
    this.bounds.push(bound);
    return value;
  }
}

const KEYS = [
  'total',
  'square',
  'lines',
  'scatter',
  'bonus',
  'holdAndWin',
  'freeSpins',
  'hit',
  'fsTrigger',
  'bonusTrigger',
  'hwTrigger',
  'spins',
  'capped',
] as const;
type Key = (typeof KEYS)[number];

/** Per-round expectations (credits, probabilities, counts), exact. */
export type RoundTruth = Record<Key, Fraction> & { readonly paths: number };

export function bruteRound(game: Game, maxPaths: number): RoundTruth | null {
  const flow = new RoundFlow(game);
  const byDenominator = new Map<bigint, Record<Key, bigint>>();
  let forced: number[] = [];
  let paths = 0;
  for (;;) {
    if (paths >= maxPaths) return null;
    const rng = new PathRng(forced);
    flow.play(rng, null);
    paths++;
    const d = rng.bounds.reduce((p, b) => p * BigInt(b), 1n);
    let acc = byDenominator.get(d);
    if (acc === undefined) {
      acc = Object.fromEntries(KEYS.map((k) => [k, 0n])) as Record<Key, bigint>;
      byDenominator.set(d, acc);
    }
    const x = BigInt(flow.total);
    acc.total += x;
    acc.square += x * x;
    acc.lines += BigInt(flow.lines);
    acc.scatter += BigInt(flow.scatter);
    acc.bonus += BigInt(flow.bonus);
    acc.holdAndWin += BigInt(flow.holdAndWin);
    acc.freeSpins += BigInt(flow.freeSpins);
    if (flow.total > 0) acc.hit += 1n;
    if (flow.freeSpinsTriggered) acc.fsTrigger += 1n;
    if (flow.bonusPlayed) acc.bonusTrigger += 1n;
    if (flow.holdAndWinPlayed) acc.hwTrigger += 1n;
    acc.spins += BigInt(flow.freeSpinsPlayed);
    if (flow.capped) acc.capped += 1n;
    let i = rng.draws.length - 1;
    while (i >= 0 && rng.draws[i]! + 1 >= rng.bounds[i]!) i--;
    if (i < 0) break;
    forced = [...rng.draws.slice(0, i), rng.draws[i]! + 1];
  }
  const out = Object.fromEntries(
    KEYS.map((k) => {
      let f = ZERO;
      for (const [d, acc] of byDenominator) f = add(f, frac(acc[k], d));
      return [k, f];
    }),
  ) as Record<Key, Fraction>;
  return { ...out, paths };
}
