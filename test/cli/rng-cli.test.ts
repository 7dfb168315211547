import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rawByteChunks } from '../../src/rng/index.js';

function rngBytes(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/slotsim.js', 'rng', ...args], { maxBuffer: 1 << 26 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString() };
}

describe('slotsim rng', () => {
  it('streams exactly the seeded generator’s words (seed 42)', () => {
    const { code, stdout } = rngBytes(['--rng', 'aes-128-ctr', '--seed', '42', '--bytes', '100000']);
    expect(code).toBe(0);
    expect(stdout.length).toBe(100_000);
    expect(stdout.equals(Buffer.concat([...rawByteChunks('aes-128-ctr', '42', 100_000)]))).toBe(true);
  });

  it('streams the production CSPRNG by default, with binary sizes', () => {
    const { code, stdout } = rngBytes(['--bytes', '64KiB']);
    expect(code).toBe(0);
    expect(stdout.length).toBe(65_536);
    // 65,536 random bytes: each byte value appears 256 times on average; none is missing.
    expect(new Set(stdout).size).toBe(256);
  });

  it('stops quietly when the reader goes away', () => {
    const r = spawnSync(
      'bash',
      ['-c', 'node bin/slotsim.js rng --rng xorwow --seed 1 | head -c 1000 | wc -c'],
      { encoding: 'utf8' },
    );
    expect(r.stdout.trim()).toBe('1000');
    expect(r.stderr).toBe('');
  });

  it('refuses a seed for crypto and a seeded generator without one (exit 2)', () => {
    expect(rngBytes(['--seed', '1', '--bytes', '10']).code).toBe(2);
    expect(rngBytes(['--rng', 'alea', '--bytes', '10']).code).toBe(2);
    expect(rngBytes(['--rng', 'nope', '--bytes', '10']).stderr).toMatch(/unknown rng "nope"/);
  });
});
