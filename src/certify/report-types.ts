import type { NamedGameIdentity } from '../game/identity.js';
import type { Precision } from '../math/analysis-types.js';
import type { GameDescription } from './game-description.js';
import type { ReelStripSet } from './reel-strips.js';
import type { Verdict } from './verdict.js';
import type { VolatilitySection } from './volatility-section.js';

/**
 * The certification report as data: everything `report.json` holds, and all the Markdown, HTML
 * and CSV renderers read (`src/report/certify-*.ts`). Plain JSON values only: counts that can pass
 * 2^53 are decimal strings, RTP figures fractions of the stake.
 */
export interface CertifyReport {
  readonly format: 'slotsim-certify/1';
  readonly identification: CertifyIdentification;
  readonly overall: 'PASS' | 'FAIL';
  readonly verdicts: readonly Verdict[];
  readonly exact: ExactSection;
  readonly simulation: SimulationSection;
  readonly convergence: ConvergenceSection;
  readonly distribution: DistributionSection;
  readonly combinations: CombinationsSection;
  readonly reels: readonly ReelSection[];
  readonly serial: SerialSection | null;
  readonly detail: { readonly rounds: number; readonly description: string };
  /** The game's rules and tables (grid, lines or ways, symbols, pay table, features, cap). */
  readonly gameDescription: GameDescription;
  /** Every reel set's strips, weights and symbol counts. */
  readonly reelStrips: readonly ReelStripSet[];
  /** Volatility index at 90/95/99% and the RTP range after 10³ … 10⁸ rounds. */
  readonly volatility: VolatilitySection;
  readonly timings: {
    readonly analysisSeconds: number;
    readonly simulationSeconds: number;
    readonly spinsPerSecond: number;
  };
}

export interface CertifyIdentification {
  readonly game: NamedGameIdentity & {
    /** The game file as named on the command line. */
    readonly file: string;
  };
  readonly slotsimVersion: string;
  readonly rng: string;
  readonly seed: string;
  readonly rounds: number;
  /** Rounds played with per-round detail (the first ones, in chunk order). */
  readonly detailRounds: number;
  readonly threads: number;
  /** When the run started, ISO 8601 UTC. */
  readonly date: string;
  /** A POSIX shell command that reproduces every figure of this report. */
  readonly command: string;
}

export interface FigureJson {
  readonly value: number;
  readonly precision: Precision;
  /** The exact fraction "n/d" when there is one. */
  readonly fraction: string | null;
}

export interface ExactSection {
  /** False when a figure could not be computed exactly (`notExact` says why). */
  readonly exact: boolean;
  readonly notExact: readonly string[];
  readonly notes: readonly string[];
  readonly stake: number;
  readonly cycle: string;
  readonly enumeration: 'none' | 'inline' | 'full-cycle';
  readonly rtp: FigureJson;
  readonly components: {
    readonly lines: FigureJson;
    readonly scatter: FigureJson;
    readonly freeSpins: FigureJson;
    readonly bonus: FigureJson;
  };
  readonly hitFrequency: FigureJson | null;
  readonly sd: FigureJson | null;
  readonly pFreeSpinsTrigger: FigureJson;
  readonly expectedFreeSpinsPerTrigger: FigureJson | null;
  readonly pBonusTrigger: FigureJson;
  /** Volatility index at 90% (1.645 × sd), when the sd is known. */
  readonly volatilityIndex90: number | null;
  /** The uncapped game's RTP when the cap can bind (an upper bound), else null. */
  readonly uncappedRtp: number | null;
  readonly maxWin: { readonly capX: number | null; readonly canBind: boolean; readonly roundBoundX: number };
  readonly topAward: { readonly label: string; readonly x: number; readonly oneIn: number } | null;
  readonly declaredRtp: { readonly target: number; readonly tolerance: number } | null;
}

export interface SimulationSection {
  readonly rounds: number;
  readonly rtp: number;
  readonly components: {
    readonly lines: number;
    readonly scatter: number;
    readonly freeSpins: number;
    readonly bonus: number;
  };
  readonly hitFrequency: number;
  readonly sd: number;
  readonly confidence: { readonly '95': readonly [number, number]; readonly '99': readonly [number, number] };
  readonly freeSpins: { readonly triggers: number; readonly spins: number; readonly averageLength: number };
  readonly bonus: { readonly triggers: number };
  readonly maxWinObserved: number;
  readonly maxWinObservedX: number;
  readonly cap: { readonly maxWin: number | null; readonly hits: number };
  readonly totals: { readonly won: string; readonly staked: string };
}

export interface ConvergencePoint {
  readonly rounds: number;
  readonly rtp: number;
  readonly low: number;
  readonly high: number;
}

export interface ConvergenceSection {
  /** What the band is centred on: the exact RTP, or (no exact RTP) the final simulated one. */
  readonly center: number;
  readonly centerKind: 'exact' | 'simulated';
  readonly sd: number;
  readonly sdSource: 'exact' | 'simulated';
  readonly z: number;
  /** After each chunk: rounds so far, simulated RTP so far, center ∓ z·sd/√rounds. */
  readonly points: readonly ConvergencePoint[];
}

export interface DistributionShares {
  readonly share: number;
  readonly rtp: number;
  readonly shareOfRtp: number;
}

export interface DistributionSection {
  /** What the exact column covers (null: no enumeration, no exact column). */
  readonly exactScope: 'round' | 'paid spin only (features excluded)' | null;
  readonly rows: readonly {
    readonly bucket: string;
    readonly simulated: DistributionShares & { readonly count: number };
    readonly exact: DistributionShares | null;
  }[];
}

export interface CombinationRow {
  readonly key: string;
  readonly spin: 'paid' | 'free';
  readonly kind: 'line' | 'ways' | 'scatter';
  readonly label: string;
  /** Credits per occurrence (per line, per way, per spin) and as a multiple of the stake. */
  readonly pay: number;
  readonly payX: number;
  readonly hits: string;
  readonly trials: number;
  readonly probability: number;
  readonly perSpin: number;
  readonly oneIn: number;
  readonly rtp: number;
  readonly shareOfRtp: number;
  /** Occurrences in the detailed rounds (every payline / rule) and the PAR table's expectation (paid spin only). */
  readonly observed: number | null;
  readonly expected: number | null;
}

export interface CombinationsSection {
  readonly rows: readonly CombinationRow[];
  readonly test: {
    readonly groups: readonly { readonly name: string; readonly trials: number }[];
    readonly statistic: number | null;
    readonly dof: number;
    readonly pValue: number | null;
    readonly classes: readonly {
      readonly group: string;
      readonly labels: readonly string[];
      readonly observed: number;
      readonly expected: number;
      readonly contribution: number;
    }[];
  } | null;
}

export interface ReelSection {
  readonly reel: number;
  readonly stops: number;
  readonly drawBound: number;
  readonly weighted: boolean;
  readonly draws: number;
  readonly statistic: number;
  readonly dof: number;
  readonly pValue: number | null;
  readonly observed: readonly number[];
  readonly expected: readonly number[];
}

export interface SerialSection {
  readonly draws: number;
  readonly pairs: number;
  readonly correlation: number;
  readonly z: number;
  readonly pValue: number;
}
