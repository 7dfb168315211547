/**
 * `play --mode`, `verify` and `recall` on format-2 games through the built CLI, on the production
 * generator: between them the games use every format-2 mechanic (cascades with strip and redraw
 * refills, cluster and pay-anywhere evaluation, reel heights, drawn wild values, multiplier
 * symbols, expanding and sticky wilds, the meter, hold and win, modes with a cost and a start).
 * The rounds are the CSPRNG's, so what a recall must show is read from the log's own record; each
 * feature looked for is in a round with a probability that makes its absence from the whole run
 * far below one in a million.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cell, EvaluationOutcome, RoundOutcomeV2, SpinOutcomeV2 } from '../../src/engine/outcome.js';
import { parse, type Json } from './edit-log.js';
import { FORMAT2_FILES } from './format2-games.js';
import { readLines, tempDir } from './make-log.js';
import { oneMessage, slotsim, type CliResult } from './run-slotsim.js';

const tmp = tempDir('slotsim-format2-cli-');
afterAll(() => tmp.remove());

/** What each run plays: the game, the mode and the rounds (2 players). */
const RUNS = [
  { game: 'tumbling-lines', mode: 'base', rounds: 60 },
  { game: 'cluster', mode: 'base', rounds: 60 },
  { game: 'anywhere', mode: 'ante', rounds: 6 },
  { game: 'anywhere', mode: 'buy', rounds: 6 },
  { game: 'heights', mode: 'base', rounds: 40 },
  { game: 'hold-and-win', mode: 'base', rounds: 60 },
  { game: 'hold-and-win', mode: 'coins', rounds: 20 },
  { game: 'sticky-expanding', mode: 'base', rounds: 120 },
] as const;

const gameFile = (name: string): string => join(tmp.dir, `${name}.json`);
const logFile = (game: string, mode: string): string => join(tmp.dir, `${game}-${mode}.jsonl`);
const played = new Map<string, CliResult>();

beforeAll(async () => {
  for (const f of FORMAT2_FILES) writeFileSync(gameFile(f.name), f.text);
  // Two at a time: the machine has two cores.
  for (let i = 0; i < RUNS.length; i += 2) {
    await Promise.all(
      RUNS.slice(i, i + 2).map(async ({ game, mode, rounds }) => {
        const result = await slotsim(
          'play',
          gameFile(game),
          '--mode',
          mode,
          '--rounds',
          String(rounds),
          '--players',
          '2',
          '--audit-log',
          logFile(game, mode),
          '--no-fsync',
          '--json',
        );
        played.set(`${game}/${mode}`, result);
      }),
    );
  }
});

function records(game: string, mode: string): Json[] {
  return readLines(logFile(game, mode)).map(parse);
}

function rounds(game: string, mode: string): (Json & { outcome: RoundOutcomeV2; roundId: string })[] {
  return records(game, mode).filter((r) => r.type === 'round') as (Json & {
    outcome: RoundOutcomeV2;
    roundId: string;
  })[];
}

const cells = (list: readonly Cell[]): string => list.map(([r, k]) => `[${r},${k}]`).join(' ');

async function recall(game: string, mode: string, roundId: string): Promise<CliResult> {
  const log = logFile(game, mode);
  return slotsim(
    'recall',
    log,
    '--round',
    roundId,
    '--game',
    gameFile(game),
    '--ledger',
    log.replace(/\.jsonl$/, '.ledger.jsonl'),
  );
}

