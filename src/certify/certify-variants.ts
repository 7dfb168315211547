import type { Game } from '../engine/model.js';
import { certify } from './certify.js';
import type { CertifyOptions } from './certify.js';
import { certifyCommand } from './command-line.js';
import type { CertifyReport } from './report-types.js';

/**
 * `certify --all-variants`: the game as written and every variant it defines, each certified
 * exactly as `certify --variant V` would (same rounds, seed, generator and detail), one after the
 * other. Each variant's report names its own single-variant command, which reproduces it alone.
 * `certify --all-modes` is the same run over the game's bet modes ("base" first, then `modes` in
 * the order written), each certified as `certify --mode M` would.
 */
export interface CertifyVariantsRun {
  /** What the games differ by: their variant (`--all-variants`) or their bet mode (`--all-modes`). */
  readonly by: 'variant' | 'mode';
  /** The game as written first, then the variants in the order written (or the modes, base first). */
  readonly reports: readonly VariantReport[];
  /** The command that reproduces the whole run (`--all-variants`). */
  readonly command: string;
  /** The worst of the variants' results: FAIL, then any other status that is not PASS, then PASS. */
  readonly overall: CertifyReport['overall'];
}

export interface VariantReport {
  /** The report's sub-folder: "as-written", or "variant-<name>" (or "mode-<name>"), made safe and unique. */
  readonly folder: string;
  readonly report: CertifyReport;
}

export interface CertifyVariantsOptions extends Omit<CertifyOptions, 'game' | 'command'> {
  /** The game as written, then each variant (`parseGameVariants`); or the game in each of its modes. */
  readonly games: readonly Game[];
  /** What the games differ by (default "variant"). */
  readonly by?: CertifyVariantsRun['by'];
  /** Called before each variant is certified (index into `games`). */
  readonly onVariant?: (index: number, game: Game) => void;
  /** A sharded run's work already done, per game (index into `games`; see `CertifyOptions.hooks`). */
  readonly hooksFor?: (index: number) => CertifyOptions['hooks'];
}

/** The worst status: any FAIL, else the first that is not PASS (N/A never reaches `overall`), else PASS. */
export function worstOverall(statuses: readonly CertifyReport['overall'][]): CertifyReport['overall'] {
  if (statuses.includes('FAIL')) return 'FAIL';
  return statuses.find((s) => s !== 'PASS') ?? 'PASS';
}

/**
 * Sub-folder names: "as-written", "variant-<name>" (`prefix` "variant") or "mode-<name>" with
 * unsafe characters as "_", made unique.
 */
export function variantFolders(variants: readonly (string | null)[], prefix = 'variant'): string[] {
  const used = new Set<string>();
  return variants.map((variant) => {
    const base = variant === null ? 'as-written' : `${prefix}-${variant.replaceAll(/[^A-Za-z0-9._-]/g, '_')}`;
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    used.add(name.toLowerCase());
    return name;
  });
}

export async function certifyVariants(options: CertifyVariantsOptions): Promise<CertifyVariantsRun> {
  const { games, onVariant, hooksFor, by = 'variant', ...rest } = options;
  const first = games[0];
  if (first === undefined) throw new Error('certifyVariants: no game');
  const args = {
    file: options.file,
    spins: options.spins,
    seed: options.seed,
    rng: options.rng,
    threads: options.threads,
    detailSpins: options.detailSpins,
    rngCertificate: options.rngCertificate ?? null,
    budget: options.budget ?? null,
  };
  const folders =
    by === 'mode'
      ? variantFolders(
          games.map((g) => g.mode),
          'mode',
        )
      : variantFolders(games.map((g) => g.variant));
  const reports: VariantReport[] = [];
  for (const [i, game] of games.entries()) {
    onVariant?.(i, game);
    const hooks = hooksFor?.(i);
    const report = await certify({
      ...rest,
      game,
      command: certifyCommand({ ...args, variant: game.variant, mode: game.mode }),
      ...(hooks === undefined ? {} : { hooks }),
    });
    reports.push({ folder: folders[i]!, report });
  }
  return {
    by,
    reports,
    command:
      by === 'mode'
        ? certifyCommand({ ...args, variant: first.variant, allModes: true })
        : certifyCommand({ ...args, variant: null, allVariants: true, mode: first.mode }),
    overall: worstOverall(reports.map((r) => r.report.overall)),
  };
}
