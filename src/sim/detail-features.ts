import { playRound } from '../engine/round.js';
import { evaluateWindow } from '../engine/spin.js';
import { windowOf } from '../engine/stops.js';
import { ReplayRng } from '../rng/replay-rng.js';
import type {
  DetailCombination,
  DetailCombinationCount,
  DetailGroup,
  FeatureDetail,
} from './detail-types.js';
import type { DetailProbe } from './detail-probe.js';
import type { FastGame } from './fast-game.js';

function keyOf(c: DetailCombination): string {
  return `${c.kind}:${c.rule}:${c.count}:${c.multiplier}`;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Records what the features of detailed rounds showed (see `FeatureDetail`). A round that made more
 * draws than the paid spin's played a feature: it is played again through the engine from its own
 * draws (about one round in a hundred, so the cost stays small), and its outcome is read.
 */
export class FeatureRecorder {
  private readonly fast: FastGame;
  private readonly groups: { kind: DetailGroup['kind']; rule: number | null }[] = [];
  private readonly trialsByGroup: number[];
  private readonly combinations = new Map<string, Mutable<DetailCombinationCount>>();
  private readonly awards = new Map<number, number>();
  private readonly prizes = new Map<number, number>();
  private readonly freeStopCounts: number[][];
  private features = 0;
  private freeTrials = 0;
  private bonuses = 0;

  constructor(fast: FastGame) {
    this.fast = fast;
    const game = fast.game;
    if (game.evaluation === 'lines') {
      if (game.paylines.length > 0 && game.pays.length > 0) this.groups.push({ kind: 'lines', rule: null });
    } else {
      game.pays.forEach((rule, i) => {
        if (rule.kind === 'kind' && rule.pays.some((p) => p > 0)) this.groups.push({ kind: 'ways', rule: i });
      });
    }
    if (game.scatter !== null && game.scatter.pays.some((p) => p > 0)) {
      this.groups.push({ kind: 'scatter', rule: null });
    }
    this.trialsByGroup = this.groups.map(() => 0);
    this.freeStopCounts = (game.freeSpins?.reelSet.reels ?? []).map((reel) => reel.strip.map(() => 0));
  }

  private count(c: DetailCombination, sampled: boolean): void {
    const key = keyOf(c);
    let entry = this.combinations.get(key);
    if (entry === undefined) {
      entry = { ...c, all: 0, sampled: 0 };
      this.combinations.set(key, entry);
    }
    entry.all++;
    if (sampled) entry.sampled++;
  }

  /** Reads the round the probe just watched, if it played a feature. */
  record(probe: DetailProbe): void {
    const game = this.fast.game;
    if (probe.roundDrawCount <= game.reels) return;
    const outcome = playRound(game, new ReplayRng(probe.roundDraws()));
    if (outcome.bonus !== null) {
      this.bonuses++;
      let prize = 0;
      for (const d of outcome.bonus.draws) if (d.node === 'pick') prize += d.result;
      this.prizes.set(prize, (this.prizes.get(prize) ?? 0) + 1);
    }
    const feature = game.freeSpins;
    const free = outcome.freeSpins;
    if (feature === null || free === null) return;
    this.features++;
    this.awards.set(free.awarded, (this.awards.get(free.awarded) ?? 0) + 1);
    // Spins played whatever their outcomes: all of the award without a cap, the first with one.
    const trials = Math.min(free.spins.length, game.maxWinCredits === null ? free.awarded : 1);
    const G = this.groups.length;
    for (let j = 0; j < trials; j++) {
      const spin = free.spins[j]!;
      const i = this.freeTrials++;
      spin.stops.forEach((stop, r) => this.freeStopCounts[r]![stop]!++);
      const g = G === 0 ? -1 : i % G;
      const group = g < 0 ? null : this.groups[g]!;
      if (g >= 0) this.trialsByGroup[g]!++;
      // The window's own wins, uncut by the cap: what the PAR table of one free spin counts.
      const wins = evaluateWindow(game, windowOf(feature.reelSet, spin.stops, game.rows));
      const sampledLine = group?.kind === 'lines' ? Math.floor(i / G) % game.paylines.length : Number.NaN;
      for (const w of wins.wins) {
        if (w.kind === 'line') {
          this.count(
            { kind: 'line', rule: w.rule, count: w.count, multiplier: w.multiplier },
            w.line === sampledLine,
          );
        } else {
          this.count(
            { kind: 'ways', rule: w.rule, count: w.count, multiplier: 1 },
            group?.kind === 'ways' && group.rule === w.rule,
          );
        }
      }
      if (wins.scatter !== null) {
        this.count(
          { kind: 'scatter', rule: null, count: wins.scatter.count, multiplier: 1 },
          group?.kind === 'scatter',
        );
      }
    }
  }

  result(): FeatureDetail {
    return {
      features: this.features,
      awards: [...this.awards].sort((a, b) => a[0] - b[0]).map(([awarded, count]) => ({ awarded, count })),
      freeTrials: this.freeTrials,
      freeCombinations: [...this.combinations.values()],
      freeGroups: this.groups.map((g, i) => ({ kind: g.kind, rule: g.rule, trials: this.trialsByGroup[i]! })),
      freeStopCounts: this.freeStopCounts.map((counts) => [...counts]),
      bonuses: this.bonuses,
      prizes: [...this.prizes].sort((a, b) => a[0] - b[0]).map(([prize, count]) => ({ prize, count })),
    };
  }
}
