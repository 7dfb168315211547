/**
 * Logs of format-2 games written through the real production path (round service, ledger wallet,
 * audit log writer, seeded generator): every test game and mode verifies, the records hold the
 * whole format-2 outcome, the mode and its cost, verify's fast path reads every round line, and
 * a log checked against the wrong mode or game file says so.
 */
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditLogWriter } from '../../src/audit/audit-log-writer.js';
import { canonicalJson } from '../../src/audit/canonical-json.js';
import { GameVariants } from '../../src/audit/game-variants.js';
import { ROUND_LINE_START, RoundLineScanner } from '../../src/audit/round-line-scanner.js';
import type { RoundOutcomeV2 } from '../../src/engine/outcome.js';
import { playRoundV2 } from '../../src/engine/round.js';
import { sha256Hex } from '../../src/game/index.js';
import { createRng, ReplayRng } from '../../src/rng/index.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import { RoundService } from '../../src/service/round-service.js';
import { editLine, parse, rechainFrom, type Json } from './edit-log.js';
import { FIXTURE_TEXT } from './fixture-game.js';
import { compileFormat2, format2File, FORMAT2_FILES } from './format2-games.js';
import { brief, makeLog, readLines, tempDir, verify, writeLines, type MadeLog } from './make-log.js';

const SEED = 'format2-log';
const tmp = tempDir('slotsim-format2-log-');
afterAll(() => tmp.remove());

/** Every test game in every mode: 2 players × 12 rounds each. */
const RUNS = FORMAT2_FILES.flatMap((file) => file.modes.map((mode) => ({ file, mode })));
const made = new Map<string, MadeLog>();
const runName = (file: string, mode: string): string => `${file}-${mode}`;

beforeAll(async () => {
  for (const { file, mode } of RUNS) {
    const name = runName(file.name, mode);
    made.set(
      name,
      await makeLog({
        dir: tmp.dir,
        seed: `${SEED}/${name}`,
        players: 2,
        roundsPerPlayer: 12,
        gameText: file.text,
        mode,
        name,
      }),
    );
  }
});

function run(file: string, mode: string): MadeLog {
  const m = made.get(runName(file, mode));
  if (m === undefined) throw new Error(`no log of ${file} in mode ${mode}`);
  return m;
}

