import type { Command } from 'commander';
import { format2Mechanic } from '../../engine/classic.js';
import { SlotsimError } from '../../errors.js';
import { analyze, CAP_SIMULATION } from '../../math/analyze.js';
import { FORMAT2_SIMULATION } from '../../math/format2/analyze-format2.js';
import { enumerationSize } from '../../math/cycle-run.js';
import type { Game } from '../../engine/model.js';
import { listModes } from '../../game/index.js';
import type { Analysis } from '../../math/analysis-types.js';
import { analysisJson } from '../../report/analysis-json.js';
import { modesJson, renderModesTable } from '../../report/analysis-modes.js';
import { renderAnalysis, renderAnalysisNotes } from '../../report/analysis-text.js';
import { withInterrupt } from '../interrupt.js';
import { addShardOptions, usesScaleOut } from '../scale-out-flags.js';
import type { ScaleOutFlags } from '../scale-out-flags.js';
import { modeNote, openGame } from '../open-game.js';
import { parseCount, parseThreads } from '../parse-count.js';
import { createPhasedProgress, createProgress } from '../progress.js';

interface AnalyzeFlags extends ScaleOutFlags {
  variant?: string;
  mode?: string;
  allModes?: boolean;
  budget?: string;
  fullCycle?: boolean;
  threads?: string;
  simSpins?: string;
  simSeed?: string;
  json?: boolean;
}

