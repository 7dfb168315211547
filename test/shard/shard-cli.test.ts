import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { sealLine } from '../../src/shard/record-file.js';
import { runCli } from '../cli/run-cli.js';
import { withoutTiming } from './figures.js';

const GAME = 'configs/starfall-20.json';
// 1.4 M rounds: 6 chunks (the last one short), so 3 shards hold 2, 2 and 2 chunks.
const RUN = ['simulate', GAME, '--spins', '1.4M', '--seed', 'shard-cli', '--threads', '2'];

describe('simulate in shards, merged (seed "shard-cli")', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotsim-shard-'));
  const part = (i: number): string => join(dir, `part-${i}.partial`);
  let oneMachine = '';

  beforeAll(() => {
    const one = runCli([...RUN, '--json']);
    expect(one.code).toBe(0);
    oneMachine = one.stdout;
    for (const i of [0, 1, 2]) {
      const shard = runCli([...RUN, '--shard', `${i}/3`, '--partial', part(i)]);
      expect(shard.stderr).toContain(`Shard ${i}/3 (--shard ${i}/3)`);
      expect(shard.code).toBe(0);
    }
  });

  it('merge --json prints the one-machine document, every figure bit for bit (timing aside)', () => {
    const merged = runCli(['merge', part(2), part(0), part(1), '--json', '--threads', '2']);
    expect(merged.stderr).toBe('');
    expect(merged.code).toBe(0);
    expect(withoutTiming(merged.stdout)).toEqual(withoutTiming(oneMachine));
    // The merged figures really are the run's, not a shard's.
    expect((JSON.parse(merged.stdout) as { spins: number }).spins).toBe(1_400_000);
  });

  it('merge --out writes the same CSV files as the one-machine --out', () => {
    const a = join(dir, 'csv-merged');
    const b = join(dir, 'csv-one');
    expect(runCli(['merge', part(0), part(1), part(2), '--out', a]).code).toBe(0);
    expect(runCli([...RUN, '--out', b]).code).toBe(0);
    for (const file of ['summary.csv', 'distribution.csv']) {
      const strip = (text: string): string =>
        text.replaceAll(/^(elapsed|speed|spins per second)[^\n]*\n/gm, '');
      expect(strip(readFileSync(join(a, file), 'utf8'))).toBe(strip(readFileSync(join(b, file), 'utf8')));
    }
  });

  it('a re-run shard writes a byte-identical partial, whatever its thread count', () => {
    const first = readFileSync(part(1));
    rmSync(part(1));
    expect(runCli([...RUN.slice(0, -2), '--threads', '1', '--shard', '1/3', '--partial', part(1)]).code).toBe(
      0,
    );
    expect(readFileSync(part(1)).equals(first)).toBe(true);
  });

  it('a missing shard is listed by index with the command that re-runs it (exit 2); running it completes the merge', () => {
    const missing = runCli(['merge', part(0), part(2)]);
    expect(missing.code).toBe(2);
    const command = `slotsim simulate configs/starfall-20.json --spins 1400000 --seed shard-cli --rng aes-128-ctr --shard 1/3 --partial ${part(1)}`;
    expect(missing.stderr).toContain('1 of 3 shards missing (1)');
    expect(missing.stderr).toContain(command);
    // The printed command, run (through the built bin), writes the same partial as the first time.
    const copy = join(dir, 'listed');
    const listed = command.replace(part(1), join(copy, 'part-1.partial')).split(' ').slice(1);
    expect(runCli(listed).code).toBe(0);
    expect(records(join(copy, 'part-1.partial'))).toEqual(records(part(1)));
  });

  it('a duplicate with the same results counts once; the same shard with other content is refused with both names', () => {
    // The same shard re-run into another file: its header names another path, its results are the same.
    const twin = join(dir, 'elsewhere', 'part-0.partial');
    expect(runCli([...RUN, '--shard', '0/3', '--partial', twin]).code).toBe(0);
    expect(readFileSync(twin).equals(readFileSync(part(0)))).toBe(false);
    const ok = runCli(['merge', part(0), twin, part(1), part(2), '--json', '--threads', '2']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toContain(`${twin}: the same as ${part(0)} (shard 0): counted once`);
    expect(withoutTiming(ok.stdout)).toEqual(withoutTiming(oneMachine));
    // Shard 0 with one chunk's win changed, every seal and the checksum rebuilt: a consistent file of the same run.
    const forged = join(dir, 'forged-0.partial');
    writeFileSync(
      forged,
      reseal(readFileSync(part(0), 'utf8'), (line) =>
        line.replace(/"total":"(\d+)"/, (_, n: string) => `"total":"${BigInt(n) + 1n}"`),
      ),
    );
    const refused = runCli(['merge', part(0), forged, part(1), part(2)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      new RegExp(`${forged} and ${part(0)} are both shard 0/3 but their results differ`),
    );
  });

  it('a corrupt, a truncated or a foreign partial is refused with its file name (exit 2), nothing printed', () => {
    const bytes = readFileSync(part(1), 'utf8');
    const corrupt = join(dir, 'corrupt-1.partial');
    writeFileSync(corrupt, bytes.replace('"hits":', '"hits":1'));
    const truncated = join(dir, 'truncated-1.partial');
    writeFileSync(truncated, bytes.slice(0, bytes.length - 100));
    const cases: [string, RegExp][] = [
      [
        corrupt,
        new RegExp(
          `${corrupt}:\\d+: corrupt or truncated partial: the line's SHA-256 does not match its content`,
        ),
      ],
      [
        truncated,
        new RegExp(
          `${truncated}:\\d+: corrupt or truncated partial: the file ends in the middle of this line`,
        ),
      ],
    ];
    for (const [file, message] of cases) {
      const run = runCli(['merge', part(0), file, part(2)]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(message);
    }
    const foreign = join(dir, 'foreign-1.partial');
    expect(runCli([...RUN.slice(0, 5), 'other-seed', '--shard', '1/3', '--partial', foreign]).code).toBe(0);
    const run = runCli(['merge', part(0), foreign, part(2)]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(
      `${foreign}: a partial of another run than ${part(0)} (seed "shard-cli" ≠ "other-seed")`,
    );
    const notPartial = runCli(['merge', GAME]);
    expect(notPartial.code).toBe(2);
    expect(notPartial.stderr).toMatch(/configs\/starfall-20\.json: not a slotsim partial/);
  });

  it('the engines name the shard: SLURM_ARRAY_TASK_ID/COUNT, JOB_COMPLETION_INDEX and AWS_BATCH_JOB_ARRAY_INDEX with --shards', () => {
    const cases: [NodeJS.ProcessEnv, string[], string][] = [
      [{ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '0' }, [], 'slurm'],
      [{ JOB_COMPLETION_INDEX: '1' }, ['--shards', '3'], 'k8s'],
      [{ AWS_BATCH_JOB_ARRAY_INDEX: '1' }, ['--shards', '3'], 'aws'],
    ];
    for (const [env, flags, name] of cases) {
      const file = join(dir, `${name}-1.partial`);
      const run = runCli([...RUN, ...flags, '--partial', file], { env });
      expect(run.code).toBe(0);
      expect(records(file)).toEqual(records(part(1)));
    }
  });

  it('refuses shard flags that cannot work (exit 2), before any work', () => {
    const refusals: [string[], RegExp][] = [
      [[...RUN, '--shard', '0/2'], /--shard needs --partial FILE/],
      [
        ['simulate', GAME, '--spins', '1M', '--shard', '0/2', '--partial', join(dir, 'x')],
        /--partial needs --seed/,
      ],
      [
        [...RUN, '--shard', '0/2', '--partial', join(dir, 'y'), '--out', dir],
        /--partial cannot be combined with --out/,
      ],
      [
        [...RUN, '--shard', '0/2', '--partial', join(dir, 'z'), '--checkpoint', join(dir, 'c')],
        /cannot be combined with --checkpoint/,
      ],
      [
        ['analyze', GAME, '--shard', '0/2', '--partial', join(dir, 'a')],
        /only analyze --full-cycle can be sharded/,
      ],
      [
        ['certify', GAME, '--all-variants', '--seed', '1', '--checkpoint', join(dir, 'b')],
        /--all-variants cannot be combined with --checkpoint/,
      ],
      [[...RUN, '--shard', '2/2', '--partial', join(dir, 'w')], /expected an index from 0 to 1/],
    ];
    for (const [args, message] of refusals) {
      const run = runCli(args);
      expect(run.stderr).toMatch(message);
      expect(run.code).toBe(2);
    }
    expect(readdirSync(dir).filter((f) => /^[xyzabw]$/.test(f))).toEqual([]);
  });
});

describe('analyze --full-cycle and certify in shards', () => {
  const dir = mkdtempSync(join(tmpdir(), 'slotsim-shard-'));

  it('analyze --full-cycle of a game with one task: shard 1 of 2 has nothing to do, and the merge is the one-machine analysis', () => {
    const game = 'configs/three-bells.json';
    const parts = [0, 1].map((i) => join(dir, `three-${i}.partial`));
    for (const [i, file] of parts.entries()) {
      const run = runCli([
        'analyze',
        game,
        '--full-cycle',
        '--threads',
        '2',
        '--shard',
        `${i}/2`,
        '--partial',
        file,
      ]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(i === 0 ? '1 full-cycle task, 0 chunks' : '0 full-cycle tasks, 0 chunks');
    }
    const merged = runCli(['merge', ...parts, '--json', '--threads', '2']);
    expect(merged.code).toBe(0);
    const one = runCli(['analyze', game, '--full-cycle', '--threads', '2', '--json']);
    expect(withoutTiming(merged.stdout)).toEqual(withoutTiming(one.stdout));
    expect(merged.stdout).toContain('"hitFrequency"');
  });

  it('certify: the merged report folder holds the one-machine report, every figure and verdict (thunder-anvil: a binding cap, free spins, a bonus; seed "cert-shard")', () => {
    const game = 'configs/goldvein-mine.json';
    const args = [
      'certify',
      game,
      '--spins',
      '700k',
      '--detail-spins',
      '300k',
      '--seed',
      'cert-shard',
      '--threads',
      '2',
    ];
    const parts = [0, 1].map((i) => join(dir, `gold-${i}.partial`));
    for (const [i, file] of parts.entries())
      expect(runCli([...args, '--shard', `${i}/2`, '--partial', file]).code).toBe(0);
    const merged = runCli(['merge', ...parts, '--out', join(dir, 'merged'), '--threads', '2']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/Overall: (PASS|FAIL|INCONCLUSIVE)\. Report written to/);
    expect(runCli([...args, '--out', join(dir, 'one')]).code).toBe(0);
    expect(readdirSync(join(dir, 'merged')).sort()).toEqual(readdirSync(join(dir, 'one')).sort());
    const report = (folder: string): unknown =>
      withoutTiming(readFileSync(join(dir, folder, 'report.json'), 'utf8'));
    expect(report('merged')).toEqual(report('one'));
    for (const file of ['par.csv', 'distribution.csv']) {
      expect(readFileSync(join(dir, 'merged', file), 'utf8')).toBe(
        readFileSync(join(dir, 'one', file), 'utf8'),
      );
    }
    expect(existsSync(join(dir, 'merged', 'report.html'))).toBe(true);
  });
});

describe('certify --all-variants in shards (crimson-sevens, seed "all-shard")', () => {
  it('writes a partial per game and shard; merge writes the one-machine --all-variants folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-shard-'));
    const args = [
      'certify',
      'configs/crimson-sevens.json',
      '--all-variants',
      '--spins',
      '600k',
      '--seed',
      'all-shard',
      '--threads',
      '2',
    ];
    for (const i of [0, 1])
      expect(runCli([...args, '--shard', `${i}/2`, '--partial', join(dir, `shard-${i}.partial`)]).code).toBe(
        0,
      );
    expect(readdirSync(dir).sort()).toEqual([
      'shard-0.partial',
      'shard-0.variant-3-coin.partial',
      'shard-1.partial',
      'shard-1.variant-3-coin.partial',
    ]);
    const lacking = runCli([
      'merge',
      join(dir, 'shard-0.partial'),
      join(dir, 'shard-1.partial'),
      join(dir, 'shard-1.variant-3-coin.partial'),
    ]);
    expect(lacking.code).toBe(2);
    expect(lacking.stderr).toContain('1 of 2 shards missing (0) — shard 0: variant 3-coin');
    expect(lacking.stderr).toContain(
      `--all-variants --spins 600000 --seed all-shard --rng aes-128-ctr --detail-spins 600000 --shard 0/2 --partial ${join(dir, 'shard-0.partial')}`,
    );
    const parts = readdirSync(dir).map((f) => join(dir, f));
    const merged = runCli(['merge', ...parts, '--out', join(dir, 'merged'), '--threads', '2']);
    expect(merged.code).toBe(0);
    expect(merged.stdout).toMatch(/^as written \(as-written\/\): /);
    expect(runCli([...args, '--out', join(dir, 'one')]).code).toBe(0);
    for (const folder of ['as-written', 'variant-3-coin']) {
      const report = (run: string): unknown =>
        withoutTiming(readFileSync(join(dir, run, folder, 'report.json'), 'utf8'));
      expect(report('merged')).toEqual(report('one'));
    }
    // The top level holds each variant's report ID, which covers its date: everything else is the same.
    const top = (run: string): unknown =>
      JSON.parse(readFileSync(join(dir, run, 'report.json'), 'utf8'), (key, value: unknown) =>
        ['reportId', 'date'].includes(key) ? undefined : value,
      );
    expect(top('merged')).toEqual(top('one'));
  });
});

/** A partial's chunk and full-cycle records (their lines, seals included): what a shard computed, whatever its path. */
function records(file: string): string[] {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(1, -1);
}

/** Applies `edit` to the chunk lines of a partial and rebuilds every seal and the end checksum. */
function reseal(text: string, edit: (line: string) => string, editHeader = (line: string) => line): string {
  const lines = text.trimEnd().split('\n');
  const bodies = lines.slice(0, -1).map((line, i) => {
    const body = JSON.parse(i === 0 ? editHeader(line) : edit(line)) as Record<string, unknown>;
    delete body.lineSha256;
    return sealLine(body as never);
  });
  return rebuildEnd(bodies);
}

function rebuildEnd(lines: string[]): string {
  // The end record's checksum: SHA-256 over "slotsim/partial/v1\n" and every line before it.
  const hash = createHash('sha256');
  hash.update('slotsim/partial/v1\n');
  for (const line of lines) hash.update(line);
  return `${lines.join('')}${sealLine({ record: 'end', records: lines.length - 1, contentSha256: hash.digest('hex') })}`;
}
