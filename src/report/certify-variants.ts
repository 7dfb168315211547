import type { CertifyVariantsRun } from '../certify/certify-variants.js';
import type { CertifyReport, FigureJson } from '../certify/report-types.js';
import type { TextTable } from './certify-tables.js';
import { rtpSpread, rtpSpreadText } from './analysis-modes.js';
import type { RtpSpread } from './analysis-modes.js';
import { count, fixed, percent } from './format.js';

/**
 * The top-level `report.json` of `certify --all-variants`: who, how and the overall result, and per
 * variant its folder, the ID of its own report (SHA-256 of `<folder>/report.json`) and the
 * headline figures. Every other figure is in the variant's own report, which the ID pins down.
 * `certify --all-modes` writes the same document with the format `slotsim-certify-modes/1`, its
 * entries under `modes` (base first) and the game's variant in `identification.game`.
 */
export interface CertifyVariantsJson {
  readonly format: 'slotsim-certify-variants/1' | 'slotsim-certify-modes/1';
  readonly identification: {
    readonly game: Omit<CertifyReport['identification']['game'], 'variant'> & {
      /** `--all-modes` only: the variant every mode was certified in (null: as written). */
      readonly variant?: string | null;
    };
    readonly slotsimVersion: string;
    readonly rng: string;
    readonly seed: string;
    readonly rounds: number;
    readonly detailRounds: number;
    readonly threads: number;
    readonly date: string;
    /** Reproduces the whole folder (`--all-variants`); each variant's report names its own command. */
    readonly command: string;
  };
  readonly overall: CertifyReport['overall'];
  /** `--all-variants`: one entry per variant, the game as written first. */
  readonly variants?: readonly VariantSummary[];
  /** `--all-modes`: one entry per bet mode, base first. */
  readonly modes?: readonly VariantSummary[];
  /** `--all-modes`: the lowest and highest RTP of the modes and their difference. */
  readonly rtpSpread?: RtpSpread;
}

export interface VariantSummary {
  /** null: the game as written. */
  readonly variant: string | null;
  /** The bet mode, and the credits one round of it stakes (every figure is per credit staked). */
  readonly mode: string;
  readonly cost: number;
  readonly folder: string;
  /** SHA-256 of `<folder>/report.json`. */
  readonly reportId: string;
  readonly overall: CertifyReport['overall'];
  readonly verdicts: readonly { readonly id: string; readonly status: string }[];
  readonly rtp: {
    readonly exact: FigureJson;
    readonly simulated: number;
    readonly interval99: readonly [number, number];
  };
  readonly declaredRtp: { readonly target: number; readonly tolerance: number } | null;
  readonly hitFrequency: FigureJson | null;
  /**
   * The most a round can pay, × cost: the cap when it is below the bound on a round's win, else
   * that bound (an upper bound, not a win that can occur); and the largest round observed.
   */
  readonly maxExposure: { readonly x: number; readonly from: 'cap' | 'bound'; readonly observedX: number };
}

/** The entries of a summary: its variants, or its modes. */
export function summaryEntries(summary: CertifyVariantsJson): readonly VariantSummary[] {
  return summary.modes ?? summary.variants ?? [];
}

function maxExposureSummary(report: CertifyReport): VariantSummary['maxExposure'] {
  const m = report.exact.maxExposure;
  const cap = m.cap !== null && m.cap.credits <= m.roundBound.credits ? m.cap : null;
  return {
    x: cap === null ? m.roundBound.x : cap.x,
    from: cap === null ? 'bound' : 'cap',
    observedX: m.largestObservedRound.x,
  };
}

export function variantsJson(run: CertifyVariantsRun, reportIds: readonly string[]): CertifyVariantsJson {
  const first = run.reports[0]!.report.identification;
  const { variant, ...game } = first.game;
  const byMode = run.by === 'mode';
  const entries = run.reports.map(({ folder, report }, i): VariantSummary => ({
    variant: report.identification.game.variant,
    mode: report.identification.mode,
    cost: report.identification.cost,
    folder,
    reportId: reportIds[i]!,
    overall: report.overall,
    verdicts: report.verdicts.map((v) => ({ id: v.id, status: v.status })),
    rtp: {
      exact: report.exact.rtp,
      simulated: report.simulation.rtp,
      interval99: report.simulation.confidence['99'],
    },
    declaredRtp: report.exact.declaredRtp,
    hitFrequency: report.exact.hitFrequency,
    maxExposure: maxExposureSummary(report),
  }));
  return {
    format: byMode ? 'slotsim-certify-modes/1' : 'slotsim-certify-variants/1',
    identification: {
      game: byMode ? { ...game, variant } : game,
      slotsimVersion: first.slotsimVersion,
      rng: first.rng,
      seed: first.seed,
      rounds: first.rounds,
      detailRounds: first.detailRounds,
      threads: first.threads,
      date: first.date,
      command: run.command,
    },
    overall: run.overall,
    ...(byMode ? { modes: entries, rtpSpread: modesRtpSpread(entries) } : { variants: entries }),
  };
}

/** A mode's headline RTP: the exact one (with its label) when there is one, else the simulated one. */
function headlineRtp(v: VariantSummary): { rtp: number; precision: string } {
  return v.rtp.exact.precision === 'simulated'
    ? { rtp: v.rtp.simulated, precision: 'simulated' }
    : { rtp: v.rtp.exact.value, precision: v.rtp.exact.precision };
}

/** The spread of the modes' headline RTPs (as the summary table shows them). */
function modesRtpSpread(entries: readonly VariantSummary[]): RtpSpread {
  return rtpSpread(entries.map((v) => ({ mode: v.mode, ...headlineRtp(v) })));
}

