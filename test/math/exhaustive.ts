import type { Game } from '../../src/engine/model.js';
import { playRoundV1 } from '../../src/engine/round.js';
import type { RoundOutcome } from '../../src/engine/outcome.js';
import type { Rng } from '../../src/rng/rng.js';
import { add, frac, ZERO } from '../../src/math/fraction.js';
import type { Fraction } from '../../src/math/fraction.js';

/**
 * Ground truth for small games: plays `playRound` once for every possible sequence of draws (the
 * engine itself decides which draws a round makes), each path weighted by Π 1/bound. Exact
 * expectations of anything a round outcome shows — including the cap and the free-spin chain.
 * Only for tiny games: the number of paths is the product of the bounds along each path.
 */
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

/**
 * Runs `play` once for every possible sequence of draws it makes, calling `visit` with its result
 * and the path's probability denominator (the numerator is 1).
 */
export function forEachPath<T>(
  play: (rng: Rng) => T,
  visit: (result: T, denominator: bigint) => void,
): number {
  let forced: number[] = [];
  let paths = 0;
  for (;;) {
    const rng = new PathRng(forced);
    const result = play(rng);
    visit(
      result,
      rng.bounds.reduce((p, b) => p * BigInt(b), 1n),
    );
    paths++;
    let i = rng.draws.length - 1;
    while (i >= 0 && rng.draws[i]! + 1 >= rng.bounds[i]!) i--;
    if (i < 0) return paths;
    forced = [...rng.draws.slice(0, i), rng.draws[i]! + 1];
  }
}

/** Every possible round of `game`. */
export function forEachRound(
  game: Game,
  visit: (outcome: RoundOutcome, denominator: bigint) => void,
): number {
  return forEachPath((rng) => playRoundV1(game, rng), visit);
}

export interface Exhaustive {
  readonly paths: number;
  /** Per credit staked. */
  readonly rtp: Fraction;
  readonly lines: Fraction;
  readonly scatter: Fraction;
  readonly freeSpins: Fraction;
  readonly bonus: Fraction;
  /** E[X²] per stake², P(X > 0). */
  readonly meanSquare: Fraction;
  readonly hitFrequency: Fraction;
  readonly pFreeSpinsTrigger: Fraction;
  readonly pBonusTrigger: Fraction;
  /** E[free spins played] per round. */
  readonly freeSpinsPerRound: Fraction;
  /** P(the max-win cap ends the round). */
  readonly capHit: Fraction;
  /** E[part²] per stake² of each part of a round, and E[N²·1{free spins}] of the free spins N played. */
  readonly squares: {
    readonly lines: Fraction;
    readonly scatter: Fraction;
    readonly paidSpin: Fraction;
    readonly freeSpins: Fraction;
    readonly bonus: Fraction;
    readonly spins: Fraction;
  };
}

const KEYS = [
  'total',
  'square',
  'lines',
  'scatter',
  'freeSpins',
  'bonus',
  'hit',
  'fsTrigger',
  'bonusTrigger',
  'spins',
  'capped',
  'linesSq',
  'scatterSq',
  'paidSq',
  'freeSq',
  'bonusSq',
  'spinsSq',
] as const;
type Key = (typeof KEYS)[number];

/** Exact expectations over every path; sums are kept per denominator and combined once. */
export function exhaustive(game: Game): Exhaustive {
  const byDenominator = new Map<bigint, Record<Key, bigint>>();
  const paths = forEachRound(game, (o, d) => {
    let acc = byDenominator.get(d);
    if (acc === undefined) {
      acc = Object.fromEntries(KEYS.map((k) => [k, 0n])) as Record<Key, bigint>;
      byDenominator.set(d, acc);
    }
    const x = BigInt(o.total);
    acc.total += x;
    acc.square += x * x;
    acc.lines += BigInt(o.components.lines);
    acc.scatter += BigInt(o.components.scatter);
    acc.freeSpins += BigInt(o.components.freeSpins);
    acc.bonus += BigInt(o.components.bonus);
    if (o.total > 0) acc.hit += 1n;
    if (o.freeSpins !== null) {
      acc.fsTrigger += 1n;
      acc.spins += BigInt(o.freeSpins.spins.length);
    }
    if (o.bonus !== null) acc.bonusTrigger += 1n;
    if (o.capped) acc.capped += 1n;
    const sq = (x: number): bigint => BigInt(x) * BigInt(x);
    acc.linesSq += sq(o.components.lines);
    acc.scatterSq += sq(o.components.scatter);
    acc.paidSq += sq(o.components.lines + o.components.scatter);
    acc.freeSq += sq(o.components.freeSpins);
    acc.bonusSq += sq(o.components.bonus);
    if (o.freeSpins !== null) acc.spinsSq += sq(o.freeSpins.spins.length);
  });
  const expect = (key: Key, scale: bigint): Fraction => {
    let f = ZERO;
    for (const [d, acc] of byDenominator) f = add(f, frac(acc[key], d * scale));
    return f;
  };
  const stake = BigInt(game.betCredits);
  return {
    paths,
    rtp: expect('total', stake),
    lines: expect('lines', stake),
    scatter: expect('scatter', stake),
    freeSpins: expect('freeSpins', stake),
    bonus: expect('bonus', stake),
    meanSquare: expect('square', stake * stake),
    hitFrequency: expect('hit', 1n),
    pFreeSpinsTrigger: expect('fsTrigger', 1n),
    pBonusTrigger: expect('bonusTrigger', 1n),
    freeSpinsPerRound: expect('spins', 1n),
    capHit: expect('capped', 1n),
    squares: {
      lines: expect('linesSq', stake * stake),
      scatter: expect('scatterSq', stake * stake),
      paidSpin: expect('paidSq', stake * stake),
      freeSpins: expect('freeSq', stake * stake),
      bonus: expect('bonusSq', stake * stake),
      spins: expect('spinsSq', 1n),
    },
  };
}

/** The exact distribution of a round's total win: credits → probability, over every path. */
export function exhaustiveDistribution(game: Game): Map<number, Fraction> {
  const out = new Map<number, Fraction>();
  forEachRound(game, (o, d) => out.set(o.total, add(out.get(o.total) ?? ZERO, frac(1n, d))));
  return out;
}
