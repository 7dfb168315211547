/**
 * The full-cycle enumeration of a format-2 spin, through the engine's own spin player: every
 * column-state combination (heights × stops) of a reel set is played once per path of its value
 * draws, and each path (a leaf) adds its exact weight — the product of its heights', stops' and
 * values' weights — to the tallies of its signature (how many value draws of each bound it made,
 * which fixes its denominator). Every cascade is followed to its end by the player itself: a
 * `"strip"` refill draws nothing, so given the draws served the spin is one deterministic path.
 *
 * Value draws are enumerated depth first: the generator serves each value draw the representative
 * `choice[d]` of its bound (see `spin-space.ts`), the first time a draw is reached the choice is 0,
 * and after each leaf the deepest draw that has another representative moves on to it (the draws
 * below it are forgotten and reached afresh). With no value-carrying symbol a combination is one leaf.
 */
import type { Game, ReelSet } from '../../engine/model.js';
import { payMechanic } from '../../engine/mechanics/registry.js';
import { SpinPlayer } from '../../engine/spin-player.js';
import { reelTablesOf, spinTablesOf } from '../../engine/spin-tables.js';
import type { ReelTables, SpinTables } from '../../engine/spin-tables.js';
import type { Rng } from '../../rng/rng.js';
import { SlotsimError } from '../../errors.js';
import { DenseTally, ExactSum, HistogramTally, Tally } from './exact-tally.js';
import { SpinParRecorder } from './spin-recorder.js';
import { spinSpace } from './spin-space.js';
import type { SpinSpace, ValueBound } from './spin-space.js';

export type SpinRole = 'base' | 'free';

/** One task: the combinations whose leading `split` reels' states have prefix index in [from, to). */
export interface SpinTask {
  readonly role: SpinRole;
  readonly split: number;
  readonly from: number;
  readonly to: number;
  /** Credits: a spin whose win passes it is listed with its parts; −1 for none. */
  readonly cap: number;
  /** Leaves (spins played) the task may play; past them it stops and says so (`SpinPart.exceeded`). */
  readonly maxLeaves: number;
}

/** What a spin means for the rest of the round. */
export interface SpinClassInfo {
  /** A stable key (the same class has the same key in every task). */
  readonly key: string;
  /** The trigger counts whose award (paid spin) or retrigger (free spin) entry applied, in window order. */
  readonly awards: readonly number[];
  /** Paid spin: the bonus triggered. */
  readonly bonus: boolean;
  /** Paid spin: the hold-and-win trigger symbol's count on the counted window when it triggers, else 0. */
  readonly coins: number;
}

/** The PAR tallies of one signature (exact sums of leaf weights, and of weight × credits). */
export interface ParPart {
  /** `rule:count:wildMultiplier` → [Σ weight × occurrences, Σ weight × credits (× the spin's factor)]. */
  readonly wins: Map<string, readonly [bigint, bigint]>;
  /** Evaluations in the spin (1 + refills) → weight. */
  readonly evaluations: Map<number, bigint>;
  /** Evaluation index → Σ weight × its pay win (ladder and the spin's factor applied). */
  readonly cascadePay: Map<number, bigint>;
  /** Spins with a pay win: the factor that multiplied it (multiplier symbols; 1 without) → weight. */
  readonly factors: Map<number, bigint>;
  /** Spins with a pay win: multiplier-symbol cells on the final window → weight. */
  readonly multiplierCells: Map<number, bigint>;
  /** The counted window's scatter count → weight (not with `"each"`). */
  readonly scatterCounts: Map<number, bigint>;
  /** Paid spin: the hold-and-win trigger symbol's cells on the counted window → weight. */
  readonly coinCounts: Map<number, bigint>;
}

/** Every tally of the leaves of one signature. */
export interface SignaturePart {
  /** Value draws made, per bound of `SpinSpace.valueBounds`. */
  readonly draws: readonly number[];
  /** Per class index: spin win (pay + scatter, credits, no free-spin multiplier, no cap) → weight. */
  readonly histogram: Map<number, Map<number, bigint>>;
  /** Σ weight × pay win and Σ weight × scatter win (credits). */
  readonly pay: bigint;
  readonly scatter: bigint;
  /** [pay, scatter, weight] of every leaf whose win passes the task's cap. */
  readonly overCap: (readonly [number, number, bigint])[];
  readonly par: ParPart;
}

