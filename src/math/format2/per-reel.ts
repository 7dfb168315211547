/**
 * The per-reel exact form of one spin of a format-2 reel set without cascades (format-2 spec,
 * "Exactness": "no cascade: lines, ways (heights included: each reel's count distribution is a
 * mixture over its heights) …"). Reels are independent: each reel draws its height, then its stop,
 * then the values of its value-carrying cells, and nothing a reel shows depends on another. So
 * every expectation of a product over reels is the product of per-reel expectations, and every
 * count over the window (scatter, trigger, bonus, coin cells) is a convolution of per-reel counts.
 *
 * Ways, as the engine's `evaluateWays` pays them: for a non-wild X, per reel j, nⱼ = cells showing X
 * + the value of every wild cell standing for X and mⱼ = the wild part; the run k is the first reel
 * with nⱼ = 0 (or R); the rule pays pays[k] × (Π_{j<k} nⱼ − Π_{j<k} mⱼ) when that is above 0. A wild's
 * own rule has nⱼ = its own cells, mⱼ = 0. Since mⱼ > 0 implies nⱼ > 0,
 *
 *   E[pays[k]·1{run = k}·(Πn − Πm)·1{counts = c}]
 *     = pays[k] · [ (⊛_{j<k} E[nⱼ·z^cⱼ]) ⊛ E[1{n_k = 0}·z^c_k] ⊛ (⊛_{j>k} E[z^cⱼ]) − the same with mⱼ ],
 *
 * where z^c marks the reel's counts and ⊛ convolves them (keys add). The win is linear in every
 * wild value (product rule, format-2 ruling 35), so each value enters by its mean: nⱼ and mⱼ carry
 * Σ E[value] over their wild cells, and the expectation is exact. An expanding wild fills its reel
 * with the value of the topmost one (ruling 25): h cells × one value, mean h·E[v], and covers every
 * scatter of that reel (ruling 24). Occurrences of a win (`hits`) need Πn > Πm, i.e. some reel of
 * the run shows X itself: P(run = k) − P(run = k, no X on reels < k).
 *
 * What it refuses (`perReelProblem`) is everything whose win is not a sum of per-reel products:
 * cascades, multiplier symbols (a factor of the whole window), sticky wilds and meters (free spins
 * that are not independent), `"sum"`, bonus `line` triggers, and every evaluation but ways.
 */
import type { Game, ReelSet } from '../../engine/model.js';
import { spinTablesOf } from '../../engine/spin-tables.js';
import type { SpinTables } from '../../engine/spin-tables.js';
import { SlotsimError } from '../../errors.js';
import { add, frac, mul, ZERO } from '../fraction.js';
import type { Fraction } from '../fraction.js';
import type { SpinClassInfo, SpinRole } from './spin-types.js';
import { spinSpace } from './spin-space.js';

/** One class of spin (what it means for the round) with its probability and mean wins in it. */
export interface PerReelClass {
  readonly info: SpinClassInfo;
  readonly weight: Fraction;
  /** E[pay win · 1{class}] and E[scatter win · 1{class}], credits (no free-spin multiplier, no cap). */
  readonly pay: Fraction;
  readonly scatter: Fraction;
}

/** One paying combination: E[occurrences] and E[credits] per spin. */
export interface PerReelWin {
  readonly rule: number;
  readonly count: number;
  readonly hits: Fraction;
  readonly credits: Fraction;
}

/** The exact means of one spin of a reel set, from its reels alone. */
export interface PerReelSpin {
  readonly role: SpinRole;
  readonly reelSet: string;
  /** Π per reel (height total × stop bound). */
  readonly cycle: bigint;
  /** Column states (height × stop) summed over the reels: the work it took. */
  readonly states: number;
  /** E[pay win], E[scatter win] of one spin, credits (no free-spin multiplier, no cap). */
  readonly pay: Fraction;
  readonly scatter: Fraction;
  readonly classes: readonly PerReelClass[];
  /** `rule:count:1` → the combination (ways wins are keyed without a multiplier, as the enumeration's). */
  readonly wins: ReadonlyMap<string, PerReelWin>;
  /** The counted window's scatter count → probability (null without a scatter). */
  readonly scatterCounts: ReadonlyMap<number, Fraction> | null;
  /** Paid spin: the hold-and-win trigger symbol's count → probability (null without one). */
  readonly coinCounts: ReadonlyMap<number, Fraction> | null;
}

/**
 * Why the per-reel form cannot give this role's spins exactly, or null when it can: the planner's
 * question "can the per-reel form handle this reel set?".
 */
