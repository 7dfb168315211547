/**
 * Game recall of format-2 rounds, step by step as the player saw them, on rounds set up draw by
 * draw and written through the production path: a tumble sequence (every window, its wins and
 * their cells, the removed cells, the refill, the ladder) and a hold-and-win feature bought in a
 * mode (the start draws, each respin's landings and the respins left, the final grid, the
 * jackpots and the full grid). The expected texts are worked out by hand from the rules.
 */
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AuditLogWriter } from '../../src/audit/audit-log-writer.js';
import { verifyAuditLog } from '../../src/audit/verify-log.js';
import { parseGame, sha256Hex } from '../../src/game/index.js';
import { renderRecall } from '../../src/report/recall-text.js';
import type { Rng } from '../../src/rng/index.js';
import { LedgerWallet } from '../../src/service/ledger-wallet.js';
import { RoundService } from '../../src/service/round-service.js';
import { ScriptedRng } from '../helpers/scripted-rng.js';
import { tempDir } from './make-log.js';

const tmp = tempDir('slotsim-recall-f2-');
afterAll(() => tmp.remove());

let runs = 0;
/** One round of a game, its draws scripted, through the round service; recalled as text. */
async function recallOne(file: Record<string, unknown>, mode: string, rng: Rng): Promise<string> {
  const name = `run-${++runs}`;
  const text = JSON.stringify(file);
  const game = parseGame(text, { file: `${name}.json`, mode, sha256: sha256Hex(text) });
  const log = join(tmp.dir, `${name}.jsonl`);
  const ledgerPath = join(tmp.dir, `${name}.ledger.jsonl`);
  const ledger = await LedgerWallet.open(ledgerPath, { mode: 'create', fsync: false });
  await ledger.deposit({ ref: 'deposit/p', player: 'p', amount: 1000 });
  const audit = await AuditLogWriter.create({
    path: log,
    game,
    rng: rng.algorithm,
    fsync: false,
    gameText: text,
  });
  const service = new RoundService({ game, wallet: ledger, audit, rng, newRoundId: () => 'r-1' });
  const session = service.openSession('p', 's');
  expect((await service.playRound({ session: session.id, bet: game.cost })).status).toBe('played');
  await audit.close({ ledgerEntries: ledger.entries });
  await ledger.close();
  const report = await verifyAuditLog({
    log,
    game: { path: `${name}.json`, text, sha256: sha256Hex(text) },
    ledger: ledgerPath,
    watchRound: 'r-1',
  });
  expect(report.watched).not.toBeNull();
  return renderRecall(report.watched!, report);
}

/** The lines from the one starting with `from` to the one starting with `to`, both included. */
function between(text: string, from: string, to: string): string[] {
  const lines = text.split('\n');
  const start = lines.findIndex((l) => l.trimStart().startsWith(from));
  const end = lines.findIndex((l, i) => i >= start && l.trimStart().startsWith(to));
  return lines.slice(start, end + 1);
}