export interface SpinPart {
  readonly role: SpinRole;
  readonly from: number;
  readonly combinations: number;
  readonly leaves: number;
  /** True when the task stopped at `maxLeaves` (its tallies are incomplete). */
  readonly exceeded: boolean;
  readonly classes: readonly SpinClassInfo[];
  readonly signatures: readonly SignaturePart[];
}

const SAFE = 2 ** 53;
/** Value draws of one spin stay below this (cells × (1 + maxCascades) ≤ 100,000): one digit per bound. */
const DRAW_DIGIT = 2 ** 17;

/** Serves the column states' draws, then the value draws of the current path. */
class EnumerationRng implements Rng {
  readonly algorithm = 'enumeration';
  readonly fixed: Float64Array;
  served = 0;
  depth = 0;
  choice = new Int32Array(256);
  boundOf = new Int32Array(256);

  constructor(
    private readonly fixedCount: number,
    private readonly bounds: readonly ValueBound[],
  ) {
    this.fixed = new Float64Array(fixedCount);
  }

  /** Starts the next run of the current path. */
  restart(): void {
    this.served = 0;
    this.depth = 0;
  }

  int(bound: number): number {
    if (this.served < this.fixedCount) return this.fixed[this.served++]!;
    this.served++;
    const d = this.depth++;
    if (d >= this.choice.length) this.grow();
    const bounds = this.bounds;
    let b = 0;
    while (b < bounds.length && bounds[b]!.total !== bound) b++;
    if (b === bounds.length)
      throw new SlotsimError('INTERNAL', `unexpected draw bound ${bound} in an enumerated spin`);
    if (this.pathLength <= d) {
      this.choice[d] = 0;
      this.boundOf[d] = b;
      this.pathLength = d + 1;
    }
    return bounds[b]!.draws[this.choice[d]!]!;
  }

  pathLength = 0;

  private grow(): void {
    const choice = new Int32Array(this.choice.length * 2);
    const boundOf = new Int32Array(this.choice.length * 2);
    choice.set(this.choice);
    boundOf.set(this.boundOf);
    this.choice = choice;
    this.boundOf = boundOf;
  }

  /** Moves to the next path after a run; false when every path of the combination was played. */
  advance(): boolean {
    let d = this.depth - 1;
    while (d >= 0 && this.choice[d]! + 1 >= this.bounds[this.boundOf[d]!]!.draws.length) d--;
    if (d < 0) {
      this.pathLength = 0;
      return false;
    }
    this.choice[d]!++;
    this.pathLength = d + 1;
    return true;
  }
}

/** Wild multipliers below this share a numeric win key with the rule and count. */
const MULTIPLIER_DIGIT = 2 ** 20;
/** Counts (run, reels, cluster size, n) stay at or below 100,000 cells. */
const COUNT_DIGIT = 2 ** 17;

/** A paying combination's key: a number when small (rule, count, wild multiplier), else its text. */
function winKey(rule: number, count: number, multiplier: number): number | string {
  if (Number.isInteger(multiplier) && multiplier < MULTIPLIER_DIGIT && rule < 1024) {
    return (rule * COUNT_DIGIT + count) * MULTIPLIER_DIGIT + multiplier;
  }
  return `${rule}:${count}:${multiplier}`;
}

/** `rule:count:wildMultiplier`. */
function winKeyText(key: number | string): string {
  if (typeof key === 'string') return key;
  const multiplier = key % MULTIPLIER_DIGIT;
  const rest = (key - multiplier) / MULTIPLIER_DIGIT;
  const count = rest % COUNT_DIGIT;
  return `${(rest - count) / COUNT_DIGIT}:${count}:${multiplier}`;
}

/** Leaves of one signature, while the task runs. */
class SignatureTally {
  readonly histogram = new Map<number, HistogramTally>();
  readonly pay = new ExactSum();
  readonly scatter = new ExactSum();
  readonly overCap: (readonly [number, number, bigint])[] = [];
  readonly winHits = new Tally<number | string>();
  readonly winCredits = new Tally<number | string>();
  readonly evaluations: DenseTally;
  readonly cascadePay: DenseTally;
  readonly factors = new Tally<number>();
  readonly multiplierCells: DenseTally;
  readonly scatterCounts: DenseTally;
  readonly coinCounts: DenseTally;