describe(`format-2 logs through the production path (seed ${SEED})`, () => {
  it.each(RUNS.map(({ file, mode }) => [file.name, mode]))(
    '%s, mode %s: verifies with its ledger, every round replayed; records carry the mode, its cost and the whole outcome',
    async (name, mode) => {
      const m = run(name, mode);
      const file = format2File(name);
      const game = compileFormat2(file, mode);
      const { findings, report } = await verify(m.log, m.gameText, { ledger: m.ledger });
      expect(brief(findings)).toEqual([]);
      expect(report.rounds.total).toBe(24);
      expect(report.rounds.replayed).toBe(24);
      expect(report.game.logged).toEqual({
        id: game.id,
        mode,
        sha256: sha256Hex(file.text),
        variant: null,
        version: game.version,
      });
      expect(report.rtp.staked).toBe(24 * game.cost);

      const records = readLines(m.log).map(parse);
      expect((records[0]!.game as Json).mode).toBe(mode);
      for (const r of records.filter((x) => x.type === 'round')) {
        expect((r.game as Json).mode).toBe(mode);
        expect(r.stake).toBe(game.cost);
        expect((r.tx as Json).debit).toMatchObject({ amount: game.cost });
        const outcome = r.outcome as RoundOutcomeV2;
        expect(outcome).toMatchObject({ format: 2, mode, cost: game.cost });
        // The record is what the engine plays from the recorded draws, to the last member.
        const draws = (r.draws as [number, number][]).map(([bound, value]) => ({ bound, value }));
        expect(canonicalJson(playRoundV2(game, new ReplayRng(draws, 'replay')))).toBe(canonicalJson(outcome));
      }
    },
  );

  it("verify's fast path reads every format-2 round line exactly as JSON.parse does", () => {
    let lines = 0;
    for (const { file, mode } of RUNS) {
      const m = run(file.name, mode);
      const scanner = new RoundLineScanner(
        new GameVariants({ path: 'game.json', text: m.gameText, sha256: sha256Hex(m.gameText) }),
      );
      for (const line of readLines(m.log).filter((l) => l.startsWith(ROUND_LINE_START))) {
        const scanned = scanner.scan(line);
        expect(scanned, `${file.name}/${mode}: ${line.slice(0, 200)}`).not.toBeNull();
        expect(scanned!.record).toEqual(JSON.parse(line));
        lines++;
      }
    }
    expect(lines).toBe(RUNS.length * 24);
  });

  it('the logs between them hold every format-2 part of a record', () => {
    const outcomes = RUNS.flatMap(({ file, mode }) =>
      readLines(run(file.name, mode).log)
        .map(parse)
        .filter((r) => r.type === 'round')
        .map((r) => r.outcome as RoundOutcomeV2),
    );
    const spins = outcomes.flatMap((o) => [
      ...(o.paid === null ? [] : [o.paid]),
      ...(o.freeSpins?.spins ?? []),
    ]);
    const evaluations = spins.flatMap((s) => s.evaluations);
    expect(evaluations.some((e) => e.refill !== null && e.refill.stops.length === 0)).toBe(true); // strip
    expect(evaluations.some((e) => e.refill !== null && e.refill.stops.length > 0)).toBe(true); // redraw
    expect(new Set(evaluations.flatMap((e) => e.wins.map((w) => w.kind)))).toEqual(
      new Set(['line', 'ways', 'cluster', 'anywhere']),
    );
    expect(evaluations.some((e) => e.ladder > 1)).toBe(true);
    expect(spins.some((s) => s.heights !== null)).toBe(true);
    expect(spins.some((s) => s.values.length > 0)).toBe(true);
    expect(spins.some((s) => s.sticky.length > 0)).toBe(true);
    expect(spins.some((s) => s.expanded.length > 0)).toBe(true);
    expect(spins.some((s) => s.meter !== null && s.meter > 0)).toBe(true);
    expect(spins.some((s) => s.multiplierSymbols !== null)).toBe(true);
    expect(outcomes.some((o) => o.paid !== null && o.holdAndWin !== null)).toBe(true); // triggered
    expect(outcomes.some((o) => o.holdAndWin?.respins.some((r) => r.landings.length > 0))).toBe(true);
    expect(outcomes.some((o) => o.start?.kind === 'freeSpins')).toBe(true);
    expect(outcomes.some((o) => o.start?.kind === 'holdAndWin')).toBe(true);
  });
});

