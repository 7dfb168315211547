import type { Command } from 'commander';
import { DEFAULT_SIM_RNG, parseRngName } from '../../rng/index.js';
import { simulationCsv } from '../../report/simulation-csv.js';
import { simulationJson } from '../../report/simulation-json.js';
import { renderSimulation } from '../../report/simulation-text.js';
import { simulateChunks } from '../../sim/simulate.js';
import { addCheckpointOptions, addShardOptions, usesScaleOut } from '../scale-out-flags.js';
import type { ScaleOutFlags } from '../scale-out-flags.js';
import { withInterrupt } from '../interrupt.js';
import { modeNote, openGame } from '../open-game.js';
import { parseCount, parseSeed, parseThreads } from '../parse-count.js';
import { checkOutputFolder } from '../output-path.js';
import { createProgress } from '../progress.js';
import { chunkCount, usedThreads } from '../threads-note.js';
import { writeFilesAtomically } from '../write-atomic.js';

interface SimulateFlags extends ScaleOutFlags {
  variant?: string;
  mode?: string;
  spins: string;
  seed?: string;
  threads?: string;
  rng: string;
  json?: boolean;
  out?: string;
}

export function registerSimulate(program: Command): void {
  const command = program
    .command('simulate')
    .description('Monte Carlo simulation over worker threads: RTP, hit frequency, volatility, features')
    .argument('<game>', 'game file (slotsim/1 or slotsim/2 JSON)')
    .option('--variant <name>', 'play this variant of the game')
    .option('--mode <name>', 'play this bet mode (format 2); figures are per credit staked in it', 'base')
    .option('--spins <n>', 'paid rounds to play (10000000, 10_000_000, 1e7, 10M)', '10M')
    .option('--seed <seed>', 'seed of the run (default: a fresh random seed, printed)')
    .option('--threads <n>', 'worker threads (default: all cores)')
    .option('--rng <name>', 'seeded generator', DEFAULT_SIM_RNG)
    .option('--json', 'print one JSON document on stdout and nothing else')
    .option('--out <dir>', 'also write summary.csv and distribution.csv into this folder');
  addCheckpointOptions(addShardOptions(command))
    .addHelpText(
      'after',
      '\nThe figures depend on the game, variant, spins, seed and rng only: any --threads gives the same.\nExample: slotsim simulate configs/starfall-20.json --spins 10M --seed 42',
    )
    .action(async (file: string, flags: SimulateFlags) => {
      const spins = parseCount(flags.spins, '--spins');
      const rng = parseRngName(flags.rng);
      let seed = parseSeed(flags.seed);
      const { game, text } = openGame(file, flags.variant ?? null, flags.mode ?? null);
      const threads = usedThreads(flags.threads, parseThreads(flags.threads), chunkCount(spins), 'chunk');
      const request = {
        command: 'simulate',
        file,
        game,
        gameText: text,
        seed,
        rng,
        rounds: spins,
        detailRounds: null,
        rngCertificate: null,
      } as const;
      const scaled = usesScaleOut(flags) ? await import('../scale-out.js') : null;
      const shard = scaled?.shardOf(flags, { needsSeed: true }) ?? null;
      if (shard !== null) {
        await scaled!.runShardCommand({
          ...request,
          shard,
          partial: flags.partial!,
          threads,
          json: flags.json === true,
        });
        return;
      }
      // The output folder is checked (and created) before the rounds are played.
      const out = flags.out === undefined ? null : checkOutputFolder('--out', flags.out);
      const checkpoint = scaled?.checkpointOf(flags, request) ?? null;
      seed = checkpoint?.run.seed ?? seed;
      if (flags.json !== true) {
        process.stderr.write(
          `Simulating ${game.name} ${game.version}${game.variant === null ? '' : ` (variant ${game.variant})`}${modeNote(game)}: ${spins.toLocaleString('en-US')} rounds, seed ${seed}, rng ${rng}, ${threads} thread${threads === 1 ? '' : 's'}\n`,
        );
      }
      const progress = createProgress(spins, ' rounds');
      const report = await withInterrupt(
        (signal) =>
          simulateChunks(
            {
              game,
              spins,
              seed,
              rng,
              threads,
              signal,
              onProgress: (done) => progress.update(done),
            },
            checkpoint === null ? {} : checkpoint.chunks,
          ),
        { dropLateResult: true },
      )
        .catch((error: unknown) => {
          out?.release();
          throw error;
        })
        .finally(() => {
          progress.finish();
          checkpoint?.flush();
          checkpoint?.close();
        });
      if (out !== null) writeFilesAtomically(out.path, simulationCsv(report));
      if (flags.json === true) process.stdout.write(`${JSON.stringify(simulationJson(report), null, 2)}\n`);
      else process.stdout.write(renderSimulation(report));
    });
}
