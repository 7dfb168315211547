import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const GAME = 'configs/three-bells.json';

describe('slotsim simulate (the built bin, end to end)', () => {
  it('--json prints exactly one document with the contract keys (seed 11)', () => {
    const { code, stdout, stderr } = runCli([
      'simulate',
      GAME,
      '--spins',
      '300_000',
      '--seed',
      '11',
      '--threads',
      '2',
      '--json',
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const r = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of [
      'game',
      'spins',
      'seed',
      'rng',
      'threads',
      'rtp',
      'components',
      'hitFrequency',
      'sd',
      'confidence',
      'freeSpins',
      'bonus',
      'maxWinObserved',
      'elapsedSeconds',
      'spinsPerSecond',
    ]) {
      expect(r, key).toHaveProperty(key);
    }
    expect(r).toMatchObject({ spins: 300_000, seed: '11', rng: 'aes-128-ctr', threads: 2 });
    expect(Object.keys(r.game as object)).toEqual(
      expect.arrayContaining(['id', 'version', 'variant', 'sha256']),
    );
    // The December 2026 additions: `holdAndWin` beside the four parts, the mode and its cost.
    expect(Object.keys(r.components as object).sort()).toEqual([
      'bonus',
      'freeSpins',
      'holdAndWin',
      'lines',
      'scatter',
    ]);
    expect(r).toMatchObject({ mode: 'base', cost: 1, stake: 1, components: { holdAndWin: 0 } });
    expect(Object.keys(r.confidence as object).sort()).toEqual(['95', '99']);
  });

  it('the same seed gives the same figures whatever --threads (seed 12)', () => {
    const figures = (threads: string) => {
      const r = JSON.parse(
        runCli(['simulate', GAME, '--spins', '600k', '--seed', '12', '--threads', threads, '--json']).stdout,
      ) as Record<string, unknown>;
      delete r.elapsedSeconds;
      delete r.spinsPerSecond;
      delete r.threads;
      return r;
    };
    expect(figures('1')).toEqual(figures('3'));
  });

  it('prints a table and the seed it chose when none is given', () => {
    const { code, stdout, stderr } = runCli(['simulate', GAME, '--spins', '1e5']);
    expect(code).toBe(0);
    expect(stdout).toContain('RTP');
    expect(stdout).toContain('share of RTP');
    expect(stderr).toMatch(/seed [0-9a-f]{16}/);
  });

  it('--out writes summary.csv and distribution.csv', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-out-'));
    expect(runCli(['simulate', GAME, '--spins', '10k', '--seed', '1', '--out', dir]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['distribution.csv', 'summary.csv']);
    const summary = readFileSync(join(dir, 'summary.csv'), 'utf8');
    expect(summary).toMatch(/^figure,value\n/);
    expect(summary).toContain('spins,10000');
    expect(readFileSync(join(dir, 'distribution.csv'), 'utf8').trim().split('\n')).toHaveLength(14);
  });

  it.each([
    [['simulate', GAME, '--spins', 'lots'], /--spins: "lots" is not a count/],
    [['simulate', GAME, '--threads', '0'], /--threads/],
    [['simulate', GAME, '--rng', 'dice'], /unknown rng "dice"/],
    [['simulate', 'configs/missing.json'], /missing\.json/],
    [['simulate', GAME, '--variant', 'nope'], /nope/],
    [['simulate'], /missing required argument/],
    [['frobnicate'], /unknown command/],
  ])('bad input %j exits 2 with one clear message and no stack trace', (args, message) => {
    const { code, stdout, stderr } = runCli(args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(stdout).toBe('');
  });

  it('an invalid game file is reported with its JSON path, exit 2', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotsim-bad-'));
    const game = JSON.parse(readFileSync(GAME, 'utf8')) as { reelSets: { base: unknown[][] } };
    (game.reelSets.base[0] as string[])[3] = 'Q';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(game));
    const { code, stderr } = runCli(['simulate', file, '--spins', '1k']);
    expect(code).toBe(2);
    expect(stderr).toContain('bad.json');
    expect(stderr).toContain('reelSets.base[0][3]');
    expect(stderr).toContain('"Q"');
  });

  it('accepts every count notation of the contract', () => {
    for (const spins of ['20000', '20_000', '2e4', '20k']) {
      const r = JSON.parse(runCli(['simulate', GAME, '--spins', spins, '--seed', '1', '--json']).stdout) as {
        spins: number;
      };
      expect(r.spins).toBe(20_000);
    }
  });
});