describe('play --mode on format-2 games through the CLI', () => {
  it.each(RUNS)(
    "$game, mode $mode: play stakes the mode's cost; verify --json replays every round, exit 0",
    async (r) => {
      const p = played.get(`${r.game}/${r.mode}`)!;
      expect(p.code, p.stderr).toBe(0);
      const report = JSON.parse(p.stdout) as { mode: string; cost: number; staked: number; rounds: Json };
      const cost = rounds(r.game, r.mode)[0]!.outcome.cost;
      expect(report).toMatchObject({
        mode: r.mode,
        cost,
        staked: r.rounds * cost,
        rounds: { played: r.rounds },
      });
      const log = logFile(r.game, r.mode);
      const v = await slotsim(
        'verify',
        log,
        '--game',
        gameFile(r.game),
        '--ledger',
        log.replace(/\.jsonl$/, '.ledger.jsonl'),
        '--mode',
        r.mode,
        '--json',
      );
      expect(v.code, v.stdout.slice(0, 2000)).toBe(0);
      const summary = JSON.parse(v.stdout) as {
        ok: boolean;
        findings: unknown[];
        rounds: { total: number; replayed: number };
        game: { logged: Json };
        rtp: { staked: number };
      };
      expect(summary.ok).toBe(true);
      expect(summary.findings).toEqual([]);
      expect(summary.rounds).toMatchObject({ total: r.rounds, replayed: r.rounds });
      expect(summary.game.logged.mode).toBe(r.mode);
      expect(summary.rtp.staked).toBe(r.rounds * cost);
    },
  );

  it('play refuses an unknown mode, a bet other than the cost, and a mode of a format-1 game (exit 2, one message)', async () => {
    const [unknown, bet, format1] = await Promise.all([
      slotsim(
        'play',
        gameFile('anywhere'),
        '--mode',
        'turbo',
        '--rounds',
        '1',
        '--audit-log',
        join(tmp.dir, 'x1.jsonl'),
      ),
      slotsim(
        'play',
        gameFile('hold-and-win'),
        '--mode',
        'coins',
        '--bet',
        '10',
        '--rounds',
        '1',
        '--audit-log',
        join(tmp.dir, 'x2.jsonl'),
      ),
      slotsim(
        'play',
        'configs/three-bells.json',
        '--mode',
        'buy',
        '--rounds',
        '1',
        '--audit-log',
        join(tmp.dir, 'x3.jsonl'),
      ),
    ]);
    for (const r of [unknown, bet, format1]) expect(r.code, r.stderr).toBe(2);
    expect(oneMessage(unknown)).toContain('no mode "turbo"');
    expect(oneMessage(unknown)).toContain('(expected one of: base, ante, buy)');
    expect(oneMessage(bet)).toContain(
      '--bet: 10 credits; a round of Coins Test in mode coins stakes exactly 1500',
    );
    expect(oneMessage(format1)).toContain('no mode "buy" (the game has only the mode "base")');
  });

  it("verify --mode other than the log's: an identity finding, exit 1; the summary names the log's mode", async () => {
    const v = await slotsim(
      'verify',
      logFile('anywhere', 'buy'),
      '--game',
      gameFile('anywhere'),
      '--mode',
      'ante',
    );
    expect(v.code).toBe(1);
    expect(v.stderr).toContain('[identity] game.mode: the log is of mode "buy", not "ante"');
    expect(v.stdout).toMatch(/game of the log +│ anywhere-test 1, mode buy/);
  });

  it("play's text summary names the mode and its cost", async () => {
    const p = await slotsim(
      'play',
      gameFile('hold-and-win'),
      '--mode',
      'coins',
      '--rounds',
      '2',
      '--audit-log',
      join(tmp.dir, 'text.jsonl'),
      '--no-fsync',
    );
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).toContain('Playing Coins Test 1 in mode coins: 2 rounds, 1 player, bet 1500');
    expect(p.stdout).toMatch(/game +│ Coins Test 1, mode coins \(cost 1,500\)/);
    expect(p.stdout).toContain('3,000 credits'); // staked
  });
});

