import { extname } from 'node:path';
import { variantFolders } from '../certify/certify-variants.js';
import type { Game } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import { openCheckpoint } from '../shard/checkpoint.js';
import type { Checkpoint } from '../shard/checkpoint.js';
import { runShard } from '../shard/shard-run.js';
import type { RunRequest } from '../shard/shard-run.js';
import { runIdentity } from '../shard/shard-run.js';
import { resolveShard } from '../shard/shard-spec.js';
import type { ResolvedShard } from '../shard/shard-spec.js';
import { withInterrupt } from './interrupt.js';
import type { ScaleOutFlags } from './scale-out-flags.js';
import { checkOutputFile } from './output-path.js';
import { createProgress } from './progress.js';
import type { Progress } from './progress.js';

/**
 * The shard this command runs as, or null when it runs whole (no --partial). Refuses what cannot
 * be: --shard or --shards without --partial, a shard without an explicit --seed (every shard must
 * play the same run), a partial beside a checkpoint or --out.
 */
export function shardOf(
  flags: ScaleOutFlags & { seed?: string; out?: string },
  options: { readonly needsSeed: boolean; readonly env?: Readonly<Record<string, string | undefined>> },
): ResolvedShard | null {
  if (flags.partial === undefined) {
    if (flags.shard !== undefined || flags.shards !== undefined) {
      throw new SlotsimError(
        'BAD_INPUT',
        `${flags.shard === undefined ? '--shards' : '--shard'} needs --partial FILE: where the shard's results go`,
      );
    }
    return null;
  }
  if (flags.checkpoint !== undefined || flags.resume === true) {
    throw new SlotsimError(
      'BAD_INPUT',
      '--partial cannot be combined with --checkpoint or --resume: a lost shard is re-run whole (its partial comes out byte for byte the same)',
    );
  }
  if (flags.out !== undefined)
    throw new SlotsimError(
      'BAD_INPUT',
      '--partial cannot be combined with --out: slotsim merge writes the outputs (merge --out DIR)',
    );
  if (options.needsSeed && flags.seed === undefined) {
    throw new SlotsimError(
      'BAD_INPUT',
      '--partial needs --seed: every shard must play the same run, so the seed must be given, not drawn',
    );
  }
  return resolveShard(flags, options.env ?? process.env);
}

export interface ShardCommand extends RunRequest {
  readonly gameText: string;
  readonly shard: ResolvedShard;
  readonly partial: string;
  readonly threads: number;
  readonly json: boolean;
  /**
   * certify --all-variants: every game of the run (as written, then each variant). Each gets its own
   * partial — the game as written `--partial FILE` itself, variant V `FILE` with `.variant-V` before
   * its extension — each exactly the partial of `certify --variant V` but marked as one variant of
   * the whole run, so merge writes the --all-variants folder.
   */
  readonly variantGames?: readonly Game[];
}

/** The partial of each game of a --all-variants run: `--partial` itself for the game as written, `<stem>.variant-V<ext>` for variant V. */
export function variantPartials(partial: string, games: readonly Game[]): string[] {
  const ext = extname(partial);
  const stem = ext === '' ? partial : partial.slice(0, -ext.length);
  return variantFolders(games.map((g) => g.variant)).map((folder, i) =>
    games[i]!.variant === null ? partial : `${stem}.${folder}${ext}`,
  );
}

