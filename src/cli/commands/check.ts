import { appendFileSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { Command } from 'commander';
import { CHECK_DEFAULTS, checkGame } from '../../check/check-game.js';
import { falseAlarmRate, isSimulationTest } from '../../check/check-level.js';
import type { CheckGameInput } from '../../check/check-game.js';
import type { CheckReport, CheckResult } from '../../check/check-types.js';
import { resolveTarget } from '../../check/resolve-target.js';
import { SlotsimError } from '../../errors.js';
import { checkJson } from '../../report/check-json.js';
import { checkJunit } from '../../report/check-junit.js';
import { checkMarkdown } from '../../report/check-markdown.js';
import { renderCheck } from '../../report/check-text.js';
import { parseRngName } from '../../rng/index.js';
import { withInterrupt } from '../interrupt.js';
import { openGame } from '../open-game.js';
import { parseCount, parseThreads } from '../parse-count.js';
import { MIN_INTERVAL_ROUNDS } from '../../stats/confidence.js';
import { checkOutputFile } from '../output-path.js';
import type { CheckedOutput } from '../output-path.js';
import { createPhasedProgress } from '../progress.js';
import { chunkCount, usedThreads } from '../threads-note.js';

interface CheckFlags {
  variant?: string;
  allVariants?: boolean;
  mode?: string;
  allModes?: boolean;
  simulate?: string;
  budget?: string;
  seed: string;
  rng: string;
  threads?: string;
  target?: string;
  tolerance?: string;
  junit?: string;
  json?: boolean;
}

/**
 * The example of `check --help`, which a test runs as written: bundled games that declare a target
 * (three-bells, the format spec's example, declares none: a game without a target is unusable
 * input, so `configs/*.json` exits 2), each with its variants, and the JUnit report.
 */
const CHECK_EXAMPLE =
  'Example: slotsim check configs/crimson-sevens.json configs/lotus-lagoon.json --all-variants --junit reports/check.xml';

/** An RTP figure given on the command line: a fraction of the stake (0.965, not 96.5). */
function parseFraction(text: string | undefined, flag: string, max: number): number | null {
  if (text === undefined) return null;
  const value = Number(text);
  if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value >= max) {
    throw new SlotsimError(
      'BAD_INPUT',
      `${flag}: "${text}" is not a fraction of the stake; expected a number from 0 below ${max}, e.g. ${flag === '--target' ? '0.965 for 96.5%' : '0.0005'}`,
    );
  }
  return value;
}

/** Every (game file, variant, mode) to check, opened and validated before anything runs. */
function openCases(files: readonly string[], flags: CheckFlags): Omit<CheckGameInput, 'target'>[] {
  return files.flatMap((file) => {
    const first = openGame(file, flags.variant ?? null, flags.mode ?? null);
    const variants = flags.allVariants === true ? first.game.variants : [];
    const games = [first, ...variants.map((variant) => openGame(file, variant, flags.mode ?? null))];
    // --all-modes: each game and variant in every mode it has ("base" first), each on its own target.
    const all =
      flags.allModes === true
        ? games.flatMap((g) =>
            g.game.modes.map((mode) => (mode === g.game.mode ? g : openGame(file, g.game.variant, mode))),
          )
        : games;
    return all.map(({ game, text }) => ({ file, game, text }));
  });
}

