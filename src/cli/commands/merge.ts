import { join } from 'node:path';
import type { Command } from 'commander';
import { certify } from '../../certify/certify.js';
import { certifyVariants } from '../../certify/certify-variants.js';
import { variantName } from '../../report/certify-variants.js';
import { certifyCommand } from '../../certify/command-line.js';
import { reportFolderName } from '../../certify/report-folder.js';
import type { Game } from '../../engine/model.js';
import { SlotsimError } from '../../errors.js';
import { parseGame } from '../../game/index.js';
import { analyze } from '../../math/analyze.js';
import { analysisJson } from '../../report/analysis-json.js';
import { renderAnalysis, renderAnalysisNotes } from '../../report/analysis-text.js';
import { certifyReportFiles, certifyVariantsFiles } from '../../report/certify-files.js';
import { reportId } from '../../report/report-id.js';
import { simulationCsv } from '../../report/simulation-csv.js';
import { simulationJson } from '../../report/simulation-json.js';
import { renderSimulation } from '../../report/simulation-text.js';
import { parseRngName } from '../../rng/index.js';
import { openPartials } from '../../shard/merge-partials.js';
import type { PartialRun, PartialSet } from '../../shard/merge-partials.js';
import { simulateChunks } from '../../sim/simulate.js';
import { withInterrupt } from '../interrupt.js';
import { checkOutputFolder, reserveFolder } from '../output-path.js';
import type { CheckedOutput } from '../output-path.js';
import { parseThreads } from '../parse-count.js';
import { usedThreads } from '../threads-note.js';
import { verdictLines, writeReportFolder } from './certify.js';

interface MergeFlags {
  json?: boolean;
  out?: string;
  threads?: string;
}

/** The game the partials hold (its exact text, checked against its SHA-256), compiled as the shards compiled it. */
function gameOf(set: PartialSet): Game {
  const { game } = set.header.run;
  return parseGame(set.header.gameText, {
    file: game.file,
    variant: game.variant,
    mode: game.mode,
    sha256: game.sha256,
  });
}

export function registerMerge(program: Command): void {
  program
    .command('merge')
    .description(
      'Merge the partial results of a sharded run (--shard, --partial) into what the one-machine command prints',
    )
    .argument('<partial...>', 'the partial files of every shard of one run')
    .option('--json', 'print one JSON document on stdout and nothing else (as the one-machine command would)')
    .option(
      '--out <dir>',
      'simulate: also write the CSV files; certify: the report folder (default: reports/…)',
    )
    .option('--threads <n>', 'worker threads for what is left to compute (the analysis; default: all cores)')
    .addHelpText(
      'after',
      '\nChecks that the partials are of one run, each whole and each shard there exactly once; a missing shard is\nlisted with the command that re-runs it. The figures are bit for bit those of the one-machine run.\nExample: slotsim merge parts/*.partial --json',
    )
    .action(async (files: string[], flags: MergeFlags) => {
      const partials = openPartials(files);
      for (const note of partials.notes) process.stderr.write(`slotsim: note: ${note}\n`);
      const set = partials.sets[0]!;
      const run = set.header.run;
      const game = gameOf(set);
      const json = flags.json === true;
      if (!json) {
        process.stderr.write(
          `Merging ${partials.shards} shard${partials.shards === 1 ? '' : 's'} of slotsim ${run.command} ${game.name} ${game.version}${run.allVariants ? ` (as written and ${run.variants.length} variant${run.variants.length === 1 ? '' : 's'})` : game.variant === null ? '' : ` (variant ${game.variant})`}${run.seed === null ? '' : `, seed ${run.seed}`}\n`,
        );
      }
      switch (run.command) {
        case 'simulate':
          return mergeSimulation(set, game, flags);
        case 'analyze':
          if (flags.out !== undefined)
            throw new SlotsimError(
              'BAD_INPUT',
              '--out: analyze writes no files; print with or without --json',
            );
          return mergeAnalysis(set, game, flags);
        case 'certify':
          return run.allVariants ? mergeAllVariants(partials, flags) : mergeCertification(set, game, flags);
      }
    });
}

async function mergeSimulation(set: PartialSet, game: Game, flags: MergeFlags): Promise<void> {
  const run = set.header.run;
  const threads = usedThreads(flags.threads, parseThreads(flags.threads), run.chunks, 'chunk');
  const out = flags.out === undefined ? null : checkOutputFolder('--out', flags.out);
  const report = await withInterrupt(
    (signal) =>
      simulateChunks(
        { game, spins: run.rounds, seed: run.seed!, rng: parseRngName(run.rng!), threads, signal },
        { done: set.chunks() },
      ),
    { dropLateResult: true },
  ).catch((error: unknown) => {
    out?.release();
    throw error;
  });
  if (out !== null) {
    const { writeFilesAtomically } = await import('../write-atomic.js');
    writeFilesAtomically(out.path, simulationCsv(report));
  }
  if (flags.json === true) process.stdout.write(`${JSON.stringify(simulationJson(report), null, 2)}\n`);
  else process.stdout.write(renderSimulation(report));
}

