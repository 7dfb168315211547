import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the built CLI (`bin/slotsim.js`; npm test builds first) without blocking the test's thread. */
export async function slotsim(...args: string[]): Promise<CliResult> {
  if (!existsSync('dist/cli/main.js')) throw new Error('dist/ is missing: run `npm run build` first');
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/slotsim.js', ...args], {
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** One message on stderr, naming what it must, and no stack trace. */
export function oneMessage(result: CliResult): string {
  const lines = result.stderr.trim().split('\n');
  if (lines.length !== 1 || result.stderr.includes('    at '))
    throw new Error(`expected one message on stderr, got:\n${result.stderr}`);
  return lines[0]!;
}