export function perReelProblem(game: Game, role: SpinRole): string | null {
  if (game.cascade !== null) return 'its spins cascade (a refill depends on the whole window)';
  if (game.evaluation !== 'ways')
    return `the per-reel form covers ways games only (this one evaluates "${game.evaluation}")`;
  if (game.symbols.some((s) => s.multiplierSymbol !== null))
    return 'multiplier symbols multiply the whole window’s pay (not a product of reels)';
  if (game.wildMultipliers === 'sum') return 'wild multipliers add up ("sum"), not a product of reels';
  if (role === 'free') {
    const fs = game.freeSpins;
    if (fs === null) return 'the game has no free spins';
    if (fs.stickyWilds) return 'its free spins keep sticky wilds (not independent spins)';
    if (fs.multiplierMeter) return 'its free spins carry a multiplier meter (not independent spins)';
  }
  if (role === 'base' && game.bonus !== null && game.bonus.trigger.kind === 'line')
    return 'its bonus is triggered on a payline';
  return null;
}

/** An exact fraction of a double (every double is a dyadic rational). */
export function exactOfDouble(x: number): Fraction {
  if (Number.isInteger(x)) return frac(BigInt(x));
  if (!Number.isFinite(x)) throw new SlotsimError('INTERNAL', `not a finite amount: ${x}`);
  let d = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    d *= 2n;
  }
  return frac(BigInt(v), d);
}

/** Counts over the window, one key: Σ count_i × base^i. */
interface Counters {
  /** The symbols counted (scatter, trigger, bonus, coin: each once), and the base of the key. */
  readonly symbols: readonly number[];
  readonly base: number;
  readonly scatter: number;
  readonly trigger: number;
  readonly bonus: number;
  readonly coin: number;
}

/** key → Σ weight × quantity, over an implicit denominator. */
type Poly = Map<number, bigint>;

function convolve(a: Poly, b: Poly): Poly {
  const out: Poly = new Map();
  for (const [ka, va] of a) {
    if (va === 0n) continue;
    for (const [kb, vb] of b) {
      if (vb === 0n) continue;
      const k = ka + kb;
      out.set(k, (out.get(k) ?? 0n) + va * vb);
    }
  }
  return out;
}

function addTo(poly: Poly, key: number, value: bigint): void {
  if (value !== 0n) poly.set(key, (poly.get(key) ?? 0n) + value);
}

function counterOf(c: Counters, key: number, which: number): number {
  const i = c.symbols.indexOf(which);
  if (i < 0) return 0;
  return Math.floor(key / c.base ** i) % c.base;
}

/** The least common multiple of the wild value tables' totals: every mean × it is an integer. */
function valueScale(t: SpinTables): bigint {
  let l = 1n;
  const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));
  for (let s = 0; s < t.symbolCount; s++) {
    const table = t.valueTable[s];
    if (t.wild[s] !== 1 || t.drawsValue[s] !== 1 || table === null || table === undefined) continue;
    const total = BigInt(table.total);
    l = (l * total) / gcd(l, total);
  }
  return l;
}

/** E[value] × scale of a wild cell showing s (an integer). */
function scaledMean(t: SpinTables, s: number, scale: bigint): bigint {
  const table = t.valueTable[s];
  if (t.drawsValue[s] !== 1 || table === null || table === undefined)
    return BigInt(t.fixedMultiplier[s]!) * scale;
  let sum = 0n;
  for (let i = 0; i < table.items.length; i++) {
    const w = table.cumulative[i]! - (i === 0 ? 0 : table.cumulative[i - 1]!);
    sum += BigInt(w) * BigInt(table.items[i]!);
  }
  return (sum * scale) / BigInt(table.total);
}

/** The per-reel tallies of one reel: per rule, Σ weight × n, × m, × 1{n = 0}, × 1{n > 0}, × 1{n > 0, no X}. */
interface ReelTally {
  /** Σ weights of the reel's states (its denominator). */
  readonly total: bigint;
  readonly all: Poly;
  readonly n: Poly[];
  readonly m: Poly[];
  readonly none: Poly[];
  readonly some: Poly[];
  readonly wildOnly: Poly[];
}

/**
 * The exact means of one spin of the role's reel set (see the file's comment). Throws when
 * `perReelProblem` names a problem.
 */
