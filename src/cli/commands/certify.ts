import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { certify } from '../../certify/certify.js';
import { certifyVariants } from '../../certify/certify-variants.js';
import type { CertifyPhase } from '../../certify/certify.js';
import { certifyCommand } from '../../certify/command-line.js';
import { reportFolderName } from '../../certify/report-folder.js';
import { certifiableRngs, rngQuality } from '../../certify/rng-scope.js';
import type { CertifyReport } from '../../certify/report-types.js';
import type { Game } from '../../engine/model.js';
import { verdictLine } from '../../certify/verdict.js';
import { SlotsimError } from '../../errors.js';
import { certifyReportFiles, certifyVariantsFiles } from '../../report/certify-files.js';
import type { ReportFiles } from '../../report/certify-files.js';
import { variantName } from '../../report/certify-variants.js';
import { reportId } from '../../report/report-id.js';
import { DEFAULT_SIM_RNG, parseRngName } from '../../rng/index.js';
import { withInterrupt } from '../interrupt.js';
import { addCheckpointOptions, addShardOptions, usesScaleOut } from '../scale-out-flags.js';
import type { ScaleOutFlags } from '../scale-out-flags.js';
import type { Checkpoint } from '../../shard/checkpoint.js';
import { modeNote, openGame } from '../open-game.js';
import { parseCount, parseSeed, parseThreads } from '../parse-count.js';
import { SPIN_BUDGET } from '../../math/format2/plan-format2.js';
import { checkOutputFolder, reserveFolder } from '../output-path.js';
import { createProgress } from '../progress.js';
import type { Progress } from '../progress.js';
import { usedThreads } from '../threads-note.js';

interface CertifyFlags extends ScaleOutFlags {
  variant?: string;
  mode?: string;
  allVariants?: boolean;
  allModes?: boolean;
  budget?: string;
  spins: string;
  seed?: string;
  threads?: string;
  rng: string;
  out?: string;
  json?: boolean;
  detailSpins: string;
  rngCertificate?: string;
}

export function verdictLines(report: CertifyReport): string {
  return report.verdicts
    .map((v, i) => `  ${i + 1}. ${v.status.padEnd(4)} ${v.title}: ${verdictLine(v)}\n`)
    .join('');
}

/** The report folder must not exist yet, or be empty (it is replaced as a whole at the end). */
function checkTarget(dir: string): void {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new SlotsimError(
      'BAD_INPUT',
      `--out: ${dir} already exists and is not empty; choose another folder`,
    );
  }
}

/**
 * Writes the files into a temporary sibling folder and renames it into place at the end, so an
 * interrupted run never leaves a report folder under its final name.
 */
export function writeReportFolder(
  dir: string,
  files: Readonly<Record<string, string>>,
  signal: AbortSignal,
): void {
  const final = resolve(dir);
  const temp = `${final}.partial-${process.pid}`;
  mkdirSync(dirname(final), { recursive: true });
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  let renamed = false;
  try {
    for (const [name, content] of Object.entries(files)) {
      mkdirSync(dirname(join(temp, name)), { recursive: true });
      writeFileSync(join(temp, name), content);
    }
    if (signal.aborted) throw new SlotsimError('INTERRUPTED', 'certification interrupted');
    checkTarget(final);
    if (existsSync(final)) rmSync(final, { recursive: true });
    renameSync(temp, final);
    renamed = true;
  } finally {
    if (!renamed) rmSync(temp, { recursive: true, force: true });
  }
}

/** `--all-modes` certifies every mode in one run: a flag that picks one mode or one part of a run is bad input. */
function checkAllModes(flags: CertifyFlags): void {
  const clash = (flag: string, why: string): never => {
    throw new SlotsimError('BAD_INPUT', `--all-modes cannot be combined with ${flag}: ${why}`);
  };
  if (flags.mode !== undefined)
    clash('--mode', '--all-modes certifies every bet mode (base first); give one of the two');
  if (flags.allVariants === true)
    clash(
      '--all-variants',
      'certify every mode of one variant (--variant V --all-modes), or every variant of one mode (--mode M --all-variants)',
    );
  if (flags.checkpoint !== undefined || flags.resume !== undefined)
    clash(
      flags.checkpoint === undefined ? '--resume' : '--checkpoint',
      'checkpoint each mode on its own (--mode M)',
    );
  for (const flag of ['shard', 'shards', 'partial'] as const) {
    if (flags[flag] !== undefined) clash(`--${flag}`, 'shard each mode on its own (--mode M)');
  }
}

