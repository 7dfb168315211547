import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseXml } from '../check/xml-well-formed.js';
import { runMain } from './in-process.js';
import { runCli as run } from './run-cli.js';

/** The bin, never appending to the summary of the CI job running these tests. */
const runCli = (args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}) =>
  run(args, { env: { GITHUB_STEP_SUMMARY: '', ...options.env } });

const DECLARED = ['configs/crimson-sevens.json', 'configs/goldvein-mine.json', 'configs/lotus-lagoon.json'];

describe('slotsim check (the built bin)', () => {
  it('exit 0: every bundled game with a declared target passes, all variants, quickly', () => {
    const started = Date.now();
    const { code, stdout, stderr } = runCli(['check', ...DECLARED, '--all-variants']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/All 6 passed\./);
    expect(stdout).toContain('3-coin');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('exit 1: a deliberately wrong --target fails, with the numbers', () => {
    const { code, stdout } = runCli([
      'check',
      'configs/lotus-lagoon.json',
      '--target',
      '0.95',
      '--tolerance',
      '0.001',
    ]);
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /FAIL RTP within the target ± tolerance: exact RTP 96\.1918% is outside 95% ± 0\.1 percentage points/,
    );
    expect(stdout).toMatch(/1 of 1 failed\./);
  });

  it('exit 2: a game without a target, unless --target and --tolerance are given', () => {
    // three-bells is the format spec's example verbatim: it declares no target.
    const missing = runCli(['check', 'configs/starfall-20.json', 'configs/three-bells.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no RTP target for configs\/three-bells\.json: declare "rtp"/);
    expect(missing.stderr).not.toMatch(/\n\s+at /);
    expect(missing.stdout).toBe('');
    const given = runCli(['check', 'configs/three-bells.json', '--target', '0.947', '--tolerance', '0.0005']);
    expect(given.code).toBe(0);
  });

  it.each([
    [['check', 'configs/lotus-lagoon.json', '--variant', '94', '--all-variants'], /cannot be used together/],
    [
      ['check', 'configs/lotus-lagoon.json', '--target', '96.5', '--tolerance', '0.001'],
      /--target: "96\.5" is not a fraction/,
    ],
    [['check', 'configs/lotus-lagoon.json', '--simulate', 'many'], /--simulate: "many" is not a count/],
    [['check', 'configs/lotus-lagoon.json', '--variant', 'nope'], /nope/],
    [['check', 'configs/missing.json'], /missing\.json/],
    [['check'], /missing required argument/],
  ])('exit 2 on unusable input %j', (args, message) => {
    const { code, stderr, stdout } = runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe('');
  });

  it('--junit writes well-formed, escaped XML; GITHUB_STEP_SUMMARY gets a Markdown summary; --json one document', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-check-'));
    // A copy of a bundled game with a hostile variant name and a wrong declared target in it.
    const game = JSON.parse(readFileSync('configs/crimson-sevens.json', 'utf8')) as Record<
      string,
      unknown
    > & {
      variants: Record<string, unknown>;
    };
    game.variants['<&"odd">'] = { rtp: { target: 0.5, tolerance: 0.01 } };
    const file = join(dir, 'odd.json');
    writeFileSync(file, JSON.stringify(game));
    const junit = join(dir, 'out', 'check.xml');
    const summary = join(dir, 'summary.md');
    writeFileSync(summary, 'before\n');
    const { code, stdout, stderr } = runCli(['check', file, '--all-variants', '--junit', junit, '--json'], {
      env: { GITHUB_STEP_SUMMARY: summary },
    });
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as {
      passed: boolean;
      results: { passed: boolean; game: { variant: string } }[];
    };
    expect(json.passed).toBe(false);
    expect(json.results.map((r) => [r.game.variant, r.passed])).toEqual([
      [null, true],
      ['3-coin', true],
      ['<&"odd">', false],
    ]);
    const root = parseXml(readFileSync(junit, 'utf8'));
    expect(root.attributes).toMatchObject({ tests: '3', failures: '1' });
    const cases = root.children[0]!.children.filter((c) => c.name === 'testcase');
    expect(cases.map((c) => c.attributes.name)).toEqual([
      'crimson-sevens 1.0.0',
      'crimson-sevens 1.0.0 (variant 3-coin)',
      'crimson-sevens 1.0.0 (variant <&"odd">)',
    ]);
    expect(cases[2]!.children.find((c) => c.name === 'failure')?.attributes.message).toMatch(
      /exact RTP 93\.3510% is outside 50% ± 1 percentage point /,
    );
    const md = readFileSync(summary, 'utf8');
    expect(md).toMatch(/^before\n## slotsim check: ❌ 1 of 3 failed/);
    expect(md).toContain('(variant <&"odd">)');
  });

  it('--simulate with the fixed default seed is reproducible (CI never flakes)', () => {
    const run = () =>
      JSON.parse(
        runCli([
          'check',
          'configs/three-bells.json',
          '--target',
          '0.947',
          '--tolerance',
          '0.001',
          '--simulate',
          '200k',
          '--json',
        ]).stdout,
      ) as {
        results: { simulation: { seed: string; rtp: number } }[];
      };
    const a = run();
    expect(a.results[0]!.simulation.seed).toBe('slotsim-check');
    expect(run().results[0]!.simulation.rtp).toBe(a.results[0]!.simulation.rtp);
  });
});

describe('check --help and its example', () => {
  it('the example of --help runs as written and passes (it listed configs/*.json, and three-bells has no target)', async () => {
    const help = await runMain(['check', '--help']);
    const example = /Example: slotsim (check .*)/.exec(help.stdout)?.[1];
    expect(example).toBeDefined();
    const args = example!.split(' ');
    // The JUnit report goes to a scratch folder instead of the checkout's reports/.
    const junit = args.indexOf('--junit');
    expect(args[junit + 1]).toBe('reports/check.xml');
    args[junit + 1] = join(mkdtempSync(join(tmpdir(), 'slotsim-example-')), 'reports', 'check.xml');
    const run = await runMain(args, { GITHUB_STEP_SUMMARY: undefined });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(args[junit + 1]!, 'utf8')).toMatch(/<testsuites/);
  });
});

describe("check --simulate: each test at the 10⁻⁴ level, and the run's false-alarm rate stated", () => {
  it('goldvein-mine, seed redteam, 10 M rounds: z = −2.80 is no longer a failure (it was at the 1 % level)', () => {
    const { code, stdout } = runCli([
      'check',
      'configs/goldvein-mine.json',
      '--simulate',
      '10M',
      '--seed',
      'redteam',
      '--threads',
      '2',
    ]);
    expect(stdout).toMatch(
      /PASS Simulated RTP agrees with the exact RTP: .* at the 10⁻⁴ level .*\(z = −2\.80\)/,
    );
    expect(code).toBe(0);
  });

  it('states how many simulation tests the run made and the chance of a false alarm, at most', async () => {
    const run = await runMain(['check', 'configs/lotus-lagoon.json', '--all-variants', '--simulate', '20k'], {
      GITHUB_STEP_SUMMARY: undefined,
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /All 3 passed\. 3 simulation tests at the 10⁻⁴ level each: a correct game fails this run with probability at most 0\.03 % \(Bonferroni, 3 × 10⁻⁴\)\./,
    );
    const exact = await runMain(['check', 'configs/lotus-lagoon.json'], { GITHUB_STEP_SUMMARY: undefined });
    expect(exact.stdout).toMatch(
      /No simulation test in this run: every verdict is exact \(no false alarms\)\./,
    );
    const json = await runMain(['check', 'configs/lotus-lagoon.json', '--simulate', '20k', '--json'], {
      GITHUB_STEP_SUMMARY: undefined,
    });
    expect((JSON.parse(json.stdout) as { falseAlarm: unknown }).falseAlarm).toEqual({
      tests: 1,
      perTest: 1e-4,
      atMost: 1e-4,
    });
  });

  it('refuses --simulate with fewer than 100 rounds (exit 2)', async () => {
    const run = await runMain(['check', 'configs/lotus-lagoon.json', '--simulate', '50']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--simulate: 50 rounds are too few for a test \(expected at least 100/);
  });
});
