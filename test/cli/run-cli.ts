import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Runs the built `bin/slotsim.js` (npm test builds first) and returns what it did. */
export function runCli(args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}) {
  if (!existsSync('dist/cli/main.js')) throw new Error('dist/ is missing: run `npm run build` first');
  const result = spawnSync(process.execPath, ['bin/slotsim.js', ...args], {
    encoding: 'utf8',
    input: options.input ?? '',
    env: { ...process.env, ...options.env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