describe('recall of a format-2 round, step by step', () => {
  it('a tumble sequence: each window, its wins with their cells, the removed cells, the refill, the ladder', async () => {
    // The README's cascade: strip B Z A A A X Y Z on three reels, a line on each row, A A A pays
    // 10, B B B 5 (bet 3: line bet 1), ladder [1, 3, 5], strip refill. Stops 3 show A A X on
    // every reel: rows 0 and 1 pay 10 each; six cells go, X falls to row 2, and each reel's two
    // holes take strip[3 − 2] = Z and strip[2] = A (p = 1): row 1 A A A pays 10 × 3. Its three
    // cells go, Z falls to row 1, the hole takes strip[0] = B (p = 0): row 0 B B B pays 5 × 5.
    // Those go, the hole takes strip[−1 mod 8] = Z: Z Z X on every reel, no win. 20 + 30 + 25 = 75.
    const strip = ['B', 'Z', 'A', 'A', 'A', 'X', 'Y', 'Z'];
    const text = await recallOne(
      {
        format: 'slotsim/2',
        id: 'tumble-recall',
        name: 'Tumble Recall',
        version: '1',
        grid: { reels: 3, rows: 3 },
        bet: { credits: 3 },
        symbols: { A: {}, B: {}, X: {}, Y: {}, Z: {} },
        paylines: [
          [0, 0, 0],
          [1, 1, 1],
          [2, 2, 2],
        ],
        pays: [
          { symbol: 'A', pays: { '3': 10 } },
          { symbol: 'B', pays: { '3': 5 } },
        ],
        reelSets: { base: [strip, strip, strip] },
        cascade: { refill: 'strip', maxCascades: 10, ladder: [1, 3, 5] },
      },
      'base',
      new ScriptedRng([3, 3, 3]),
    );
    expect(text).toContain('  game tumble-recall 1, mode base, player p, session s\n');
    expect(between(text, 'mode base', 'TOTAL WIN')).toEqual([
      '  mode base, cost 3; cells are [reel,row], row 0 at the top',
      '  Paid spin (reel set base, stops 3 3 3):',
      '    Window 1 of 4 (ladder ×1):',
      '      | A | A | A |',
      '      | A | A | A |',
      '      | X | X | X |',
      '        line 1: 3 × A (rule 1) on [0,0] [1,0] [2,0]: pays 10',
      '        line 2: 3 × A (rule 1) on [0,1] [1,1] [2,1]: pays 10',
      '        window pays 20',
      '        removed: [0,0] [0,1] [1,0] [1,1] [2,0] [2,1]',
      '        the cells above fall; refill: [0,0] Z, [0,1] A, [1,0] Z, [1,1] A, [2,0] Z, [2,1] A',
      '    Window 2 of 4 (ladder ×3):',
      '      | Z | Z | Z |',
      '      | A | A | A |',
      '      | X | X | X |',
      '        line 2: 3 × A (rule 1) on [0,1] [1,1] [2,1]: pays 10 × ladder ×3 = 30',
      '        window pays 30',
      '        removed: [0,1] [1,1] [2,1]',
      '        the cells above fall; refill: [0,0] B, [1,0] B, [2,0] B',
      '    Window 3 of 4 (ladder ×5):',
      '      | B | B | B |',
      '      | Z | Z | Z |',
      '      | X | X | X |',
      '        line 1: 3 × B (rule 2) on [0,0] [1,0] [2,0]: pays 5 × ladder ×5 = 25',
      '        window pays 25',
      '        removed: [0,0] [1,0] [2,0]',
      '        the cells above fall; refill: [0,0] Z, [1,0] Z, [2,0] Z',
      '    Window 4 of 4 (ladder ×5):',
      '      | Z | Z | Z |',
      '      | Z | Z | Z |',
      '      | X | X | X |',
      '        no win',
      '        the tumble ends',
      '    pay win 75; spin win 75',
      '  TOTAL WIN 75',
    ]);
    expect(text).toContain('  balance 1,000 → 1,072\n');
    expect(text).toContain('VERIFIED');
  });

  it('a hold-and-win feature bought in a mode: the start, each respin, the final grid, the jackpots', async () => {
    // 2 reels × 1 row, bet 5; coin values 1 or MINI (weights 1, 1); MINI 10, GRAND 100 units;
    // 2 respins. Mode "coins" costs 250 and starts with 1 coin: the draw of n (bound 1), its cell
    // rng.int(2) = 1 → the 2nd empty cell [1,0], its value 0 → 1 unit (5 credits). Respin 1: [0,0]
    // draws 1 of 2 (coin 1, blank 1): blank, 1 respin left. Respin 2: draws 0: a coin lands, value
    // 1 → MINI (50); L back to 2; the grid is full: GRAND (500). 5 + 50 + 500 = 555.
    const text = await recallOne(
      {
        format: 'slotsim/2',
        id: 'coins-recall',
        name: 'Coins Recall',
        version: '1',
        grid: { reels: 2, rows: 1 },
        bet: { credits: 5 },
        symbols: { A: {}, C: { coin: true } },
        paylines: [[0, 0]],
        pays: [{ symbol: 'A', pays: { '2': 1 } }],
        reelSets: {
          base: [
            ['C', 'A'],
            ['C', 'A'],
          ],
        },
        holdAndWin: {
          trigger: { symbol: 'C', count: 1 },
          respins: 2,
          maxRespins: 5,
          land: { coin: 1, blank: 1 },
          values: [
            { value: 1, weight: 1 },
            { jackpot: 'MINI', weight: 1 },
          ],
          jackpots: { MINI: 10, GRAND: 100 },
          fullGrid: 'GRAND',
        },
        modes: { coins: { cost: 250, start: { holdAndWin: { '1': 1 } } } },
      },
      'coins',
      new ScriptedRng([0, 1, 0, 1, 0, 1]),
    );
    expect(text).toContain('  game coins-recall 1, mode coins, player p, session s\n');
    expect(text).toContain('  stake 250 (debit r-1/debit)\n');
    expect(between(text, 'mode coins', 'TOTAL WIN')).toEqual([
      '  mode coins, cost 250; cells are [reel,row], row 0 at the top',
      '  Start (mode coins): 1 coin drawn, placed on [1,0]',
      '  Hold and win (2 × 1 grid):',
      '    coins at the start: [1,0] 1 (5 credits)',
      '    respin 1: nothing landed; respins left 1',
      '    respin 2: landed [0,0] MINI (50 credits); respins left 2',
      '    final grid:',
      '      | MINI | 1    |',
      '    FULL GRID',
      '    jackpots won: MINI, GRAND',
      '    hold-and-win win 555',
      '  TOTAL WIN 555',
    ]);
    expect(text).toContain('  balance 1,000 → 1,305\n');
    expect(text).toContain('VERIFIED');
  });
});
