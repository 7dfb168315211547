/**
 * After a crash: `slotsim recover` settles what was in flight and closes both files; `verify` tells
 * a crash from a cut where the files can tell; `recall --ledger` shows a charged round the log lost.
 */
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { editLine, hashOf, lineOf, parse, type Json } from './edit-log.js';
import { ChainHasher } from '../../src/audit/chain-hasher.js';
import { brief, fixtureGame, readLines, tempDir, verify, writeLines } from './make-log.js';
import { FIXTURE_TEXT } from './fixture-game.js';
import { createRng } from '../../src/rng/index.js';
import { runPlay, type PlayReport } from '../../src/service/play-run.js';
import { recoverLog } from '../../src/service/recover.js';
import type { Game } from '../../src/engine/model.js';
import { compileFormat2, format2File } from './format2-games.js';

const tmp = tempDir('slotsim-recover-');
afterAll(() => tmp.remove());
const game = fixtureGame();

let runs = 0;
/** A game to play: by default the format-1 fixture game. */
interface Played {
  readonly game: Game;
  readonly text: string;
}
const FIXTURE: Played = { game, text: FIXTURE_TEXT };

/** A finished run of 3 players × 20 rounds through runPlay: a sealed log and a sealed ledger. */
async function finishedRun(
  seed: string,
  played: Played = FIXTURE,
): Promise<{ log: string; ledger: string; report: PlayReport }> {
  const name = `run-${++runs}`;
  const log = join(tmp.dir, `${name}.jsonl`);
  const ledger = join(tmp.dir, `${name}.ledger.jsonl`);
  const report = await runPlay({
    game: played.game,
    rounds: 60,
    auditLog: log,
    ledger,
    players: 3,
    balance: 100_000,
    bet: played.game.cost,
    hmacKey: null,
    fsync: false,
    rng: createRng('aes-128-ctr', seed, 0),
    gameText: played.text,
  });
  return { log, ledger, report };
}

/**
 * The log as the writer would have written it without the records at `drop` (never written: their
 * rounds were in flight): later records renumbered and re-chained.
 */
function without(lines: readonly string[], drop: ReadonlySet<number>): string[] {
  const hasher = new ChainHasher(null);
  const out: string[] = [];
  let prev: string | null = null;
  let changed = false;
  lines.forEach((line, i) => {
    if (drop.has(i)) {
      changed = true;
      return;
    }
    if (!changed) {
      out.push(line);
      prev = parse(line).hash as string;
      return;
    }
    const r = parse(line);
    r.seq = out.length;
    r.prev = prev;
    if (r.type === 'end') r.rounds = out.filter((l) => /"type":"(round|void)"/.test(l)).length;
    const hash = hashOf(r, hasher);
    out.push(lineOf(r, hash));
    prev = hash;
  });
  return out;
}

/** Index of the last round record of each player (the rounds a crash could leave in flight). */
function lastRoundOf(records: readonly Json[]): Map<string, number> {
  const last = new Map<string, number>();
  records.forEach((r, i) => {
    if (r.type === 'round') last.set(r.player as string, i);
  });
  return last;
}

/**
 * The state a crash leaves: no end record, no seal; two players' last rounds without their
 * records (their money moved: in flight), and a torn last line in both files.
 */
async function crashed(seed: string) {
  const run = await finishedRun(seed);
  const records = readLines(run.log).map(parse);
  const last = lastRoundOf(records);
  const lost = [last.get('player-1')!, last.get('player-2')!];
  const lostIds = lost.map((i) => records[i]!.roundId as string);
  writeLines(run.log, without(readLines(run.log), new Set([...lost, records.length - 1])));
  appendFileSync(run.log, '{"balance":{"after":9');
  writeLines(
    run.ledger,
    readLines(run.ledger).filter((l) => !l.includes('"type":"seal"')),
  );
  appendFileSync(run.ledger, '{"amount":20,"at":"2026');
  return { ...run, lostIds };
}

