import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';

it('Ctrl-C stops the workers, exits 130 and leaves no output file behind', async () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'slotsim-int-')), 'out');
  const child = spawn(
    process.execPath,
    ['bin/slotsim.js', 'simulate', 'configs/three-bells.json', '--spins', '5B', '--seed', '1', '--out', dir],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // Wait until it has started simulating, then interrupt.
  await new Promise<void>((resolve) => {
    const poll = setInterval(() => {
      if (stderr.includes('Simulating')) {
        clearInterval(poll);
        setTimeout(resolve, 500);
      }
    }, 50);
  });
  const started = Date.now();
  child.kill('SIGINT');
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  expect(code).toBe(130);
  expect(Date.now() - started).toBeLessThan(5000);
  expect(stderr).toMatch(/interrupted/);
  expect(existsSync(dir) ? readdirSync(dir) : []).toEqual([]);
});

/**
 * A valid game whose exact analysis takes seconds (8 s of CPU here): 49 free-spin award classes on a 7 × 7
 * window, each starting a free-spin chain of up to 10,000 spins with 49 retrigger classes.
 */
function slowAnalysisGame(): string {
  const strip = [
    'A',
    'K',
    'Q',
    'J',
    'A',
    'K',
    'Q',
    'J',
    'A',
    'K',
    'Q',
    'J',
    'A',
    'K',
    'Q',
    'J',
    'A',
    'K',
    'Q',
    'SC',
  ];
  const awards = Object.fromEntries(Array.from({ length: 49 }, (_, i) => [String(i + 1), i + 1]));
  const file = join(mkdtempSync(join(tmpdir(), 'slotsim-int-')), 'slow.json');
  writeFileSync(
    file,
    JSON.stringify({
      format: 'slotsim/1',
      id: 'slow-analysis',
      name: 'Slow Analysis',
      version: '1',
      grid: { reels: 7, rows: 7 },
      bet: { credits: 1, lineBet: 1 },
      evaluation: 'ways',
      symbols: { A: {}, K: {}, Q: {}, J: {}, SC: { scatter: true } },
      pays: [{ symbol: 'A', pays: { '3': 1 } }],
      reelSets: { base: Array.from({ length: 7 }, () => strip) },
      freeSpins: { trigger: { symbol: 'SC', awards }, retrigger: awards, maxSpins: 10_000 },
    }),
  );
  return file;
}

it.each(['SIGINT', 'SIGTERM'] as const)(
  '%s stops a long exact analysis at once (it runs on a worker thread) and exits 130',
  async (signal) => {
    const child = spawn(process.execPath, ['bin/slotsim.js', 'analyze', slowAnalysisGame()], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (stderr.includes('Analysing')) {
          clearInterval(poll);
          setTimeout(resolve, 700);
        }
      }, 20);
    });
    const started = Date.now();
    child.kill(signal);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Before, the signal waited for the analysis to end (seconds), and the run then exited 0.
    expect(Date.now() - started).toBeLessThan(3000);
    expect(code).toBe(130);
    expect(stderr).toMatch(/slotsim: analysis interrupted/);
    expect(stdout).toBe('');
  },
);
