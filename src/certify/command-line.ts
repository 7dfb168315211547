import { SPIN_BUDGET } from '../math/format2/plan-format2.js';
import { shellCommand } from './shell-quote.js';

export interface CertifyCommandArgs {
  readonly file: string;
  readonly variant: string | null;
  /** The bet mode (format 2); absent, null or "base": the game as written, and no `--mode` is written. */
  readonly mode?: string | null;
  readonly spins: number;
  readonly seed: string;
  readonly rng: string;
  readonly threads: number;
  readonly detailSpins: number;
  /** `--rng-certificate`, kept so a re-run writes the same report (null: not given). */
  readonly rngCertificate?: string | null;
  /** `--all-variants`: the game as written and every variant (then `variant` is null). */
  readonly allVariants?: boolean;
  /** `--all-modes`: every bet mode of the game (then `mode` is not written). */
  readonly allModes?: boolean;
  /** `--budget` of a format-2 game's exact analysis, written when it is not the default. */
  readonly budget?: number | null;
}

/**
 * The command that reproduces a certification run, every choice explicit — the seed above all,
 * even when it was drawn at random. `--out` is left out: the run writes a new timestamped folder.
 * (`--threads` changes no figure; it is kept so the run can be timed alike.)
 */
export function certifyCommand(args: CertifyCommandArgs): string {
  return shellCommand([
    'slotsim',
    'certify',
    args.file,
    ...(args.variant === null ? [] : ['--variant', args.variant]),
    ...(args.allVariants === true ? ['--all-variants'] : []),
    ...(args.allModes === true ? ['--all-modes'] : []),
    ...(args.allModes === true || args.mode === undefined || args.mode === null || args.mode === 'base'
      ? []
      : ['--mode', args.mode]),
    '--spins',
    String(args.spins),
    '--seed',
    args.seed,
    '--rng',
    args.rng,
    '--threads',
    String(args.threads),
    '--detail-spins',
    String(args.detailSpins),
    ...(args.rngCertificate === undefined || args.rngCertificate === null
      ? []
      : ['--rng-certificate', args.rngCertificate]),
    ...(args.budget === undefined || args.budget === null || args.budget === SPIN_BUDGET
      ? []
      : ['--budget', String(args.budget)]),
  ]);
}