describe('a crash, told apart and recovered', () => {
  it('verify reports the rounds in flight as owed (not unexplained), recall --ledger shows the charge, recover settles it all', async () => {
    const { log, ledger, lostIds } = await crashed('crash-1');
    const before = await verify(log, FIXTURE_TEXT, { ledger, watchRound: lostIds[0]! });
    const kinds = before.findings.map((f) => f.kind);
    expect(kinds).not.toContain('ledger-unexplained');
    expect(kinds.filter((k) => k === 'unsettled').length).toBeGreaterThanOrEqual(2);
    expect(
      before.findings.find((f) => f.kind === 'truncated' && f.field === null && f.line > 60)?.message,
    ).toContain('what a crash leaves');
    // recall --ledger of a round the log lost: the ledger's charge, not "no such round".
    expect(before.report.watched).toBeNull();
    expect(before.report.watchedInLedger.map((e) => e.type)).toContain('debit');

    const recovered = await recoverLog({ log, ledger, hmacKey: null, signing: null, fsync: false });
    expect(recovered.status).toBe('recovered');
    expect(recovered.torn.log?.bytes).toBe('{"balance":{"after":9'.length);
    expect(recovered.torn.ledger?.bytes).toBe('{"amount":20,"at":"2026'.length);
    expect(recovered.rounds.map((r) => r.roundId).sort()).toEqual([...lostIds].sort());
    for (const r of recovered.rounds) expect(['refunded', 'settled']).toContain(r.action);

    const after = await verify(log, FIXTURE_TEXT, { ledger, watchRound: lostIds[0]! });
    expect(brief(after.findings)).toEqual([]);
    expect(after.report.log.recoveries).toBe(2);
    expect(after.report.log.end?.recovered?.log?.bytes).toBe(recovered.torn.log!.bytes);
    expect(after.report.watched?.recovery?.roundId).toBe(lostIds[0]);
    // Run again: both files are closed, nothing more to do.
    expect((await recoverLog({ log, ledger, hmacKey: null, signing: null })).status).toBe('closed');
  });

  it('a refunded stake is back in the ledger: each lost round with no credit got a rollback of its debit', async () => {
    const { log, ledger, lostIds } = await crashed('crash-2');
    await recoverLog({ log, ledger, hmacKey: null, signing: null, fsync: false });
    const entries = readLines(ledger).map(parse);
    for (const id of lostIds) {
      const debit = entries.find((e) => e.ref === `${id}/debit`)!;
      const credit = entries.find((e) => e.ref === `${id}/credit`);
      const rollback = entries.find((e) => e.ref === `${id}/rollback`);
      if (credit === undefined) expect(rollback).toMatchObject({ amount: debit.amount, of: `${id}/debit` });
      else expect(rollback).toBeUndefined();
    }
    expect(entries.at(-1)).toMatchObject({ type: 'seal' });
  });

  it('refuses a log that is damaged rather than crashed', async () => {
    const { log, ledger } = await crashed('crash-3');
    const lines = readLines(log);
    writeLines(
      log,
      editLine(lines, 5, (r) => (r.stake = 1), 'naive'),
    );
    await expect(recoverLog({ log, ledger, hmacKey: null, signing: null })).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringMatching(
        /line 6: the record's hash does not match.*run slotsim verify/,
      ) as unknown,
    });
  });
});

describe("a crashed format-2 log (a coin buy: each round stakes the mode's cost)", () => {
  it("recover refunds a lost round's cost and closes both files; verify then passes", async () => {
    const file = format2File('hold-and-win');
    const coins: Played = { game: compileFormat2(file, 'coins'), text: file.text };
    expect(coins.game.cost).toBe(1500);
    const { log, ledger } = await finishedRun('crash-format2', coins);
    // The crash came after the debit of the last round and before its credit: the ledger's last
    // movement (every coin buy wins something) and the round's record never reached the files.
    const entries = readLines(ledger).filter((l) => !l.includes('"type":"seal"'));
    const credit = parse(entries.at(-1)!);
    expect(credit.type).toBe('credit');
    const lost = (credit.ref as string).replace(/\/credit$/, '');
    writeLines(ledger, entries.slice(0, -1));
    const records = readLines(log).map(parse);
    const index = records.findIndex((r) => r.roundId === lost);
    writeLines(log, without(readLines(log), new Set([index, records.length - 1])));

    const before = await verify(log, file.text, { ledger });
    expect(before.findings.filter((f) => f.kind === 'unsettled').map((f) => f.roundId)).toEqual([lost]);
    const recovered = await recoverLog({ log, ledger, hmacKey: null, signing: null, fsync: false });
    expect(recovered.status).toBe('recovered');
    expect(recovered.rounds.map((r) => [r.roundId, r.action])).toEqual([[lost, 'refunded']]);
    expect(
      readLines(ledger)
        .map(parse)
        .find((e) => e.ref === `${lost}/rollback`),
    ).toMatchObject({
      amount: 1500,
    });
    const after = await verify(log, file.text, { ledger, mode: 'coins' });
    expect(brief(after.findings)).toEqual([]);
    expect(after.report.log.recoveries).toBe(1);
    expect(after.report.game.logged?.mode).toBe('coins');
  });
});

