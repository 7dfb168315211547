import { shellCommand } from '../certify/shell-quote.js';
import type { RunIdentity } from './run-identity.js';
import type { ShardSpec } from './shard-spec.js';

/** The one-machine command's arguments after `slotsim` (no --threads, --json or --out: they change no figure). */
export function runArguments(run: RunIdentity): string[] {
  const args = [run.command, run.game.file];
  if (run.allVariants) args.push('--all-variants');
  else if (run.game.variant !== null) args.push('--variant', run.game.variant);
  if (run.game.mode !== 'base') args.push('--mode', run.game.mode);
  if (run.command === 'analyze') {
    args.push('--full-cycle', '--sim-spins', String(run.rounds));
    return args;
  }
  args.push('--spins', String(run.rounds), '--seed', run.seed ?? '', '--rng', run.rng ?? '');
  if (run.detailRounds !== null) args.push('--detail-spins', String(run.detailRounds));
  if (run.rngCertificate !== null) args.push('--rng-certificate', run.rngCertificate);
  return args;
}

/** The command that (re-)runs shard `shard` of `run` into `partial`. */
export function shardCommand(run: RunIdentity, shard: ShardSpec, partial: string): string {
  return shellCommand([
    'slotsim',
    ...runArguments(run),
    '--shard',
    `${shard.index}/${shard.count}`,
    '--partial',
    partial,
  ]);
}

/**
 * Where a missing shard's partial most likely goes, from a sibling's path: the sibling's index
 * written in its path (a run of digits, zero padding kept) replaced by the missing one's — as the
 * deploy scripts name them (`part-3.partial`). Without such digits, a placeholder.
 */
export function guessPartialPath(
  sibling: { readonly path: string; readonly index: number },
  index: number,
): string {
  const runs = [...sibling.path.matchAll(/\d+/g)].filter((m) => Number(m[0]) === sibling.index);
  const last = runs.at(-1);
  if (last?.index === undefined) return `<partial file of shard ${index}>`;
  const digits = last[0];
  const written =
    digits.length > 1 && digits.startsWith('0') ? String(index).padStart(digits.length, '0') : String(index);
  return `${sibling.path.slice(0, last.index)}${written}${sibling.path.slice(last.index + digits.length)}`;
}
