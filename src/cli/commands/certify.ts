import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { certify } from '../../certify/certify.js';
import type { CertifyPhase } from '../../certify/certify.js';
import { certifyCommand } from '../../certify/command-line.js';
import { reportFolderName } from '../../certify/report-folder.js';
import { certifiableRngs, rngQuality } from '../../certify/rng-scope.js';
import type { CertifyReport } from '../../certify/report-types.js';
import { verdictLine } from '../../certify/verdict.js';
import { SlotsimError } from '../../errors.js';
import { distributionCsv, parCsv } from '../../report/certify-csv.js';
import { certifyJson } from '../../report/certify-json.js';
import { certifyMarkdown } from '../../report/certify-md.js';
import { certifyHtml } from '../../report/html/certify-html.js';
import { DEFAULT_SIM_RNG, parseRngName } from '../../rng/index.js';
import { withInterrupt } from '../interrupt.js';
import { openGame } from '../open-game.js';
import { parseCount, parseSeed, parseThreads } from '../parse-count.js';
import { createProgress } from '../progress.js';
import type { Progress } from '../progress.js';

interface CertifyFlags {
  variant?: string;
  spins: string;
  seed?: string;
  threads?: string;
  rng: string;
  out?: string;
  json?: boolean;
  detailSpins: string;
  rngCertificate?: string;
}

function reportFiles(report: CertifyReport): Record<string, string> {
  return {
    'report.html': certifyHtml(report),
    'report.md': certifyMarkdown(report),
    'report.json': certifyJson(report),
    'par.csv': parCsv(report),
    'distribution.csv': distributionCsv(report),
  };
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
function writeReportFolder(dir: string, files: Readonly<Record<string, string>>, signal: AbortSignal): void {
  const final = resolve(dir);
  const temp = `${final}.partial-${process.pid}`;
  mkdirSync(dirname(final), { recursive: true });
  rmSync(temp, { recursive: true, force: true });
  mkdirSync(temp);
  let renamed = false;
  try {
    for (const [name, content] of Object.entries(files)) writeFileSync(join(temp, name), content);
    if (signal.aborted) throw new SlotsimError('INTERRUPTED', 'certification interrupted');
    checkTarget(final);
    if (existsSync(final)) rmSync(final, { recursive: true });
    renameSync(temp, final);
    renamed = true;
  } finally {
    if (!renamed) rmSync(temp, { recursive: true, force: true });
  }
}

export function registerCertify(program: Command): void {
  program
    .command('certify')
    .description(
      'Certification-lab report: exact analysis, a long simulation, statistical tests and PASS/FAIL verdicts',
    )
    .argument('<game>', 'game file (slotsim/1 JSON)')
    .option('--variant <name>', 'certify this variant of the game')
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
    .option('--json', 'also print report.json on stdout (and nothing else there)')
    .addHelpText(
      'after',
      '\nWrites report.html (self-contained, printable), report.md, report.json, par.csv and distribution.csv.\nThe report names the command that reproduces it, seed included.\nExample: slotsim certify configs/starfall-20.json --seed 42',
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
      const seed = parseSeed(flags.seed);
      const { game } = openGame(file, flags.variant ?? null);
      const date = new Date();
      const dir = flags.out ?? join('reports', reportFolderName(game, date));
      checkTarget(dir);
      const command = certifyCommand({
        file,
        variant: game.variant,
        spins,
        seed,
        rng,
        threads,
        detailSpins,
        rngCertificate,
      });
      const json = flags.json === true;
      if (!json) {
        process.stderr.write(
          `Certifying ${game.name} ${game.version}${game.variant === null ? '' : ` (variant ${game.variant})`}: ${spins.toLocaleString('en-US')} rounds (detail on ${detailSpins.toLocaleString('en-US')}), seed ${seed}, rng ${rng}, ${threads} thread${threads === 1 ? '' : 's'}\n`,
        );
      }
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
      await withInterrupt(async (signal) => {
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
          date,
          signal,
          onProgress,
        }).finally(() => progress?.finish());
        writeReportFolder(dir, reportFiles(report), signal);
        if (json) process.stdout.write(certifyJson(report));
        else {
          const lines = report.verdicts.map(
            (v, i) => `  ${i + 1}. ${v.status.padEnd(4)} ${v.title}: ${verdictLine(v)}\n`,
          );
          const certifiable = report.certifiable
            ? ''
            : ` NOT CERTIFIABLE: ${report.nonCertifiable.join('; ')}.`;
          process.stdout.write(
            `${lines.join('')}Overall: ${report.overall}.${certifiable} Report written to ${dir}\n`,
          );
        }
      });
    });
}