describe('recall of format-2 rounds through the CLI, step by step', () => {
  it('a tumble (strip refill): every window, its removed cells and refill, the ladder', async () => {
    const round = rounds('tumbling-lines', 'base').find(
      (r) => (r.outcome.paid?.evaluations.length ?? 0) >= 2,
    )!;
    const paid = round.outcome.paid!;
    const r = await recall('tumbling-lines', 'base', round.roundId);
    expect(r.code, r.stdout).toBe(0);
    const n = paid.evaluations.length;
    paid.evaluations.forEach((e, i) => {
      expect(r.stdout).toContain(`Window ${i + 1} of ${n} (ladder ×${e.ladder}):`);
      if (e.removed.length > 0) expect(r.stdout).toContain(`removed: ${cells(e.removed)}`);
      if (e.refill !== null)
        expect(r.stdout).toContain(
          `refill: ${e.refill.cells.map((c) => `[${c.cell[0]},${c.cell[1]}] ${c.symbol}`).join(', ')}`,
        );
      for (const w of e.wins) expect(r.stdout).toContain(`on ${cells(w.cells)}: `);
    });
    expect(r.stdout).toContain('the tumble ends');
    expect(r.stdout).toContain(`TOTAL WIN ${round.outcome.total.toLocaleString('en-US')}`);
    expect(r.stdout).toContain('VERIFIED');
  });

  it('a cluster tumble with redraw refills: the new stops', async () => {
    // A window whose cluster win was removed and refilled (a scatter pay also removes cells, so a
    // refill alone does not mean a cluster paid: the rounds are played with fresh random draws).
    const tumbled = (e: EvaluationOutcome): boolean =>
      e.refill !== null && e.refill.stops.length > 0 && e.wins.some((w) => w.kind === 'cluster');
    const round = rounds('cluster', 'base').find((x) => x.outcome.paid?.evaluations.some(tumbled))!;
    const refill = round.outcome.paid!.evaluations.find(tumbled)!.refill!;
    const r = await recall('cluster', 'base', round.roundId);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      `(new stops: ${refill.stops.map((s) => `reel ${s.reel} → ${s.stop}`).join(', ')})`,
    );
    expect(r.stdout).toMatch(/cluster of \d+ × /);
  });

  it('reel heights and drawn wild values', async () => {
    const round = rounds('heights', 'base').find((x) => (x.outcome.paid?.values.length ?? 0) > 0)!;
    const paid = round.outcome.paid!;
    const r = await recall('heights', 'base', round.roundId);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(`heights ${paid.heights!.join(' ')}, stops ${paid.stops.join(' ')}`);
    expect(r.stdout).toContain(
      `values drawn at the reveal: ${paid.values.map((v) => `[${v.cell[0]},${v.cell[1]}] ×${v.value}`).join(', ')}`,
    );
  });

  it('sticky and expanding wilds in free spins', async () => {
    const sticky = (s: SpinOutcomeV2): boolean => s.sticky.length > 0;
    const round = rounds('sticky-expanding', 'base').find((x) => x.outcome.freeSpins?.spins.some(sticky))!;
    const spin = round.outcome.freeSpins!.spins.find(sticky)!;
    const r = await recall('sticky-expanding', 'base', round.roundId);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain(
      `sticky wilds held: ${spin.sticky.map((s) => `[${s.cell[0]},${s.cell[1]}] ${s.symbol}×${s.value}`).join(', ')}`,
    );
    expect(r.stdout).toMatch(/EW×2 expands over reel \d/);
  });

  it("a feature buy: the start's free spins, the multiplier meter", async () => {
    const round = rounds('anywhere', 'buy')[0]!;
    const r = await recall('anywhere', 'buy', round.roundId);
    expect(r.code, r.stdout).toBe(0);
    const start = round.outcome.start as { spins: number };
    expect(r.stdout).toContain(
      `Start (mode buy): ${start.spins} free spin${start.spins === 1 ? '' : 's'} drawn`,
    );
    for (const s of round.outcome.freeSpins!.spins)
      if (s.meter !== null) expect(r.stdout).toContain(`multiplier meter: ${s.meter}`);
    expect(r.stdout).not.toContain('Paid spin');
  });

  it('a coin buy: each respin with its landings and the respins left, the final grid; --json gives the record', async () => {
    const round = rounds('hold-and-win', 'coins')[0]!;
    const hw = round.outcome.holdAndWin!;
    const [r, json] = await Promise.all([
      recall('hold-and-win', 'coins', round.roundId),
      slotsim(
        'recall',
        logFile('hold-and-win', 'coins'),
        '--round',
        round.roundId,
        '--game',
        gameFile('hold-and-win'),
        '--json',
      ),
    ]);
    expect(r.code, r.stdout).toBe(0);
    hw.respins.forEach((x, i) => {
      const landed =
        x.landings.length === 0
          ? 'nothing landed'
          : `landed ${x.landings
              .map(
                (c) =>
                  `[${c.cell[0]},${c.cell[1]}] ${c.jackpot ?? c.value} (${c.credits.toLocaleString('en-US')} credits)`,
              )
              .join(', ')}`;
      expect(r.stdout).toContain(`respin ${i + 1}: ${landed}; respins left ${x.respinsLeft}\n`);
    });
    expect(r.stdout).toContain('final grid:');
    expect(r.stdout).toContain(`hold-and-win win ${hw.win.toLocaleString('en-US')}`);
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as { round: Json; verifies: boolean };
    expect(document.verifies).toBe(true);
    expect(document.round).toEqual(records('hold-and-win', 'coins').find((x) => x.roundId === round.roundId));
  });
});