/** Runs one shard for the CLI: progress on stderr, the partial written atomically, a summary line (or JSON). */
export async function runShardCommand(command: ShardCommand): Promise<void> {
  const { shard } = command;
  const games = command.variantGames ?? [command.game];
  const partials =
    command.variantGames === undefined ? [command.partial] : variantPartials(command.partial, games);
  const names = command.variantGames?.filter((g) => g.variant !== null).map((g) => g.variant!);
  const summaries = [];
  for (const [i, game] of games.entries()) {
    const partial = partials[i]!;
    const out = checkOutputFile('--partial', partial);
    const { variantGames: _games, ...request } = command;
    const run = runIdentity({ ...request, game, ...(names === undefined ? {} : { allVariants: names }) });
    if (!command.json) {
      process.stderr.write(
        `Shard ${shard.index}/${shard.count} (${shard.source}) of slotsim ${command.command} ${describe(game)}: ${run.cycleTasks > 0 ? `full-cycle tasks ${shard.index}, ${shard.index + shard.count}, … of ${run.cycleTasks}` : ''}${run.cycleTasks > 0 && run.chunks > 0 ? '; ' : ''}${run.chunks > 0 ? `chunks ${shard.index}, ${shard.index + shard.count}, … of ${run.chunks}` : ''}${run.cycleTasks === 0 && run.chunks === 0 ? 'nothing to do on the pool' : ''}\n`,
      );
    }
    let progress: Progress | null = null;
    let phase: string | null = null;
    const result = await withInterrupt(
      (signal) =>
        runShard({
          run,
          game,
          gameText: command.gameText,
          shard,
          partial,
          partialArgument: command.partial,
          threads: command.threads,
          signal,
          onProgress: (next, done, total) => {
            if (next !== phase) {
              progress?.finish();
              phase = next;
              progress = createProgress(total, next === 'full-cycle' ? ' combinations' : ' rounds');
            }
            progress?.update(done);
          },
        }),
      { dropLateResult: true },
    )
      .catch((error: unknown) => {
        out.release();
        throw error;
      })
      .finally(() => progress?.finish());
    summaries.push({
      partial,
      shard: { index: shard.index, count: shard.count },
      variant: game.variant,
      chunks: result.chunks,
      rounds: result.rounds,
      cycleTasks: result.cycleTasks,
      contentSha256: result.contentSha256,
    });
    if (!command.json) {
      process.stdout.write(
        `Shard ${shard.index}/${shard.count} written to ${partial}: ${result.cycleTasks} full-cycle task${result.cycleTasks === 1 ? '' : 's'}, ${result.chunks} chunk${result.chunks === 1 ? '' : 's'} (${result.rounds.toLocaleString('en-US')} rounds), checksum ${result.contentSha256}\n`,
      );
    }
  }
  if (command.json) {
    const json =
      command.variantGames === undefined
        ? summaries[0]
        : { shard: { index: shard.index, count: shard.count }, variants: summaries };
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  }
}

function describe(game: Game): string {
  return `${game.name} ${game.version}${game.variant === null ? '' : ` (variant ${game.variant})`}${game.mode === 'base' ? '' : ` (mode ${game.mode})`}`;
}

/**
 * The checkpoint of a one-machine run (`--checkpoint FILE`, `--resume`), or null. Its notes go to
 * stderr; `run.seed` is the seed to play (the checkpoint's when resumed without --seed).
 */
export function checkpointOf(
  flags: ScaleOutFlags & { seed?: string },
  request: RunRequest & { readonly gameText: string },
): Checkpoint | null {
  if (flags.checkpoint === undefined) {
    if (flags.resume === true)
      throw new SlotsimError('BAD_INPUT', '--resume needs --checkpoint FILE: the checkpoint to continue');
    return null;
  }
  checkOutputFile('--checkpoint', flags.checkpoint);
  const checkpoint = openCheckpoint({
    path: flags.checkpoint,
    resume: flags.resume === true,
    run: runIdentity(request),
    seedGiven: flags.seed !== undefined,
    gameText: request.gameText,
  });
  for (const note of checkpoint.notes) process.stderr.write(`slotsim: note: ${note}\n`);
  if (checkpoint.resumed !== null) {
    const { cycleTasks, chunks } = checkpoint.resumed;
    process.stderr.write(
      `Resuming from ${flags.checkpoint}: ${cycleTasks > 0 ? `${cycleTasks} full-cycle task${cycleTasks === 1 ? '' : 's'} and ` : ''}${chunks} chunk${chunks === 1 ? '' : 's'} already done (seed ${checkpoint.run.seed ?? '-'})\n`,
    );
  }
  return checkpoint;
}
