import type { NamedGameIdentity } from '../game/identity.js';
import type { Precision } from '../math/analysis-types.js';
import type { ComponentRow } from './components.js';
import type { GameDescription } from './game-description.js';
import type { ReelStripSet } from './reel-strips.js';
import type { RngQuality } from './rng-scope.js';
import type { OverallStatus, Verdict } from './verdict.js';
import type { VolatilitySection } from './volatility-section.js';

/**
 * The certification report as data: everything `report.json` holds, and all the Markdown, HTML
 * and CSV renderers read (`src/report/certify-*.ts`). Plain JSON values only: counts that can pass
 * 2^53 are decimal strings, RTP figures fractions of the stake.
 */
export interface CertifyReport {
  readonly format: 'slotsim-certify/1';
  readonly identification: CertifyIdentification;
  /** FAIL when a verdict fails, else INCONCLUSIVE when one could not be settled, else PASS. */
  readonly overall: OverallStatus;
  /**
   * False when the run cannot support a certification whatever its verdicts (a statistically weak
   * simulation generator); `nonCertifiable` says why.
   */
  readonly certifiable: boolean;
  readonly nonCertifiable: readonly string[];
  /** What the RNG tests (verdict 4) cover. */
  readonly rng: RngScope;
  readonly verdicts: readonly Verdict[];
  readonly exact: ExactSection;
  readonly simulation: SimulationSection;
  /** Theoretical against simulated: each part of the game with Δ, z and p (verdict 5). */
  readonly components: { readonly rows: readonly ComponentRow[] };
  readonly convergence: ConvergenceSection;
  readonly distribution: DistributionSection;
  readonly combinations: CombinationsSection;
  readonly reels: readonly ReelSection[];
  /**
   * Format 2: its other weighted draws against their weights — reel heights and drawn values (in
   * verdict 4), drawn awards, a mode's start draw, coin values and landings (in verdict 6). Empty
   * for a classic game.
   */
  readonly draws: readonly DrawSection[];
  readonly serial: SerialSection | null;
  /** Coverage of every game state: the enumeration's check, and the features' χ² tests (verdict 6). */
  readonly coverage: CoverageSection;
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

/** What the report's RNG tests cover, and what they do not. */
export interface RngScope {
  /** The seeded generator the simulation drew from (verdict 4 tests it). */
  readonly generator: string;
  readonly quality: RngQuality;
  /** The production RNG's certificate reference and battery results, as given (`--rng-certificate`). */
  readonly productionCertificate: string | null;
}

export interface CertifyIdentification {
  readonly game: NamedGameIdentity & {
    /** The game file as named on the command line. */
    readonly file: string;
  };
  /** The bet mode certified ("base": the game as written) and the credits a round of it stakes. */
  readonly mode: string;
  readonly cost: number;
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
  /** The production RNG's certificate reference and battery results, as given (`--rng-certificate`), or null. */
  readonly rngCertificate: string | null;
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
  /** Every figure is simulated: the exact analysis does not cover the game's mechanics yet (format 2). */
  readonly simulatedOnly: boolean;
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
    /** Format 2: hold and win (null: the game has none). */
    readonly holdAndWin: FigureJson | null;
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
  /** The free-spin feature's multiplier (applied to every free-spin win), cap on spins and retriggers. */
  readonly freeSpins: {
    readonly multiplier: number;
    readonly maxSpins: number;
    readonly retriggers: boolean;
  } | null;
  readonly maxExposure: MaxExposure;
  readonly declaredRtp: { readonly target: number; readonly tolerance: number } | null;
}

/** A win with its odds: credits, × stake, and 1 in N (spins of its kind, or rounds). */
export interface WinOdds {
  readonly credits: number;
  readonly x: number;
  readonly oneIn: number | null;
}

/** The largest wins the game can pay, each with what it is and how it is known. */
export interface MaxExposure {
  /** The largest paid-spin win after the cap (enumerated), 1 in N paid spins; null: not enumerated. */
  readonly largestPaidSpin: WinOdds | null;
  /** The largest win of one free spin, multiplier included, 1 in N free spins; null: none or not enumerated. */
  readonly largestFreeSpin: WinOdds | null;
  /** The cap in credits, and how often a round reaches it (1 in N rounds): exact (exact-double) and simulated. */
  readonly cap: {
    readonly credits: number;
    readonly x: number;
    readonly canBind: boolean;
    readonly exactOneIn: number | null;
    readonly simulatedHits: number;
    readonly simulatedOneIn: number | null;
  } | null;
  /** The largest round the simulation saw. */
  readonly largestObservedRound: WinOdds;
  /** An upper bound on a round's win before the cap (not a reachable win): see `MaxWinAnalysis.roundBound`. */
  readonly roundBound: {
    readonly credits: number;
    readonly x: number;
    readonly from: 'enumeration' | 'per-reel bounds';
    /** The most free spins one round can play (the award without retriggers, else maxSpins). */
    readonly freeSpins: number;
  };
}

export interface SimulationSection {
  readonly rounds: number;
  readonly rtp: number;
  readonly components: {
    readonly lines: number;
    readonly scatter: number;
    readonly freeSpins: number;
    readonly bonus: number;
    readonly holdAndWin: number;
  };
  readonly hitFrequency: number;
  readonly sd: number;
  readonly confidence: { readonly '95': readonly [number, number]; readonly '99': readonly [number, number] };
  readonly freeSpins: { readonly triggers: number; readonly spins: number; readonly averageLength: number };
  readonly bonus: { readonly triggers: number };
  readonly holdAndWin: { readonly triggers: number };
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
  /**
   * What the exact column covers: whole rounds (paid spin, bonus and free spins together), like the
   * simulated one; null when there is no exact column (`exactReason` says why).
   */
  readonly exactScope: 'round' | null;
  readonly exactPrecision: 'exact-double' | null;
  readonly exactReason: string | null;
  /** The max-win cap, whose bucket ("=500") holds the rounds it ends; no bucket lies above it. */
  readonly cap: { readonly credits: number; readonly x: number } | null;
  readonly rows: readonly {
    readonly bucket: string;
    /** The cap's own bucket. */
    readonly cap: boolean;
    readonly simulated: DistributionShares & { readonly count: number };
    readonly exact: DistributionShares | null;
  }[];
}

export interface CombinationRow {
  readonly key: string;
  readonly spin: 'paid' | 'free';
  readonly kind: 'line' | 'ways' | 'scatter';
  readonly label: string;
  /**
   * Credits per occurrence (per line, per way, per spin) as paid — a free spin's multiplier
   * included — and as a multiple of the stake.
   */
  readonly pay: number;
  readonly payX: number;
  /** The free-spin multiplier included in `pay` (1 on the paid spin). */
  readonly multiplier: number;
  /** The pay table's own credits, before any free-spin multiplier. */
  readonly basePay: number;
  /** Weighted stop combinations of its reel set's cycle (`cycle`) where it occurs (over every payline). */
  readonly hits: string;
  readonly cycle: string;
  readonly trials: number;
  readonly probability: number;
  readonly perSpin: number;
  readonly oneIn: number;
  /**
   * Its contribution to the game's RTP per paid round, as a fraction of the stake, before the
   * max-win cap: the paid spin's rows add up to its line/ways and scatter parts, the free spin's to
   * the free-spin part (its per-spin return × the multiplier × free spins per paid round).
   */
  readonly rtp: number;
  readonly rtpPrecision: Precision;
  /** `rtp` as a share of `CombinationsSection.denominator`. */
  readonly shareOfRtp: number;
  /** Occurrences in the detailed rounds (every payline / rule) and the PAR table's expectation (paid spin only). */
  readonly observed: number | null;
  readonly expected: number | null;
}

export interface CombinationsSection {
  /**
   * Format 2, no exact analysis yet: each paying combination of the paid spin seen in the detailed
   * rounds (every evaluation of a cascade) by its mechanic's key, with no exact probability to
   * compare with; null for a classic game.
   */
  readonly observed:
    readonly { readonly key: string; readonly label: string; readonly count: number }[] | null;
  /** What `shareOfRtp` divides by: the game's RTP, or the uncapped game's when the cap can bind. */
  readonly denominator: { readonly label: string; readonly value: number };
  /** The free-spin multiplier, included in every free-spin row's pay (null without free spins). */
  readonly freeSpinMultiplier: number | null;
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

/** A χ² test as the report gives it. */
export interface FitSection {
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
  readonly impossible: readonly { readonly label: string; readonly observed: number }[];
}

export interface CoverageSection {
  /** The sentence that the full cycle reproduced the per-reel RTP to the credit (null: not enumerated). */
  readonly fullCycle: string | null;
  readonly features: number;
  readonly freeTrials: number;
  readonly bonuses: number;
  readonly freeCombinations:
    (FitSection & { readonly groups: readonly { readonly name: string; readonly trials: number }[] }) | null;
  readonly freeReels: readonly ReelSection[];
  readonly awards: {
    readonly rows: readonly {
      readonly awarded: number;
      readonly observed: number;
      readonly expected: number;
    }[];
    readonly test: FitSection;
  } | null;
  readonly prizes: FitSection | null;
  readonly notes: readonly string[];
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

/** A format-2 weighted draw against its weights (see `CertifyReport.draws`). */
export interface DrawSection {
  readonly name: string;
  /** `reels`: verdict 4 (every spin's heights and values); `features`: verdict 6. */
  readonly part: 'reels' | 'features';
  readonly draws: number;
  readonly labels: readonly string[];
  readonly observed: readonly number[];
  readonly expected: readonly number[];
  readonly test: FitSection;
}

export interface SerialSection {
  readonly draws: number;
  readonly pairs: number;
  readonly correlation: number;
  readonly z: number;
  readonly pValue: number;
}