export function registerCertify(program: Command): void {
  const certifyProgram = program
    .command('certify')
    .description(
      'Certification-lab report: exact analysis, a long simulation, statistical tests and PASS/FAIL verdicts',
    )
    .argument('<game>', 'game file (slotsim/1 or slotsim/2 JSON)')
    .option('--variant <name>', 'certify this variant of the game')
    .option(
      '--mode <name>',
      'certify this bet mode (format 2; default "base"); figures are per credit staked in it',
    )
    .option('--all-variants', 'certify the game as written and every variant: one report, a sub-folder each')
    .option(
      '--all-modes',
      'certify every bet mode (base, then each in the file): one report with a mode summary, a sub-folder each',
    )
    .option('--spins <n>', 'paid rounds to simulate (100M, 1e8, 100_000_000)', '100M')
    .option('--seed <seed>', 'seed of the simulation (default: a fresh random seed, recorded in the report)')
    .option('--threads <n>', 'worker threads (default: all cores); figures do not depend on it')
    .option('--rng <name>', 'seeded generator', DEFAULT_SIM_RNG)
    .option(
      '--detail-spins <n>',
      'rounds (the first ones) played with per-round detail for the combination, reel-stop and serial tests',
      '10M',
    )
    .option(
      '--out <dir>',
      'the report folder (default: reports/<game>-<version>[-<variant>]-<UTC timestamp>)',
    )
    .option(
      '--rng-certificate <text>',
      "the production RNG's certificate reference and battery results, quoted in the report (its RNG tests cover only the seeded simulation generator)",
    )
    .option(
      '--budget <n>',
      "format 2: spins the exact analysis may enumerate before the figures that need it come from this run's simulation",
      '2B',
    )
    .option('--json', 'also print report.json on stdout (and nothing else there)');
  addCheckpointOptions(addShardOptions(certifyProgram))
    .addHelpText(
      'after',
      "\nWrites report.html (self-contained, printable), report.md, report.json, par.csv and distribution.csv.\nWith --all-variants: report.html, report.md and report.json for all of them, and each variant's own\nfiles in as-written/ and variant-<name>/. With --all-modes: the same, a mode summary table first, and\neach mode's own files in mode-<name>/ (same seed and rounds for every mode). The report names the command that reproduces it, seed included.\nExample: slotsim certify configs/starfall-20.json --seed 42",
    )
    .action(async (file: string, flags: CertifyFlags) => {
      const spins = parseCount(flags.spins, '--spins');
      const detailSpins = Math.min(parseCount(flags.detailSpins, '--detail-spins'), spins);
      const threads = parseThreads(flags.threads);
      const rng = parseRngName(flags.rng);
      if (rngQuality(rng).level === 'weak') {
        throw new SlotsimError(
          'BAD_INPUT',
          `--rng ${rng}: a statistically weak generator (${rngQuality(rng).note}) cannot back a certification; use one of: ${certifiableRngs().join(', ')}`,
        );
      }
      const rngCertificate = flags.rngCertificate ?? null;
      const budget = parseCount(flags.budget ?? '2B', '--budget');
      if (budget !== SPIN_BUDGET && usesScaleOut(flags)) {
        // A partial's run identity does not carry the budget, so the merge would analyse with the default.
        throw new SlotsimError(
          'BAD_INPUT',
          '--budget cannot be combined with --shard, --shards, --partial, --checkpoint or --resume: those runs analyse a format-2 game within the default budget (2B)',
        );
      }
      let seed = parseSeed(flags.seed);
      const allVariants = flags.allVariants === true;
      if (allVariants && flags.variant !== undefined) {
        throw new SlotsimError(
          'BAD_INPUT',
          '--variant and --all-variants cannot be combined (--all-variants certifies the game as written and every variant)',
        );
      }
      if (allVariants && flags.checkpoint !== undefined) {
        throw new SlotsimError(
          'BAD_INPUT',
          '--all-variants cannot be combined with --checkpoint: checkpoint each variant on its own (--variant V), or shard the run (--shard, --partial)',
        );
      }
      const allModes = flags.allModes === true;
      if (allModes) checkAllModes(flags);
      const mode = flags.mode ?? null;
      const { game, text } = openGame(file, flags.variant ?? null, mode);
      const request = {
        command: 'certify',
        file,
        game,
        gameText: text,
        seed,
        rng,
        rounds: spins,
        detailRounds: detailSpins,
        rngCertificate,
      } as const;
      const games = allVariants
        ? [game, ...game.variants.map((v) => openGame(file, v, mode).game)]
        : allModes
          ? game.modes.map((m) => (m === game.mode ? game : openGame(file, game.variant, m).game))
          : [game];
      const many = allVariants || allModes;
      const scaled = usesScaleOut(flags) ? await import('../scale-out.js') : null;
      const shard = scaled?.shardOf(flags, { needsSeed: true }) ?? null;
      if (shard !== null) {
        await scaled!.runShardCommand({
          ...request,
          shard,
          partial: flags.partial!,
          threads,
          json: flags.json === true,
          ...(allVariants ? { variantGames: games } : {}),
        });
        return;
      }
      usedThreads(flags.threads, threads, Number.MAX_SAFE_INTEGER, 'chunk'); // the cores' cap: a pool also never starts more threads than it has tasks
      const date = new Date();
      // The report folder is checked before the work: --out must be an empty or new folder that can
      // be written; the default one is reserved at once (a second run in the same second gets "-2").
      const out =
        flags.out === undefined
          ? reserveFolder(
              '--out',
              join(
                'reports',
                reportFolderName(
                  allVariants
                    ? { ...game, variant: 'all-variants' }
                    : allModes
                      ? { ...game, mode: 'all-modes' }
                      : game,
                  date,
                ),
              ),
            )
          : checkOutputFolder('--out', flags.out, true);
      const dir = out.path;
      let checkpoint: Checkpoint | null = null;
      try {
        checkpoint = scaled?.checkpointOf(flags, request) ?? null;
      } catch (error) {
        out.release();
        throw error;
      }
      seed = checkpoint?.run.seed ?? seed;
      const command = certifyCommand({
        file,
        variant: game.variant,
        mode: game.mode,
        spins,
        seed,
        rng,
        threads,
        detailSpins,
        rngCertificate,
        budget,
      });
      const json = flags.json === true;
      const announce = (g: Game): void => {
        if (json) return;
        process.stderr.write(
          `Certifying ${g.name} ${g.version}${g.variant === null ? '' : ` (variant ${g.variant})`}${modeNote(g)}: ${spins.toLocaleString('en-US')} rounds (detail on ${detailSpins.toLocaleString('en-US')}), seed ${seed}, rng ${rng}, ${threads} thread${threads === 1 ? '' : 's'}\n`,
        );
      };
      let progress: Progress | null = null;
      let phase: CertifyPhase | null = null;
      const onProgress = (next: CertifyPhase, done: number, total: number): void => {
        if (next !== phase) {
          progress?.finish();
          phase = next;
          progress = createProgress(total, next === 'full-cycle' ? ' combinations' : ' rounds');
        }
        progress?.update(done);
      };
      const finish = (files: ReportFiles, lines: string, overall: string): void => {
        if (json) process.stdout.write(files['report.json']!);
        else {
          process.stdout.write(
            `${lines}Overall: ${overall}. Report written to ${dir}\nReport ID ${reportId(files['report.json']!)} (SHA-256 of report.json)\n`,
          );
        }
      };
      await withInterrupt(
        async (signal) => {
          if (many) {
            const run = await certifyVariants({
              games,
              by: allModes ? 'mode' : 'variant',
              file,
              spins,
              seed,
              rng,
              threads,
              detailSpins,
              rngCertificate,
              budget,
              date,
              signal,
              onProgress,
              onVariant: (_i, g) => {
                progress?.finish();
                progress = null;
                phase = null;
                announce(g);
              },
            }).finally(() => progress?.finish());
            const files = certifyVariantsFiles(run);
            writeReportFolder(dir, files, signal);
            const lines = run.reports.map(
              ({ folder, report }) =>
                `${allModes ? `mode ${report.identification.mode}` : variantName(report.identification.game.variant)} (${folder}/): ${report.overall}\n${verdictLines(report)}`,
            );
            finish(files, lines.join(''), run.overall);
            return;
          }
          announce(game);
          const report = await certify({
            game,
            file,
            spins,
            seed,
            rng,
            threads,
            detailSpins,
            command,
            rngCertificate,
            budget,
            date,
            signal,
            onProgress,
            ...(checkpoint === null
              ? {}
              : { hooks: { cycles: checkpoint.cycles, chunks: checkpoint.chunks } }),
          }).finally(() => {
            progress?.finish();
            checkpoint?.flush();
            checkpoint?.close();
          });
          const files = certifyReportFiles(report);
          writeReportFolder(dir, files, signal);
          finish(
            files,
            verdictLines(report),
            report.certifiable
              ? report.overall
              : `${report.overall} (NOT CERTIFIABLE: ${report.nonCertifiable.join('; ')})`,
          );
        },
        { dropLateResult: true },
      ).catch((error: unknown) => {
        out.release(); // the folder reserved or created above, while it is still empty
        throw error;
      });
    });
}