async function mergeAnalysis(set: PartialSet, game: Game, flags: MergeFlags): Promise<void> {
  const run = set.header.run;
  const threads = parseThreads(flags.threads);
  const analysis = await withInterrupt(
    (signal) =>
      analyze(game, {
        fullCycle: true,
        threads,
        signal,
        source: { text: set.header.gameText, file: run.game.file },
        capSimulation: { spins: run.rounds },
        cycles: { done: set.cycleParts() },
      }),
    { dropLateResult: true },
  );
  if (flags.json === true) {
    process.stdout.write(`${JSON.stringify(analysisJson(analysis), null, 2)}\n`);
  } else {
    process.stdout.write(renderAnalysis(analysis));
    process.stderr.write(renderAnalysisNotes(analysis));
  }
}

async function mergeCertification(set: PartialSet, game: Game, flags: MergeFlags): Promise<void> {
  const run = set.header.run;
  const threads = parseThreads(flags.threads);
  const rng = parseRngName(run.rng!);
  const date = new Date();
  const out: CheckedOutput =
    flags.out === undefined
      ? reserveFolder('--out', join('reports', reportFolderName(game, date)))
      : checkOutputFolder('--out', flags.out, true);
  const detailSpins = run.detailRounds!;
  const command = certifyCommand({
    file: run.game.file,
    variant: game.variant,
    spins: run.rounds,
    seed: run.seed!,
    rng,
    threads,
    detailSpins,
    rngCertificate: run.rngCertificate,
  });
  await withInterrupt(
    async (signal) => {
      const report = await certify({
        game,
        file: run.game.file,
        spins: run.rounds,
        seed: run.seed!,
        rng,
        threads,
        detailSpins,
        command,
        rngCertificate: run.rngCertificate,
        date,
        signal,
        hooks: { cycles: { done: set.cycleParts() }, chunks: { done: set.chunks() } },
      });
      const files = certifyReportFiles(report);
      writeReportFolder(out.path, files, signal);
      if (flags.json === true) process.stdout.write(files['report.json']!);
      else {
        const overall = report.certifiable
          ? report.overall
          : `${report.overall} (NOT CERTIFIABLE: ${report.nonCertifiable.join('; ')})`;
        process.stdout.write(
          `${verdictLines(report)}Overall: ${overall}. Report written to ${out.path}\nReport ID ${reportId(files['report.json']!)} (SHA-256 of report.json)\n`,
        );
      }
    },
    { dropLateResult: true },
  ).catch((error: unknown) => {
    out.release();
    throw error;
  });
}

/** certify --all-variants: every game's partials merged as `certify --all-variants` certifies them, one folder. */
async function mergeAllVariants(partials: PartialRun, flags: MergeFlags): Promise<void> {
  const run = partials.sets[0]!.header.run;
  const games = partials.sets.map(gameOf);
  const threads = parseThreads(flags.threads);
  const rng = parseRngName(run.rng!);
  const date = new Date();
  const out: CheckedOutput =
    flags.out === undefined
      ? reserveFolder(
          '--out',
          join('reports', reportFolderName({ ...games[0]!, variant: 'all-variants' }, date)),
        )
      : checkOutputFolder('--out', flags.out, true);
  await withInterrupt(
    async (signal) => {
      const result = await certifyVariants({
        games,
        file: run.game.file,
        spins: run.rounds,
        seed: run.seed!,
        rng,
        threads,
        detailSpins: run.detailRounds!,
        rngCertificate: run.rngCertificate,
        date,
        signal,
        hooksFor: (i) => ({
          cycles: { done: partials.sets[i]!.cycleParts() },
          chunks: { done: partials.sets[i]!.chunks() },
        }),
      });
      const files = certifyVariantsFiles(result);
      writeReportFolder(out.path, files, signal);
      if (flags.json === true) process.stdout.write(files['report.json']!);
      else {
        const lines = result.reports.map(
          ({ folder, report }) =>
            `${variantName(report.identification.game.variant)} (${folder}/): ${report.overall}\n${verdictLines(report)}`,
        );
        process.stdout.write(
          `${lines.join('')}Overall: ${result.overall}. Report written to ${out.path}\nReport ID ${reportId(files['report.json']!)} (SHA-256 of report.json)\n`,
        );
      }
    },
    { dropLateResult: true },
  ).catch((error: unknown) => {
    out.release();
    throw error;
  });
}
