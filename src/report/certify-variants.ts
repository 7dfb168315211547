import type { CertifyVariantsRun } from '../certify/certify-variants.js';
import type { CertifyReport, FigureJson } from '../certify/report-types.js';
import type { TextTable } from './certify-tables.js';
import { percent } from './format.js';

/**
 * The top-level `report.json` of `certify --all-variants`: who, how and the overall result, and per
 * variant its folder, the ID of its own report (SHA-256 of `<folder>/report.json`) and the
 * headline figures. Every other figure is in the variant's own report, which the ID pins down.
 */
export interface CertifyVariantsJson {
  readonly format: 'slotsim-certify-variants/1';
  readonly identification: {
    readonly game: Omit<CertifyReport['identification']['game'], 'variant'>;
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
  readonly variants: readonly VariantSummary[];
}

export interface VariantSummary {
  /** null: the game as written. */
  readonly variant: string | null;
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
}

export function variantsJson(run: CertifyVariantsRun, reportIds: readonly string[]): CertifyVariantsJson {
  const first = run.reports[0]!.report.identification;
  const { variant: _variant, ...game } = first.game;
  return {
    format: 'slotsim-certify-variants/1',
    identification: {
      game,
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
    variants: run.reports.map(({ folder, report }, i) => ({
      variant: report.identification.game.variant,
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
    })),
  };
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
    rows: summary.variants.map((v) => [
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

export function variantsJsonText(summary: CertifyVariantsJson): string {
  return `${JSON.stringify(summary, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}

/** "slotsim 0.1.0; as written: analysis 0.1 s, simulation 2.3 s; variant 94: …" */
export function variantsTimings(run: CertifyVariantsRun): string {
  const parts = run.reports.map(
    ({ report }) =>
      `${variantName(report.identification.game.variant)}: analysis ${report.timings.analysisSeconds.toFixed(1)} s, simulation ${report.timings.simulationSeconds.toFixed(1)} s`,
  );
  return `slotsim ${run.reports[0]!.report.identification.slotsimVersion}; ${parts.join('; ')}.`;
}