export function registerAnalyze(program: Command): void {
  const command = program
    .command('analyze')
    .description(
      'Exact mathematics (no sampling): RTP and its parts, triggers, expected free spins, PAR tables',
    )
    .argument('<game>', 'game file (slotsim/1 or slotsim/2 JSON)')
    .option('--variant <name>', 'analyse this variant of the game')
    .option(
      '--mode <name>',
      'analyse this bet mode (format 2; default "base"); figures are per credit staked in it',
    )
    .option(
      '--all-modes',
      'analyse every bet mode (base, then each in the file), then compare them in one table with the spread of their RTPs',
    )
    .option(
      '--budget <n>',
      'format 2: spins the exact enumeration may visit before the figures that need it are simulated',
      '2B',
    )
    .option(
      '--full-cycle',
      'also enumerate every stop combination: exact hit frequency, win distribution and sd',
    )
    .option('--threads <n>', 'worker threads for --full-cycle and any simulation (default: all cores)')
    .option(
      '--sim-spins <n>',
      `rounds simulated for the figures a binding max-win cap makes inexact (seed "${CAP_SIMULATION.seed}"), or for the figures of a format-2 game its exact analysis cannot give (seed "${FORMAT2_SIMULATION.seed}")`,
      '10M',
    )
    .option('--sim-seed <seed>', 'seed of that simulation (default: the fixed seed named above)')
    .option('--json', 'print one JSON document on stdout and nothing else');
  addShardOptions(command)
    .addHelpText(
      'after',
      "\nFigures are exact fractions over the cycle (the product of the base reels' draw bounds) unless marked;\nwhen a max-win cap can bind, the figures it touches are simulated and marked so. A game using a format-2\nmechanic is analysed per bet mode (--mode): every figure is labelled exact, exact-double, exact-expectation\nor simulated (with its 99% interval, rounds and seed); a spin space past --budget is simulated and named.\nExample: slotsim analyze configs/starfall-20.json --full-cycle",
    )
    .action(async (file: string, flags: AnalyzeFlags) => {
      const threads = parseThreads(flags.threads);
      const simSpins = parseCount(flags.simSpins ?? '10M', '--sim-spins');
      const budget = parseCount(flags.budget ?? '2B', '--budget');
      if (flags.simSeed === '')
        throw new SlotsimError('BAD_INPUT', '--sim-seed: expected a non-empty string');
      if (flags.allModes === true) {
        if (flags.mode !== undefined)
          throw new SlotsimError(
            'BAD_INPUT',
            '--all-modes cannot be combined with --mode: --all-modes analyses every bet mode (base first); give one of the two',
          );
        if (usesScaleOut(flags))
          throw new SlotsimError(
            'BAD_INPUT',
            '--all-modes cannot be combined with --shard, --shards or --partial: shard one mode at a time (--mode M)',
          );
      }
      const { game, text } = openGame(file, flags.variant ?? null, flags.mode ?? null);
      const format2 = format2Mechanic(game) !== null;
      const json = flags.json === true;
      const fullCycle = flags.fullCycle === true;
      const mechanic = format2Mechanic(game);
      if (mechanic !== null && fullCycle) {
        throw new SlotsimError(
          'BAD_INPUT',
          `--full-cycle: a game using ${mechanic} is enumerated by analyze without --full-cycle, up to --budget spins (${file})`,
        );
      }
      const scaled = usesScaleOut(flags) ? await import('../scale-out.js') : null;
      const shard = scaled?.shardOf(flags, { needsSeed: false }) ?? null;
      if (shard !== null) {
        if (!fullCycle) {
          throw new SlotsimError(
            'BAD_INPUT',
            '--partial: only analyze --full-cycle can be sharded (its enumeration is cut into tasks)',
          );
        }
        await scaled!.runShardCommand({
          command: 'analyze',
          file,
          game,
          gameText: text,
          seed: null,
          rng: null,
          rounds: simSpins,
          detailRounds: null,
          rngCertificate: null,
          shard,
          partial: flags.partial!,
          threads,
          json,
        });
        return;
      }
      const runOne = async (played: Game): Promise<Analysis> => {
        if (!json) {
          const variant = played.variant === null ? '' : ` (variant ${played.variant})`;
          const what =
            fullCycle && !format2
              ? `, full cycle of ${enumerationSize(played).toLocaleString('en-US')} stop combinations on ${threads} thread(s)`
              : '';
          process.stderr.write(
            `Analysing ${played.name} ${played.version}${variant}${modeNote(played)}${what}\n`,
          );
        }
        // A format-2 game's enumeration (both reel sets, within --budget) shows its own total.
        const phased = format2 && !json ? createPhasedProgress() : null;
        const progress =
          fullCycle && !json && !format2
            ? createProgress(enumerationSize(played), ' combinations')
            : phased === null
              ? null
              : {
                  update: (done: number, total: number) => phased.update(done, total, ' combinations'),
                  finish: () => phased.finish(),
                };
        return withInterrupt(
          (signal) =>
            analyze(played, {
              fullCycle,
              threads,
              signal,
              source: { text, file },
              budget,
              capSimulation: {
                spins: simSpins,
                ...(flags.simSeed === undefined ? {} : { seed: flags.simSeed }),
              },
              simulation: {
                spins: simSpins,
                ...(flags.simSeed === undefined ? {} : { seed: flags.simSeed }),
              },
              ...(progress === null
                ? {}
                : { onProgress: (done: number, total: number) => progress.update(done, total) }),
            }),
          { dropLateResult: true },
        ).finally(() => progress?.finish());
      };
      if (flags.allModes !== true) {
        const analysis = await runOne(game);
        if (json) {
          process.stdout.write(`${JSON.stringify(analysisJson(analysis), null, 2)}\n`);
        } else {
          process.stdout.write(renderAnalysis(analysis));
          process.stderr.write(renderAnalysisNotes(analysis));
        }
        return;
      }
      // Every mode: base first, then the file's modes in the order written.
      const analyses: Analysis[] = [];
      for (const mode of listModes(text, { file, variant: flags.variant ?? null })) {
        const played = mode === 'base' ? game : openGame(file, flags.variant ?? null, mode).game;
        const analysis = await runOne(played);
        analyses.push(analysis);
        if (!json) {
          process.stdout.write(`Mode ${mode}${modeNote(played)}\n${renderAnalysis(analysis)}\n`);
          process.stderr.write(renderAnalysisNotes(analysis));
        }
      }
      if (json) process.stdout.write(`${JSON.stringify(modesJson(analyses), null, 2)}\n`);
      else process.stdout.write(renderModesTable(analyses));
    });
}