  constructor(
    readonly draws: readonly number[],
    evaluations: number,
    cells: number,
  ) {
    this.evaluations = new DenseTally(evaluations + 1);
    this.cascadePay = new DenseTally(evaluations);
    this.multiplierCells = new DenseTally(cells + 1);
    this.scatterCounts = new DenseTally(cells + 1);
    this.coinCounts = new DenseTally(cells + 1);
  }

  classTally(cls: number): HistogramTally {
    let t = this.histogram.get(cls);
    if (t === undefined) {
      t = new HistogramTally();
      this.histogram.set(cls, t);
    }
    return t;
  }

  part(): SignaturePart {
    const wins = new Map<string, readonly [bigint, bigint]>();
    const credits = this.winCredits.entries();
    for (const [key, hits] of this.winHits.entries())
      wins.set(winKeyText(key), [hits, credits.get(key) ?? 0n]);
    return {
      draws: this.draws,
      histogram: new Map([...this.histogram].map(([cls, t]) => [cls, t.entries()])),
      pay: this.pay.value,
      scatter: this.scatter.value,
      overCap: this.overCap,
      par: {
        wins,
        evaluations: this.evaluations.entries(),
        cascadePay: this.cascadePay.entries(),
        factors: this.factors.entries(),
        multiplierCells: this.multiplierCells.entries(),
        scatterCounts: this.scatterCounts.entries(),
        coinCounts: this.coinCounts.entries(),
      },
    };
  }
}

/** The reel set a role spins. */
export function roleReelSet(game: Game, role: SpinRole): ReelSet {
  if (role === 'base') return game.baseReelSet;
  const feature = game.freeSpins;
  if (feature === null) throw new SlotsimError('INTERNAL', 'no free spins to enumerate');
  return feature.reelSet;
}

/** Enumerates tasks of one game and role (on a worker, or on the calling thread). */
export class SpinEnumerator {
  readonly game: Game;
  readonly role: SpinRole;
  readonly space: SpinSpace;
  private readonly tables: SpinTables;
  private readonly reelTables: ReelTables;
  private readonly player: SpinPlayer;
  private readonly recorder: SpinParRecorder;
  private readonly rng: EnumerationRng;
  private readonly free: boolean;
  private readonly cells: number;
  private readonly maxEvaluations: number;

  constructor(game: Game, role: SpinRole) {
    this.game = game;
    this.role = role;
    const set = roleReelSet(game, role);
    this.space = spinSpace(game, set);
    this.tables = spinTablesOf(game);
    this.reelTables = reelTablesOf(set);
    this.player = new SpinPlayer(this.tables);
    this.recorder = new SpinParRecorder((game.cascade?.maxCascades ?? 0) + 1);
    const R = game.reels;
    this.rng = new EnumerationRng(this.space.heights ? 2 * R : R, this.space.valueBounds);
    this.free = role === 'free';
    this.cells = game.reels * game.rows;
    this.maxEvaluations = (game.cascade?.maxCascades ?? 0) + 1;
    // The mechanic must exist for the evaluation kind (the player looks it up too).
    payMechanic(game.evaluation);
  }