describe('a cut that is not a crash', () => {
  it("the log's last rounds and end record dropped, the sealed ledger whole → the ledger's seal gives it away", async () => {
    const { log, ledger } = await finishedRun('cut-1');
    writeLines(log, readLines(log).slice(0, -3));
    const { findings } = await verify(log, FIXTURE_TEXT, { ledger });
    const truncated = findings.find((f) => f.kind === 'truncated' && f.source === 'log')!;
    expect(truncated.message).toContain('not what a crash leaves');
  });

  it("the ledger's last entries and seal dropped, the log whole → its end record counts them", async () => {
    const { log, ledger } = await finishedRun('cut-2');
    writeLines(ledger, readLines(ledger).slice(0, -4));
    const { findings } = await verify(log, FIXTURE_TEXT, { ledger });
    expect(
      findings.some(
        (f) => f.source === 'ledger' && f.kind === 'truncated' && /counts \d+ ledger entries/.test(f.message),
      ),
    ).toBe(true);
  });

  it('two rounds of one player dropped from an open log, their money kept → not what a crash leaves', async () => {
    const { log, ledger } = await finishedRun('cut-3');
    const records = readLines(log).map(parse);
    const mine = records.flatMap((r, i) => (r.type === 'round' && r.player === 'player-3' ? [i] : []));
    writeLines(log, without(readLines(log), new Set([...mine.slice(-2), records.length - 1])));
    writeLines(
      ledger,
      readLines(ledger).filter((l) => !l.includes('"type":"seal"')),
    );
    const { findings } = await verify(log, FIXTURE_TEXT, { ledger });
    const unexplained = findings.filter((f) => f.kind === 'ledger-unexplained');
    expect(unexplained.length).toBeGreaterThanOrEqual(2);
    expect(unexplained[0]!.message).toContain('not what a crash leaves');
    await expect(recoverLog({ log, ledger, hmacKey: null, signing: null })).rejects.toMatchObject({
      code: 'BAD_FILE',
      message: expect.stringContaining('not what a crash leaves') as unknown,
    });
  });

  it('the limit: both files cut at the same moment, end record and seal included, read as a crash — only the chain head play printed tells', async () => {
    const { log, ledger, report } = await finishedRun('cut-4');
    // The log up to its 40th record; the ledger up to the last movement those records name (what
    // lies between is what rounds in flight at that moment had moved).
    const kept = readLines(log).slice(0, 41);
    const named = new Set(
      kept
        .map(parse)
        .flatMap((r) =>
          Object.values((r.tx as Record<string, Json | null> | undefined) ?? {}).flatMap((t) =>
            t === null ? [] : [t.ref as string],
          ),
        ),
    );
    const entries = readLines(ledger);
    const lastNamed = entries.reduce((last, l, i) => (named.has(parse(l).ref as string) ? i : last), 0);
    writeLines(log, kept);
    writeLines(ledger, entries.slice(0, lastNamed + 1));
    const { findings, report: verified } = await verify(log, FIXTURE_TEXT, { ledger });
    expect(
      findings.filter((f) => f.kind !== 'unsettled').map((f) => `${f.source}:${f.line} ${f.kind}`),
    ).toEqual([`log:${kept.length + 1} truncated`]);
    expect(verified.log.head).not.toBe(report.head);
    expect(readFileSync(log, 'utf8')).not.toContain('"type":"end"');
  });
});