export function variantName(variant: string | null): string {
  return variant === null ? 'as written' : `variant ${variant}`;
}

/** The summary table: one row per variant. */
export function variantsTable(summary: CertifyVariantsJson): TextTable {
  return {
    head: [
      'variant',
      'exact RTP',
      'simulated RTP (99% interval)',
      'declared RTP',
      'verdicts 1–4',
      'overall',
      'report ID',
    ],
    numeric: [1],
    rows: summaryEntries(summary).map((v) => [
      variantName(v.variant),
      `${percent(v.rtp.exact.value, 4)}${v.rtp.exact.precision === 'exact' ? '' : ` (${v.rtp.exact.precision})`}`,
      `${percent(v.rtp.simulated, 4)} (${percent(v.rtp.interval99[0], 2)} … ${percent(v.rtp.interval99[1], 2)})`,
      v.declaredRtp === null
        ? 'none'
        : `${percent(v.declaredRtp.target, 2)} ± ${percent(v.declaredRtp.tolerance, 2)}`,
      v.verdicts.map((x) => x.status).join(' · '),
      v.overall,
      `${v.reportId.slice(0, 16)}…`,
    ]),
  };
}

/** A figure with its label: "94.7011% = 697/736", "12.5% (exact-double)", "96.1% (simulated)". */
function labelled(f: FigureJson, digits: number): string {
  const how =
    f.precision === 'exact' ? (f.fraction === null ? ' (exact)' : ` = ${f.fraction}`) : ` (${f.precision})`;
  return `${percent(f.value, digits)}${how}`;
}

/** `--all-modes`' summary table: one row per mode, its figures per credit of that mode's cost. */
export function modesTable(summary: CertifyVariantsJson): TextTable {
  return {
    head: ['mode', 'cost', 'RTP', 'hit rate', 'max exposure', 'verdicts 1–6', 'overall', 'report ID'],
    numeric: [1],
    rows: summaryEntries(summary).map((v) => [
      v.mode,
      `${count(v.cost)} credit${v.cost === 1 ? '' : 's'}`,
      v.rtp.exact.precision === 'simulated'
        ? `${percent(v.rtp.simulated, 4)} (simulated, 99%: ${percent(v.rtp.interval99[0], 2)} … ${percent(v.rtp.interval99[1], 2)})`
        : labelled(v.rtp.exact, 4),
      v.hitFrequency === null ? '—' : labelled(v.hitFrequency, 2),
      `${fixed(v.maxExposure.x, 2)}× cost (${v.maxExposure.from === 'cap' ? 'the cap' : 'a bound'}); largest seen ${fixed(v.maxExposure.observedX, 2)}×`,
      v.verdicts.map((x) => x.status).join(' · '),
      v.overall,
      `${v.reportId.slice(0, 16)}…`,
    ]),
  };
}

/** What a summary names its games by, in words, for the top-level report.md and report.html. */
export interface RunWords {
  readonly summaryTitle: string;
  readonly titleSuffix: string;
  /** "Each variant was certified as …". */
  readonly intro: (rounds: number, seed: string, rng: string) => string;
  /** "3 variants (…)". */
  readonly countText: (n: number) => string;
  /** The section title of one game. */
  readonly name: (report: CertifyReport) => string;
  readonly table: (summary: CertifyVariantsJson) => TextTable;
  /** A sentence under the table (the modes' RTP spread), or null. */
  readonly afterTable: (summary: CertifyVariantsJson) => string | null;
  /** The table's column of PASS / FAIL badges. */
  readonly statusColumn: number;
}

export function runWords(by: CertifyVariantsRun['by']): RunWords {
  const same = (what: string, alone: string) => (rounds: number, seed: string, rng: string) =>
    `Each ${what} was certified as “slotsim certify ${alone}” certifies it alone, with the same ${rounds.toLocaleString('en-US')} rounds, seed ${seed} and generator ${rng}; its own report (files, command and report ID) is in its folder.`;
  if (by === 'mode') {
    return {
      summaryTitle: 'Summary of the bet modes',
      titleSuffix: 'every bet mode',
      intro: same('bet mode', '--mode M'),
      countText: (n) =>
        `${n} bet mode${n === 1 ? '' : 's'}: base, then each mode the file defines; every figure is per credit staked in its mode`,
      name: (report) =>
        `Mode ${report.identification.mode} (${count(report.identification.cost)} credit${report.identification.cost === 1 ? '' : 's'} a round)`,
      table: modesTable,
      afterTable: (summary) => (summary.rtpSpread === undefined ? null : rtpSpreadText(summary.rtpSpread)),
      statusColumn: 6,
    };
  }
  return {
    summaryTitle: 'Summary of the variants',
    titleSuffix: 'every variant',
    intro: same('variant', '--variant V'),
    countText: (n) => `${n} variants (the game as written and each variant it defines)`,
    name: (report) => capitalised(variantName(report.identification.game.variant)),
    table: variantsTable,
    afterTable: () => null,
    statusColumn: 5,
  };
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function variantsJsonText(summary: CertifyVariantsJson): string {
  return `${JSON.stringify(summary, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}

/** "slotsim 0.1.0; as written: analysis 0.1 s, simulation 2.3 s; variant 94: …" (or "mode buy: …"). */
export function variantsTimings(run: CertifyVariantsRun): string {
  const parts = run.reports.map(
    ({ report }) =>
      `${run.by === 'mode' ? `mode ${report.identification.mode}` : variantName(report.identification.game.variant)}: analysis ${report.timings.analysisSeconds.toFixed(1)} s, simulation ${report.timings.simulationSeconds.toFixed(1)} s`,
  );
  return `slotsim ${run.reports[0]!.report.identification.slotsimVersion}; ${parts.join('; ')}.`;
}