describe('the mode of a log against the command and the game file', () => {
  it('--mode other than the log’s → an identity finding at line 1; the log still replays on its own mode', async () => {
    const m = run('anywhere', 'buy');
    const { findings, report } = await verify(m.log, m.gameText, { mode: 'ante' });
    expect(brief(findings)).toEqual(['log:1 identity game.mode']);
    expect(findings[0]!.message).toBe('the log is of mode "buy", not "ante"');
    expect(report.rounds.replayed).toBe(24);
    expect(brief((await verify(m.log, m.gameText, { mode: 'buy' })).findings)).toEqual([]);
  });

  it('a game file without the log’s mode → reported at line 1 and at no round; no round replayed', async () => {
    const m = run('hold-and-win', 'coins');
    const json = JSON.parse(m.gameText) as Json;
    delete json.modes;
    const { findings, report } = await verify(m.log, JSON.stringify(json));
    const modeFindings = findings.filter((f) => f.field === 'game.mode');
    expect(modeFindings.map((f) => [f.line, f.kind, f.recorded, f.expected])).toEqual([
      [1, 'identity', 'coins', ['base']],
    ]);
    expect(modeFindings[0]!.message).toContain('the game file has no mode "coins"');
    expect(report.rounds.replayed).toBe(0);
    expect(report.rounds.notReplayed).toBe(24);
  });

  it('a round naming another mode than the header → an identity finding at its line', async () => {
    const m = run('anywhere', 'ante');
    const lines = readLines(m.log);
    const edited = editLine(lines, 5, (r) => ((r.game as Json).mode = 'base'), 'rechain');
    writeLines(`${m.log}.edited`, edited);
    const { findings } = await verify(`${m.log}.edited`, m.gameText);
    expect(findings.filter((f) => f.line === 6 && f.field === 'game.mode').map((f) => f.kind)).toEqual([
      'identity',
    ]);
  });

  it('a format-2 log whose records name no mode (all edited, chain rebuilt) → reported at line 1', async () => {
    const m = run('cluster', 'base');
    const lines = readLines(m.log).map((line) => {
      const r = parse(line);
      if (r.game !== undefined) delete (r.game as Json).mode;
      return JSON.stringify(r);
    });
    writeLines(`${m.log}.nomode`, rechainFrom(lines, 0));
    const { findings } = await verify(`${m.log}.nomode`, m.gameText);
    expect(findings.filter((f) => f.field === 'game.mode').map((f) => [f.line, f.kind])).toEqual([
      [1, 'identity'],
    ]);
    expect(findings[0]!.message).toContain('the log names no mode');
  });

  it('a format-1 log whose records name a mode (all edited, chain rebuilt) → reported at line 1', async () => {
    const dir = tempDir();
    try {
      const m = await makeLog({ dir: dir.dir, seed: `${SEED}/format1`, players: 1, roundsPerPlayer: 5 });
      const lines = readLines(m.log).map((line) => {
        const r = parse(line);
        if (r.game !== undefined) (r.game as Json).mode = 'base';
        return JSON.stringify(r);
      });
      writeLines(`${m.log}.mode`, rechainFrom(lines, 0));
      const { findings, report } = await verify(`${m.log}.mode`, FIXTURE_TEXT);
      expect(brief(findings)).toEqual(['log:1 identity game.mode']);
      expect(findings[0]!.message).toContain('a format-1 game, whose records name none');
      expect(report.rounds.replayed).toBe(5);
    } finally {
      dir.remove();
    }
  });
});

describe("the round service stakes the mode's cost", () => {
  it("refuses a bet other than the mode's cost, naming the mode, and moves nothing; debits the cost", async () => {
    const dir = tempDir();
    try {
      const game = compileFormat2(format2File('hold-and-win'), 'coins');
      expect(game.cost).toBe(1500);
      const ledger = await LedgerWallet.open(join(dir.dir, 'ledger.jsonl'), { mode: 'create', fsync: false });
      await ledger.deposit({ ref: 'deposit/p', player: 'p', amount: 10_000 });
      const log = join(dir.dir, 'log.jsonl');
      const audit = await AuditLogWriter.create({ path: log, game, rng: 'aes-128-ctr', fsync: false });
      const rng = createRng('aes-128-ctr', SEED, 0);
      const service = new RoundService({ game, wallet: ledger, audit, rng });
      const session = service.openSession('p');
      expect(await service.playRound({ session: session.id, bet: game.betCredits })).toEqual({
        status: 'refused',
        reason: 'bad-bet',
        message: 'a round of Coins Test in mode coins stakes 1500 credits; 10 was offered',
      });
      expect(await ledger.balance('p')).toBe(10_000);
      expect(readLines(log)).toHaveLength(1); // the header only
      const played = await service.playRound({ session: session.id, bet: 1500 });
      expect(played.status).toBe('played');
      if (played.status !== 'played') return;
      const expected = playRoundV2(game, createRng('aes-128-ctr', SEED, 0));
      expect(played.outcome).toEqual(expected);
      expect(played.balance).toEqual({ before: 10_000, after: 10_000 - 1500 + expected.total });
      expect(await ledger.balance('p')).toBe(played.balance.after);
      await audit.close();
      await ledger.close();
    } finally {
      dir.remove();
    }
  });
});
