/**
 * Every case of the bad-input corpus (`cases.ts`) ends in its documented exit code with one clear
 * message — the file, the JSON path or line, what was expected — and never a stack trace. The cases
 * run through the CLI's own `main` in this process; a sample also runs as the built bin.
 */
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMain } from '../cli/in-process.js';
import { runCli } from '../cli/run-cli.js';
import { CORPUS, type CorpusCase } from './cases.js';

const root = mkdtempSync(join(tmpdir(), 'slotsim-corpus-'));
const LOG = join(root, 'run.jsonl');

beforeAll(async () => {
  // A genuine audit log, for the cases that damage one or name a round.
  const play = await runMain([
    'play',
    'configs/three-bells.json',
    '--rounds',
    '20',
    '--audit-log',
    LOG,
    '--no-fsync',
    '--json',
  ]);
  expect(play.code, play.stderr).toBe(0);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes a case's files into its own folder and returns its command line with `@/` resolved. */
function prepare(c: CorpusCase, index: number): { args: string[]; env: Record<string, string> } {
  const dir = join(root, `case-${index}`);
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(c.files ?? {})) {
    const file = join(dir, name);
    mkdirSync(dirname(file), { recursive: true });
    if (typeof content === 'string' && content.startsWith('sparse:')) {
      writeFileSync(file, '');
      truncateSync(file, Number(content.slice('sparse:'.length))); // a size, with nothing written
    } else if (typeof content === 'string' && content.startsWith('version:')) {
      // The genuine log with another format in its header.
      const [header, ...rest] = readFileSync(LOG, 'utf8').split('\n');
      writeFileSync(
        file,
        [header!.replace(/slotsim-audit\/\d+/, content.slice('version:'.length)), ...rest].join('\n'),
      );
    } else {
      writeFileSync(file, content);
    }
  }
  if (c.args.some((a) => a.includes('@/run.jsonl'))) copyFileSync(LOG, join(dir, 'run.jsonl'));
  const resolve = (s: string): string => s.replaceAll('@/', `${dir}/`);
  return {
    args: c.args.map(resolve),
    env: Object.fromEntries(Object.entries(c.env ?? {}).map(([k, v]) => [k, resolve(v)])),
  };
}

function expectOneClearMessage(
  run: { code: number | null; stdout: string; stderr: string },
  c: CorpusCase,
): void {
  expect(run.stderr, run.stderr).toMatch(c.message);
  expect(run.stderr).not.toMatch(/internal error|\n\s+at |Error:/);
  expect(run.code, run.stderr).toBe(c.exit);
  if (c.exit === 2) expect(run.stdout).toBe('');
}

describe('the bad-input corpus', () => {
  it('holds at least 150 cases, each named once', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(CORPUS.map((c) => c.name)).size).toBe(CORPUS.length);
  });

  it.each(CORPUS.map((c, i) => [c.name, c, i] as const))('%s', async (_name, c, i) => {
    const { args, env } = prepare(c, i);
    expectOneClearMessage(await runMain(args, { GITHUB_STEP_SUMMARY: undefined, ...env }), c);
  });
});

describe('a sample of the corpus, through the built bin', () => {
  const sample = [
    'json: nesting 200,000 deep',
    'game: 256 symbols',
    'flags: simulate configs/three-bells.json --threads 257',
  ];
  const cases = CORPUS.map((c, i) => [c.name, c, i] as const).filter(([name]) =>
    sample.some((s) => name.startsWith(s)),
  );

  it.each(cases)('%s', (_name, c, i) => {
    const { args, env } = prepare(c, i + 10_000);
    expectOneClearMessage(runCli(args, { env: { GITHUB_STEP_SUMMARY: '', ...env } }), c);
  });
});
