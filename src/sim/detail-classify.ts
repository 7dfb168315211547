import { Grid } from '../engine/grid.js';
import type { PayMechanic, WinSink } from '../engine/mechanics/pay-mechanic.js';
import { WinReport } from '../engine/mechanics/pay-mechanic.js';
import { payMechanic } from '../engine/mechanics/registry.js';
import type { SpinTables } from '../engine/spin-tables.js';
import { spinTablesOf } from '../engine/spin-tables.js';
import type { StaticReels } from '../engine/static-reels.js';
import { countCells } from '../engine/static-reels.js';
import { SlotsimError } from '../errors.js';
import type { DetailCombination, DetailCombinationCount, DetailGroup } from './detail-types.js';
import type { FastGame } from './fast-game.js';

/** "No paying combination". */
const NONE = -1;

interface GroupSpec {
  readonly kind: DetailGroup['kind'];
  /** Ways groups: the rule's index in `pays`. */
  readonly rule: number;
}

/**
 * The χ² groups of a game's paid spins (see `DetailGroup`): its pay mechanic's (one payline per
 * trial for lines, one group per paying ways rule), then the scatter's.
 */
function groupsOf(fast: FastGame): GroupSpec[] {
  const game = fast.game;
  const groups: GroupSpec[] = [];
  const kind = game.evaluation;
  switch (kind) {
    case 'lines':
      if (game.paylines.length > 0 && game.pays.length > 0) groups.push({ kind: 'lines', rule: -1 });
      break;
    case 'ways':
      game.pays.forEach((rule, i) => {
        if (rule.kind === 'kind' && rule.pays.some((p) => p > 0)) groups.push({ kind: 'ways', rule: i });
      });
      break;
    case 'cluster':
    case 'anywhere':
      throw new SlotsimError('INTERNAL', `certify's classifier has no groups for "${kind}" games yet`);
    default: {
      const unknown: never = kind;
      throw new Error(`unknown evaluation ${String(unknown)}`);
    }
  }
  if (game.scatter !== null && game.scatter.pays.some((p) => p > 0))
    groups.push({ kind: 'scatter', rule: -1 });
  return groups;
}

/**
 * Sorts paid spins (given their stops) into the PAR table's paying combinations: the window is
 * paid by its mechanic's reference evaluation, and each win is counted under the mechanic's
 * combination identity (`combinationKey`, the one the PAR tables use), then the scatter count.
 * Counts every occurrence (`all`) and, for the χ² test, one sampled trial per spin (see
 * `DetailGroup`). Built per chunk.
 */
export class SpinClassifier implements WinSink {
  readonly report = new WinReport();
  private readonly fast: FastGame;
  private readonly mechanic: PayMechanic;
  private readonly tables: SpinTables;
  private readonly grid: Grid;
  private readonly set: StaticReels;
  private readonly groups: readonly GroupSpec[];
  private readonly combinations: DetailCombination[] = [];
  private readonly ids = new Map<string, number>();
  private readonly all: number[] = [];
  private readonly sampled: number[] = [];
  private readonly trials: number[];
  /** The group of the spin being classified and, for lines, the payline it samples. */
  private group: GroupSpec | null = null;
  private sampledLine = -1;

  constructor(fast: FastGame) {
    this.fast = fast;
    this.mechanic = payMechanic(fast.game.evaluation);
    this.tables = spinTablesOf(fast.game);
    this.grid = new Grid(this.tables.reels, this.tables.rows, this.tables.symbolCount);
    this.set = fast.base;
    this.groups = groupsOf(fast);
    this.trials = this.groups.map(() => 0);
  }

  private idOf(combination: DetailCombination): number {
    const key =
      combination.kind === 'scatter'
        ? `scatter:${combination.count}`
        : this.mechanic.combinationKey(combination.rule!, combination.count, combination.multiplier);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.combinations.length;
      this.ids.set(key, id);
      this.combinations.push(combination);
    }
    return id;
  }

  private count(id: number, sampled: boolean): void {
    if (id === NONE) return;
    while (this.all.length <= id) {
      this.all.push(0);
      this.sampled.push(0);
    }
    this.all[id]!++;
    if (sampled) this.sampled[id]!++;
  }

  /** One win of the window being classified (the reference evaluation reports it here). */
  win(): void {
    const r = this.report;
    const group = this.group;
    switch (r.kind) {
      case 'line':
        this.count(
          this.idOf({ kind: 'line', rule: r.rule, count: r.count, multiplier: r.wildMultiplier }),
          r.line === this.sampledLine,
        );
        break;
      case 'ways':
        this.count(
          this.idOf({ kind: 'ways', rule: r.rule, count: r.count, multiplier: 1 }),
          group?.kind === 'ways' && group.rule === r.rule,
        );
        break;
      case 'cluster':
      case 'anywhere':
        throw new SlotsimError('INTERNAL', `certify's classifier cannot count ${r.kind} wins yet`);
      default: {
        const unknown: never = r.kind;
        throw new Error(`unknown win kind ${String(unknown)}`);
      }
    }
  }

  /** Classifies the paid spin of round `i` of the chunk. */
  record(stops: Int32Array, i: number): void {
    const groups = this.groups;
    const g = groups.length === 0 ? -1 : i % groups.length;
    const group = g < 0 ? null : groups[g]!;
    if (g >= 0) this.trials[g]!++;
    this.group = group;
    const lineCount = this.fast.game.paylines.length;
    this.sampledLine = group?.kind === 'lines' ? Math.floor(i / groups.length) % lineCount : -1;
    const set = this.set;
    const grid = this.grid;
    const rows = this.tables.rows;
    for (let r = 0; r < set.reelCount; r++) {
      const strip = set.strips[r]!;
      const stop = stops[r]!;
      for (let k = 0; k < rows; k++) grid.cells[r * rows + k] = strip[(stop + k) % strip.length]!;
    }
    this.mechanic.evaluate(this.tables, grid, 1, this, false);
    const scatter = this.fast.game.scatter;
    if (scatter !== null) {
      const n = countCells(set.scatterCount, stops);
      if ((scatter.pays[n] ?? 0) > 0) {
        this.count(
          this.idOf({ kind: 'scatter', rule: null, count: n, multiplier: 1 }),
          group?.kind === 'scatter',
        );
      }
    }
  }

  counts(): DetailCombinationCount[] {
    return this.all.flatMap((all, id) =>
      all > 0 ? [{ ...this.combinations[id]!, all, sampled: this.sampled[id]! }] : [],
    );
  }

  groupTrials(): DetailGroup[] {
    return this.groups.map((group, g) => ({
      kind: group.kind,
      rule: group.kind === 'ways' ? group.rule : null,
      trials: this.trials[g]!,
    }));
  }
}