function writeFileAtomically(file: string, content: string): void {
  const final = resolve(file);
  mkdirSync(dirname(final), { recursive: true });
  const temp = `${final}.${process.pid}.partial`;
  try {
    writeFileSync(temp, content);
    renameSync(temp, final);
  } finally {
    rmSync(temp, { force: true });
  }
}

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      "CI gate: each game's exact RTP against its declared target and tolerance (exit 1 on failure)",
    )
    .argument('<games...>', 'game files (slotsim/1 or slotsim/2 JSON)')
    .option('--variant <name>', 'check this variant of every game')
    .option('--all-variants', 'check each game as written and every variant it defines')
    .option(
      '--mode <name>',
      'check this bet mode of every game (format 2; default "base"), on its own target',
    )
    .option('--all-modes', 'check every bet mode of each game (and variant), each on its own target')
    .option(
      '--simulate <n>',
      `also simulate N rounds (at least ${MIN_INTERVAL_ROUNDS}), which must agree with the exact RTP at the 10⁻⁴ level`,
    )
    .option(
      '--budget <n>',
      'format 2: spins the exact analysis may enumerate before a game is gated on a simulation instead',
      '2B',
    )
    .option(
      '--seed <seed>',
      'seed of the simulations (fixed by default, so CI never flakes)',
      CHECK_DEFAULTS.seed,
    )
    .option('--rng <name>', 'seeded generator of the simulations', CHECK_DEFAULTS.rng)
    .option('--threads <n>', 'worker threads for simulations (default: all cores)')
    .option('--target <rtp>', "RTP target (fraction of the stake), replacing the games' declared one")
    .option('--tolerance <x>', "tolerance around the target, replacing the games' declared one")
    .option('--junit <file>', 'also write JUnit XML (one test case per game, variant and mode)')
    .option('--json', 'print one JSON document on stdout and nothing else')
    .addHelpText(
      'after',
      `\nExit 0 when every game passes, 1 when any fails, 2 on unusable input (a game without an "rtp" target\nneeds --target and --tolerance). Simulations use seed "${CHECK_DEFAULTS.seed}" unless --seed is given; a game whose\nmax-win cap binds, or a format-2 game whose RTP its exact analysis cannot give within --budget, is simulated\n(${CHECK_DEFAULTS.capSpins.toLocaleString('en-US')} rounds unless --simulate) against its target: PASS when the interval lies inside the band,\nFAIL wholly outside, INCONCLUSIVE across an edge (which fails the gate too).\nEach simulation test is made at the 10⁻⁴ level: a run of k of them fails a correct game with probability\nat most k × 10⁻⁴ (printed at the end). With GITHUB_STEP_SUMMARY set, a Markdown summary is appended to that file.\n${CHECK_EXAMPLE}`,
    )
    .action(async (files: string[], flags: CheckFlags) => {
      if (flags.variant !== undefined && flags.allVariants === true) {
        throw new SlotsimError('BAD_INPUT', '--variant and --all-variants cannot be used together');
      }
      if (flags.mode !== undefined && flags.allModes === true) {
        throw new SlotsimError('BAD_INPUT', '--mode and --all-modes cannot be used together');
      }
      const simulateSpins = flags.simulate === undefined ? null : parseCount(flags.simulate, '--simulate');
      const budget = parseCount(flags.budget ?? '2B', '--budget');
      if (simulateSpins !== null && simulateSpins < MIN_INTERVAL_ROUNDS) {
        throw new SlotsimError(
          'BAD_INPUT',
          `--simulate: ${simulateSpins} rounds are too few for a test (expected at least ${MIN_INTERVAL_ROUNDS}: below that the sample sd says too little)`,
        );
      }
      const threads = usedThreads(
        flags.threads,
        parseThreads(flags.threads),
        chunkCount(simulateSpins ?? CHECK_DEFAULTS.capSpins),
        'chunk',
      );
      const rng = parseRngName(flags.rng);
      if (flags.seed === '') throw new SlotsimError('BAD_INPUT', '--seed: expected a non-empty string');
      const targetFlags = {
        target: parseFraction(flags.target, '--target', 2),
        tolerance: parseFraction(flags.tolerance, '--tolerance', 1),
      };
      const opened = openCases(files, flags);
      const missing: string[] = [];
      const cases = opened.flatMap((c) => {
        const target = resolveTarget(c.game, targetFlags);
        if (target === null) {
          const where = [
            ...(c.game.variant === null ? [] : [`variant ${c.game.variant}`]),
            ...(c.game.mode === 'base' ? [] : [`mode ${c.game.mode}`]),
          ];
          missing.push(`${c.file}${where.length === 0 ? '' : ` (${where.join(', ')})`}`);
          return [];
        }
        return [{ ...c, target }];
      });
      if (missing.length > 0) {
        throw new SlotsimError(
          'BAD_INPUT',
          `no RTP target for ${missing.join(', ')}: declare "rtp": { "target": …, "tolerance": … } in the game (or the variant, or the mode: a mode's target is its own), or pass --target and --tolerance`,
        );
      }
      // Output files are checked before anything runs.
      const junit = flags.junit === undefined ? null : checkOutputFile('--junit', flags.junit);
      const summaryFile = process.env.GITHUB_STEP_SUMMARY;
      const summary =
        summaryFile === undefined || summaryFile === ''
          ? null
          : checkOutputFile('GITHUB_STEP_SUMMARY', summaryFile);
      const release = (outputs: readonly (CheckedOutput | null)[]): void => {
        for (const output of outputs) output?.release();
      };
      const started = performance.now();
      const timestamp = new Date();
      const results: CheckResult[] = await withInterrupt(
        async (signal) => {
          const out: CheckResult[] = [];
          for (const c of cases) {
            const progress = createPhasedProgress();
            try {
              out.push(
                await checkGame(c, {
                  simulate: simulateSpins,
                  budget,
                  seed: flags.seed,
                  rng,
                  threads,
                  capSpins: CHECK_DEFAULTS.capSpins,
                  signal,
                  onProgress: (done, total, unit) => progress.update(done, total, ` ${unit}`),
                }),
              );
            } finally {
              progress.finish();
            }
          }
          return out;
        },
        { dropLateResult: true },
      ).catch((error: unknown) => {
        release([junit, summary]);
        throw error;
      });
      const report: CheckReport = {
        passed: results.every((r) => r.passed),
        results,
        falseAlarm: falseAlarmRate(
          results.reduce((n, r) => n + r.verdicts.filter(isSimulationTest).length, 0),
        ),
        elapsedSeconds: (performance.now() - started) / 1000,
      };
      if (junit !== null) writeFileAtomically(junit.path, checkJunit(report, timestamp));
      if (summary !== null) appendFileSync(summary.path, checkMarkdown(report));
      if (flags.json === true) process.stdout.write(checkJson(report));
      else process.stdout.write(renderCheck(report));
      if (!report.passed) process.exitCode = 1;
    });
}
