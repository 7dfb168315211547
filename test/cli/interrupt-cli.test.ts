import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
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