export function perReelSpin(game: Game, role: SpinRole): PerReelSpin {
  const problem = perReelProblem(game, role);
  if (problem !== null) throw new SlotsimError('INTERNAL', `no per-reel form: ${problem}`);
  const set: ReelSet = role === 'base' ? game.baseReelSet : game.freeSpins!.reelSet;
  const t = spinTablesOf(game);
  const R = t.reels;
  const S = t.symbolCount;
  const rules = t.kinds;
  const free = role === 'free';
  const counted = [t.scatterSymbol, t.triggerSymbol];
  if (!free) counted.push(t.bonusSymbol, t.coinSymbol);
  const symbols = [...new Set(counted.filter((s) => s >= 0))];
  const counters: Counters = {
    symbols,
    base: t.cellCount + 1,
    scatter: t.scatterSymbol,
    trigger: t.triggerSymbol,
    bonus: free ? -1 : t.bonusSymbol,
    coin: free ? -1 : t.coinSymbol,
  };
  if (counters.base ** symbols.length > Number.MAX_SAFE_INTEGER)
    throw new SlotsimError('INTERNAL', 'too many counted symbols for the per-reel form');
  const scale = valueScale(t);
  const means = Array.from({ length: S }, (_, s) => (t.wild[s] === 1 ? scaledMean(t, s, scale) : 0n));
  const space = spinSpace(game, set);

  const tallies: ReelTally[] = space.reels.map((states, r) => {
    const strip = set.reels[r]!.strip;
    const L = strip.length;
    const tally: ReelTally = {
      total: 0n,
      all: new Map(),
      n: rules.map((): Poly => new Map()),
      m: rules.map((): Poly => new Map()),
      none: rules.map((): Poly => new Map()),
      some: rules.map((): Poly => new Map()),
      wildOnly: rules.map((): Poly => new Map()),
    };
    let total = 0n;
    const column = new Int32Array(t.rows);
    const cellCount = new Int32Array(S);
    for (let j = 0; j < states.count; j++) {
      const w = BigInt(states.weights[j]!);
      total += w;
      const h = states.rows[j]!;
      for (let k = 0; k < h; k++) column[k] = strip[(states.stops[j]! + k) % L]!;
      // Expanding wilds: the topmost fills the reel (ruling 25), covering everything (ruling 24).
      if (t.anyExpand) {
        for (let k = 0; k < h; k++) {
          if (t.expand[column[k]!] !== 1) continue;
          const s = column[k]!;
          for (let i = 0; i < h; i++) column[i] = s;
          break;
        }
      }
      cellCount.fill(0);
      for (let k = 0; k < h; k++) cellCount[column[k]!]!++;
      let key = 0;
      symbols.forEach((s, i) => (key += cellCount[s]! * counters.base ** i));
      addTo(tally.all, key, w);
      rules.forEach((rule, i) => {
        const x = rule.symbol;
        let c = BigInt(cellCount[x]!);
        let m = 0n;
        let wildCells = 0;
        if (!rule.wild) {
          for (let q = 0; q < t.wilds.length; q++) {
            const wsym = t.wilds[q]!;
            if (t.subst[wsym * S + x] !== 1 || cellCount[wsym] === 0) continue;
            m += BigInt(cellCount[wsym]!) * means[wsym]!;
            wildCells += cellCount[wsym]!;
          }
        }
        // n, m scaled by the value scale (a wild's own rule: its cells, unscaled → scaled).
        c *= scale;
        const n = c + m;
        addTo(tally.n[i]!, key, w * n);
        addTo(tally.m[i]!, key, w * m);
        if (n === 0n) addTo(tally.none[i]!, key, w);
        else {
          addTo(tally.some[i]!, key, w);
          if (c === 0n && wildCells > 0) addTo(tally.wildOnly[i]!, key, w);
        }
      });
    }
    return { ...tally, total };
  });

  // Suffix products of the plain count polynomials: after[r] = ⊛_{j ≥ r} all_j.
  const after: Poly[] = new Array<Poly>(R + 1);
  after[R] = new Map([[0, 1n]]);
  for (let r = R - 1; r >= 0; r--) after[r] = convolve(tallies[r]!.all, after[r + 1]!);
  let cycleW = 1n;
  for (const tally of tallies) cycleW *= tally.total;
  const denominators: bigint[] = [1n];
  for (let r = 0; r < R; r++) denominators.push(denominators[r]! * tallies[r]!.total);

  // Per counts key: E[pay win · 1{key}] (over cycleW × scale^R, kept as fractions per rule).
  const payByKey = new Map<number, Fraction>();
  const wins = new Map<string, PerReelWin>();
  rules.forEach((rule, i) => {
    let nPre: Poly = new Map([[0, 1n]]);
    let mPre: Poly = new Map([[0, 1n]]);
    let somePre: Poly = new Map([[0, 1n]]);
    let wildPre: Poly = new Map([[0, 1n]]);
    for (let k = 1; k <= R; k++) {
      const tk = tallies[k - 1]!;
      nPre = convolve(nPre, tk.n[i]!);
      mPre = convolve(mPre, tk.m[i]!);
      somePre = convolve(somePre, tk.some[i]!);
      wildPre = convolve(wildPre, tk.wildOnly[i]!);
      const pay = rule.pays[k] ?? 0;
      if (!(pay > 0)) continue;
      // Reel k (if any) ends the run; the reels after it only count.
      const tail: Poly = k < R ? convolve(tallies[k]!.none[i]!, after[k + 1]!) : new Map([[0, 1n]]);
      const waysDen = cycleW * scale ** BigInt(k);
      const payExact = exactOfDouble(pay);
      const n = convolve(nPre, tail);
      const m = convolve(mPre, tail);
      let credits = ZERO;
      for (const [key, v] of n) {
        const value = mul(payExact, frac(v - (m.get(key) ?? 0n), waysDen));
        if (value.n === 0n) continue;
        payByKey.set(key, add(payByKey.get(key) ?? ZERO, value));
        credits = add(credits, value);
      }
      for (const [key, v] of m) {
        if (n.has(key)) continue;
        const value = mul(payExact, frac(-v, waysDen));
        payByKey.set(key, add(payByKey.get(key) ?? ZERO, value));
        credits = add(credits, value);
      }
      let hitSum = 0n;
      for (const v of convolve(somePre, tail).values()) hitSum += v;
      if (!rule.wild) for (const v of convolve(wildPre, tail).values()) hitSum -= v;
      if (hitSum === 0n) continue;
      wins.set(`${rule.rule}:${k}:1`, { rule: rule.rule, count: k, hits: frac(hitSum, cycleW), credits });
    }
  });

  // The window's counts: classes, scatter pays, count tables.
  const classes = new Map<
    string,
    { info: SpinClassInfo; weight: Fraction; pay: Fraction; scatter: Fraction }
  >();
  let payTotal = ZERO;
  let scatterTotal = ZERO;
  const scatterCounts = t.scatterSymbol >= 0 ? new Map<number, Fraction>() : null;
  const coinCounts = counters.coin >= 0 ? new Map<number, Fraction>() : null;
  const hw = free ? null : game.holdAndWin;
  const bonus = free ? null : game.bonus;
  for (const [key, w] of after[0]!) {
    const p = frac(w, cycleW);
    const scatters = counterOf(counters, key, counters.scatter);
    const triggers = counterOf(counters, key, counters.trigger);
    const scatterPay = t.scatterSymbol >= 0 ? exactOfDouble(t.scatterPays[scatters]!) : ZERO;
    const awarded =
      t.triggerSymbol >= 0 &&
      (free
        ? t.retriggerFixed[triggers]! > 0 || t.retriggerDraw[triggers] != null
        : t.awardFixed[triggers]! > 0 || t.awardDraw[triggers] != null);
    const triggered =
      bonus !== null &&
      bonus.trigger.kind !== 'line' &&
      counterOf(counters, key, counters.bonus) >= bonus.trigger.count;
    const coinCount = counterOf(counters, key, counters.coin);
    const coins = hw !== null && coinCount >= hw.count ? coinCount : 0;
    const awards = awarded ? [triggers] : [];
    const info: SpinClassInfo = {
      key: `${awards.join(',')}|${triggered ? 1 : 0}|${coins}`,
      awards,
      bonus: triggered,
      coins,
    };
    const pay = payByKey.get(key) ?? ZERO;
    const scatter = mul(scatterPay, p);
    const entry = classes.get(info.key);
    if (entry === undefined) classes.set(info.key, { info, weight: p, pay, scatter });
    else {
      entry.weight = add(entry.weight, p);
      entry.pay = add(entry.pay, pay);
      entry.scatter = add(entry.scatter, scatter);
    }
    payTotal = add(payTotal, pay);
    scatterTotal = add(scatterTotal, scatter);
    if (scatterCounts !== null) scatterCounts.set(scatters, add(scatterCounts.get(scatters) ?? ZERO, p));
    if (coinCounts !== null) coinCounts.set(coinCount, add(coinCounts.get(coinCount) ?? ZERO, p));
  }
  let states = 0;
  for (const reel of space.reels) states += reel.count;
  return {
    role,
    reelSet: set.name,
    cycle: space.cycle,
    states,
    pay: payTotal,
    scatter: scatterTotal,
    classes: [...classes.values()],
    wins,
    scatterCounts,
    coinCounts,
  };
}