  run(task: SpinTask): SpinPart {
    const game = this.game;
    const R = game.reels;
    const states = this.space.reels;
    const rng = this.rng;
    const fixed = rng.fixed;
    const stopOffset = this.space.heights ? R : 0;
    const player = this.player;
    const recorder = this.recorder;
    const bounds = this.space.valueBounds;
    const hw = this.free ? null : game.holdAndWin;
    const bonus = this.free ? null : game.bonus;
    const cells = this.cells;
    const cap = task.cap;

    const classIndex = new Map<number | string, number>();
    const classes: SpinClassInfo[] = [];
    const signatures = new Map<number | string, SignatureTally>();
    const signatureList: SignatureTally[] = [];
    let lastSignatureKey: number | string = -1;
    let lastSignature: SignatureTally | null = null;
    let lastClassKey: number | string = -1;
    let lastClass = 0;

    // The odometer: the prefix fixes reels 0 … split−1, the tail runs over the others.
    const j = new Int32Array(R);
    const weightUpTo = new Float64Array(R);
    const setReel = (r: number): void => {
      const s = states[r]!;
      const k = j[r]!;
      if (stopOffset > 0) fixed[r] = s.heightDraw[k]!;
      fixed[stopOffset + r] = s.stopDraw[k]!;
      weightUpTo[r] = (r === 0 ? 1 : weightUpTo[r - 1]!) * s.weights[k]!;
    };
    const bigWeight = (): bigint => {
      let w = 1n;
      for (let r = 0; r < R; r++) w *= BigInt(states[r]!.weights[j[r]!]!);
      return w;
    };

    let combinations = 0;
    let leaves = 0;
    for (let prefix = task.from; prefix < task.to; prefix++) {
      let rest = prefix;
      for (let r = task.split - 1; r >= 0; r--) {
        const n = states[r]!.count;
        j[r] = rest % n;
        rest = Math.floor(rest / n);
      }
      for (let r = task.split; r < R; r++) j[r] = 0;
      for (let r = 0; r < R; r++) setReel(r);
      for (;;) {
        combinations++;
        const combination = weightUpTo[R - 1]!;
        // Every path of the value draws of this combination.
        for (;;) {
          rng.restart();
          recorder.reset();
          player.play(rng, this.reelTables, this.free, 1, recorder);
          if (++leaves > task.maxLeaves) return this.stopped(task, combinations, leaves);

          // The leaf's weight and signature.
          let valueWeight = 1;
          let signatureKey: number | string = 0;
          const depth = rng.depth;
          if (depth > 0) {
            if (bounds.length <= 3) {
              for (let d = 0; d < depth; d++) {
                const b = rng.boundOf[d]!;
                valueWeight *= bounds[b]!.weights[rng.choice[d]!]!;
                signatureKey += DRAW_DIGIT ** b;
              }
            } else {
              const counts = new Array<number>(bounds.length).fill(0);
              for (let d = 0; d < depth; d++) {
                const b = rng.boundOf[d]!;
                valueWeight *= bounds[b]!.weights[rng.choice[d]!]!;
                counts[b]!++;
              }
              signatureKey = counts.join(',');
            }
          }
          let tally: SignatureTally;
          if (signatureKey === lastSignatureKey && lastSignature !== null) tally = lastSignature;
          else {
            let found = signatures.get(signatureKey);
            if (found === undefined) {
              const counts = new Array<number>(bounds.length).fill(0);
              for (let d = 0; d < depth; d++) counts[rng.boundOf[d]!]!++;
              found = new SignatureTally(counts, this.maxEvaluations, cells);
              signatures.set(signatureKey, found);
              signatureList.push(found);
            }
            tally = found;
            lastSignature = found;
            lastSignatureKey = signatureKey;
          }
          const w = combination * valueWeight;
          let big: bigint | null = null;
          if (!(w < SAFE)) {
            big = bigWeight();
            for (let d = 0; d < depth; d++) big *= BigInt(bounds[rng.boundOf[d]!]!.weights[rng.choice[d]!]!);
          }

          // The spin's class.
          const parts = player.awardParts;
          const triggered =
            bonus !== null &&
            (bonus.trigger.kind === 'line' ? player.bonusLine : player.bonusCount >= bonus.trigger.count);
          const coins = hw !== null && player.coinCount >= hw.count ? player.coinCount : 0;
          let classKey: number | string;
          if (parts <= 1) {
            classKey =
              ((parts === 0 ? 0 : player.awardCounts[0]! + 1) * 2 + (triggered ? 1 : 0)) * (cells + 1) +
              coins;
          } else {
            classKey = `m${Array.from(player.awardCounts.subarray(0, parts)).join(',')}|${triggered ? 1 : 0}|${coins}`;
          }
          let cls = classKey === lastClassKey ? lastClass : classIndex.get(classKey);
          if (cls === undefined) {
            cls = classes.length;
            classIndex.set(classKey, cls);
            const awards = Array.from(player.awardCounts.subarray(0, parts));
            classes.push({
              key: `${awards.join(',')}|${triggered ? 1 : 0}|${coins}`,
              awards,
              bonus: triggered,
              coins,
            });
          }
          lastClassKey = classKey;
          lastClass = cls;

          // The win.
          const pay = player.pay;
          const scatter = player.scatter;
          const win = pay + scatter;
          if (!Number.isInteger(win)) {
            throw new SlotsimError('INTERNAL', `a spin won ${win} credits, not a whole number`);
          }
          if (big === null) {
            tally.classTally(cls).add(win, w);
            tally.pay.addProduct(w, pay);
            tally.scatter.addProduct(w, scatter);
            if (cap >= 0 && win > cap) tally.overCap.push([pay, scatter, BigInt(w)]);
          } else {
            tally.classTally(cls).addBig(win, big);
            tally.pay.addBig(big * BigInt(pay));
            tally.scatter.addBig(big * BigInt(scatter));
            if (cap >= 0 && win > cap) tally.overCap.push([pay, scatter, big]);
          }
          this.tallyPar(tally, w, big, player.scatterCount, hw === null ? -1 : player.coinCount);

          if (depth === 0 || !rng.advance()) break;
        }

        // Next tail combination.
        let r = R - 1;
        while (r >= task.split && ++j[r]! >= states[r]!.count) {
          j[r] = 0;
          r--;
        }
        if (r < task.split) break;
        for (let k = r; k < R; k++) setReel(k);
      }
    }
    return {
      role: task.role,
      from: task.from,
      combinations,
      leaves,
      exceeded: false,
      classes,
      signatures: signatureList.map((s) => s.part()),
    };
  }

