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
import { GridSpinPlayer } from '../../engine/spin-player.js';
import { spinTablesOf } from '../../engine/spin-tables.js';
import type { SpinTables } from '../../engine/spin-tables.js';
import { SlotsimError } from '../../errors.js';
import { DRAW_DIGIT, EnumerationRng } from './enumeration-rng.js';
import { WeightScale } from './exact-tally.js';
import { SignatureTally, winKey } from './signature-tally.js';
import { SpinParRecorder } from './spin-recorder.js';
import { spinSpace } from './spin-space.js';
import type { SpinSpace } from './spin-space.js';
import type { SpinClassInfo, SpinPart, SpinRole, SpinTask } from './spin-types.js';

export type { ParPart, SignaturePart, SpinClassInfo, SpinPart, SpinRole, SpinTask } from './spin-types.js';

const SAFE = 2 ** 53;

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
  /** The grid spin player: a free spin plays on the free-spin reel set, a paid one on the base set (`roleReelSet`). */
  private readonly player: GridSpinPlayer;
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
    this.player = new GridSpinPlayer(this.tables);
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
      if (r < R - 1) prefixBig = -1n;
    };
    // The exact weight of the first R − 1 reels' states as a bigint, made once per prefix (a
    // weighted game's weights can pass 2^53 in product: jade-harbor's are 10^12-scale).
    let prefixBig = -1n;
    const prefixBigWeight = (): bigint => {
      if (prefixBig < 0n) {
        let w = 1n;
        for (let r = 0; r < R - 1; r++) w *= BigInt(states[r]!.weights[j[r]!]!);
        prefixBig = w;
      }
      return prefixBig;
    };

    // Scaled weights (`WeightScale`): when the reels' weights can multiply past 2^53 (jade-harbor's
    // 10^12-scale weights), a leaf adds (last reel's weight × its values' weights) in units of its
    // prefix's bigint weight, so the hot loop stays in doubles; a new prefix starts a new scale.
    const scale = new WeightScale();
    const scaled = states.reduce((p, s) => p * s.weights.reduce((m, w) => Math.max(m, w), 0), 1) >= SAFE;

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
          player.play(rng, this.free, 1, recorder);
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
              found = new SignatureTally(counts, this.maxEvaluations, cells, scale);
              signatures.set(signatureKey, found);
              signatureList.push(found);
            }
            tally = found;
            lastSignature = found;
            lastSignatureKey = signatureKey;
          }
          let w = combination * valueWeight;
          if (scaled) {
            if (prefixBig < 0n) scale.next(prefixBigWeight());
            w = states[R - 1]!.weights[j[R - 1]!]! * valueWeight;
          }
          let big: bigint | null = null;
          if (!(w < SAFE)) {
            const last = states[R - 1]!.weights[j[R - 1]!]! * valueWeight;
            if (last < SAFE) big = prefixBigWeight() * BigInt(last);
            else {
              big = prefixBigWeight() * BigInt(states[R - 1]!.weights[j[R - 1]!]!);
              for (let d = 0; d < depth; d++)
                big *= BigInt(bounds[rng.boundOf[d]!]!.weights[rng.choice[d]!]!);
            }
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
            if (cap >= 0 && win > cap) tally.overCap.push([pay, scatter, BigInt(w) * scale.factor]);
          } else {
            tally.classTally(cls).addBig(win, big);
            if (pay !== 0) tally.pay.addBig(big * BigInt(pay));
            if (scatter !== 0) tally.scatter.addBig(big * BigInt(scatter));
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
