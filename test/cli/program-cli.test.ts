import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

/** Runs the built CLI with its stdout closed before it writes a byte (`slotsim … | head -0`). */
function runWithClosedStdout(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/slotsim.js', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('the program', () => {
  it('loads one command for a run of it, and all of them for help (every command listed)', () => {
    const help = runCli(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['simulate', 'rng', 'analyze', 'play', 'verify', 'recall', 'certify', 'check']) {
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    }
    const version = runCli(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const typo = runCli(['simulat', 'configs/three-bells.json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Did you mean simulate?');
    const sub = runCli(['simulate', '--help']);
    expect(sub.code).toBe(0);
    expect(sub.stdout).toContain('--spins <n>');
  });

  it('ends quietly with its exit code when the reader of stdout has gone (no EPIPE crash)', async () => {
    const help = await runWithClosedStdout(['help', 'simulate']);
    expect(help.stderr).not.toMatch(/EPIPE|node:events/);
    expect(help.code).toBe(0);
    const run = await runWithClosedStdout(['analyze', 'configs/three-bells.json', '--json']);
    expect(run.stderr).not.toMatch(/EPIPE|node:events/);
    expect(run.code).toBe(0);
  });
});