  private stopped(task: SpinTask, combinations: number, leaves: number): SpinPart {
    return {
      role: task.role,
      from: task.from,
      combinations,
      leaves,
      exceeded: true,
      classes: [],
      signatures: [],
    };
  }

  private tallyPar(
    tally: SignatureTally,
    w: number,
    big: bigint | null,
    scatterCount: number,
    coinCount: number,
  ): void {
    const player = this.player;
    const rec = this.recorder;
    if (big !== null) {
      this.tallyParBig(tally, big, scatterCount, coinCount);
      return;
    }
    tally.evaluations.add(player.evaluations, w);
    if (scatterCount >= 0) tally.scatterCounts.add(scatterCount, w);
    if (coinCount >= 0) tally.coinCounts.add(coinCount, w);
    if (player.payRaw <= 0) return;
    const factor = player.factor;
    tally.factors.add(factor, w);
    if (this.tables.anyMultiplierSymbol) tally.multiplierCells.add(this.multiplierCellsShown(), w);
    for (let i = 0; i < rec.evaluations; i++) {
      const pay = rec.evaluationPay[i]!;
      if (pay > 0) tally.cascadePay.addProduct(i, w, pay * factor);
    }
    for (let i = 0; i < rec.wins; i++) {
      const key = winKey(rec.winRule[i]!, rec.winCount[i]!, rec.winMultiplier[i]!);
      tally.winHits.add(key, w);
      tally.winCredits.addProduct(key, w, rec.winAmount[i]! * factor);
    }
  }

  /** `tallyPar` for a leaf whose weight passes 2^53. */
  private tallyParBig(tally: SignatureTally, w: bigint, scatterCount: number, coinCount: number): void {
    const player = this.player;
    const rec = this.recorder;
    tally.evaluations.addBig(player.evaluations, w);
    if (scatterCount >= 0) tally.scatterCounts.addBig(scatterCount, w);
    if (coinCount >= 0) tally.coinCounts.addBig(coinCount, w);
    if (player.payRaw <= 0) return;
    const factor = player.factor;
    tally.factors.addBig(factor, w);
    if (this.tables.anyMultiplierSymbol) tally.multiplierCells.addBig(this.multiplierCellsShown(), w);
    for (let i = 0; i < rec.evaluations; i++) {
      const pay = rec.evaluationPay[i]!;
      if (pay > 0) tally.cascadePay.addBig(i, w * BigInt(pay * factor));
    }
    for (let i = 0; i < rec.wins; i++) {
      const key = winKey(rec.winRule[i]!, rec.winCount[i]!, rec.winMultiplier[i]!);
      tally.winHits.addBig(key, w);
      tally.winCredits.addBig(key, w * BigInt(rec.winAmount[i]! * factor));
    }
  }

  /** Multiplier-symbol cells on the spin's final window. */
  private multiplierCellsShown(): number {
    const g = this.player.grid;
    const t = this.tables;
    let shown = 0;
    for (let c = 0; c < t.cellCount; c++) {
      const s = g.cells[c]!;
      if (s >= 0 && t.multiplierSymbol[s] === 1) shown++;
    }
    return shown;
  }
}
