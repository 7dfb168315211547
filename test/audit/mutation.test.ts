/**
 * The mutation suite: a log written through the real round service is edited in every way a
 * tamperer or an accident could — each field kind of sampled records, records deleted, inserted,
 * duplicated, swapped, the file truncated, the wrong game file or variant, the ledger edited — and
 * every edit must be reported, at the right line.
 */
import { createHash, generateKeyPairSync } from 'node:crypto';
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../../src/audit/finding.js';
import { editLine, get, parse, rechainFrom, set, type Json } from './edit-log.js';
import {
  brief,
  fixtureGame,
  makeLog,
  readLines,
  tempDir,
  verify,
  writeLines,
  type MadeLog,
} from './make-log.js';
import { readSigningKey, type PublicSigningKey } from '../../src/audit/signing.js';
import { playRound } from '../../src/engine/round.js';
import { createRng } from '../../src/rng/index.js';
import { runPlay } from '../../src/service/play-run.js';
import { recoverLog } from '../../src/service/recover.js';
import { fillingDisk } from './filling-disk.js';
import { FIXTURE_TEXT } from './fixture-game.js';

const SEED = 'mutation-1';
const tmp = tempDir();
let made: MadeLog;
let lines: string[];
let records: Json[];

beforeAll(async () => {
  // 3 players × 150 rounds; the generator fails on draw 700, so one round is voided.
  made = await makeLog({ dir: tmp.dir, seed: 'audit-1', players: 3, roundsPerPlayer: 150, failAtDraw: 700 });
  lines = readLines(made.log);
  records = lines.map(parse);
});
afterAll(() => tmp.remove());

let counter = 0;
async function verifyLines(
  edited: readonly string[],
  options: {
    ledger?: boolean;
    ledgerLines?: readonly string[];
    gameText?: string;
    variant?: string | null;
  } = {},
) {
  const file = join(tmp.dir, `edited-${++counter}.jsonl`);
  writeLines(file, edited);
  let ledger: string | null = null;
  if (options.ledger === true || options.ledgerLines !== undefined) {
    ledger = made.ledger;
    if (options.ledgerLines !== undefined) {
      ledger = join(tmp.dir, `edited-${counter}.ledger.jsonl`);
      writeLines(ledger, options.ledgerLines);
    }
  }
  return verify(file, options.gameText ?? made.gameText, {
    ledger,
    ...(options.variant === undefined ? {} : { variant: options.variant }),
  });
}

/** Indexes of records matching a predicate. */
function where(predicate: (r: Json) => boolean): number[] {
  return records.flatMap((r, i) => (predicate(r) ? [i] : []));
}

/** A deterministic sample: one of `indexes`, chosen by the seed and the mutation's name. */
function sample(indexes: readonly number[], name: string): number {
  const h = createHash('sha256').update(`${SEED}/${name}`).digest().readUInt32BE(0);
  return indexes[h % indexes.length]!;
}

const isRound = (r: Json): boolean => r.type === 'round';
const outcome = (r: Json): Json => r.outcome as Json;
const paid = (r: Json): Json => outcome(r).paid as Json;
const hasLineWin = (r: Json): boolean => isRound(r) && (paid(r).wins as unknown[]).length > 0;
const hasWildMultiplier = (r: Json): boolean =>
  hasLineWin(r) && (paid(r).wins as Json[]).some((w) => (w.multiplier as number) > 1);
const hasScatter = (r: Json): boolean => isRound(r) && paid(r).scatter !== null;
const hasBonus = (r: Json): boolean => isRound(r) && outcome(r).bonus !== null;
const hasFreeSpins = (r: Json): boolean => isRound(r) && outcome(r).freeSpins !== null;
const hasRetrigger = (r: Json): boolean =>
  hasFreeSpins(r) &&
  ((outcome(r).freeSpins as Json).spins as Json[]).some((s) => (s.retrigger as number) > 0);
const isCapped = (r: Json): boolean => isRound(r) && outcome(r).capped === true;
const hasCredit = (r: Json): boolean => isRound(r) && (r.tx as Json).credit !== null;
const isVoid = (r: Json): boolean => r.type === 'void';

interface Mutation {
  readonly name: string;
  readonly where: (r: Json) => boolean;
  readonly edit: (r: Json) => void;
  /**
   * What must be found at the record's line when the tamperer re-chains everything after it
   * (null: only the chain can tell — what an HMAC chain is for).
   */
  readonly rechained: FindingKind | null;
  /** Where that finding is, when not at the record's own line (lines after it). */
  readonly rechainedAfter?: number;
}

const bump =
  (path: string, by = 1) =>
  (r: Json) =>
    set(r, path, (get(r, path) as number) + by);
const to = (path: string, value: unknown) => (r: Json) => set(r, path, value);
/** Sets a symbol: `a`, or `b` where the cell already shows `a`. */
const symbol = (path: string, a: string, b: string) => (r: Json) => set(r, path, get(r, path) === a ? b : a);

const MUTATIONS: readonly Mutation[] = [
  // chain fields
  { name: 'seq', where: isRound, edit: bump('seq', 5), rechained: 'sequence' },
  { name: 'prev', where: isRound, edit: to('prev', 'f'.repeat(64)), rechained: null },
  {
    name: 'hash',
    where: isRound,
    edit: (r) =>
      set(r, 'hash', `${(r.hash as string).startsWith('0') ? '1' : '0'}${(r.hash as string).slice(1)}`),
    rechained: null,
  },
  // who and when
  { name: 'roundId', where: isRound, edit: to('roundId', 'forged-round'), rechained: null },
  { name: 'session', where: isRound, edit: to('session', 'session-9'), rechained: null },
  {
    name: 'player',
    where: isRound,
    edit: (r) => set(r, 'player', r.player === 'player-1' ? 'player-2' : 'player-1'),
    rechained: 'ledger-mismatch',
  },
  { name: 'startedAt', where: isRound, edit: to('startedAt', '2020-01-01T00:00:00.000Z'), rechained: null },
  { name: 'endedAt', where: isRound, edit: to('endedAt', '2020-01-01T00:00:00.000Z'), rechained: null },
  // identity
  { name: 'game.sha256', where: isRound, edit: to('game.sha256', '0'.repeat(64)), rechained: 'identity' },
  { name: 'game.id', where: isRound, edit: to('game.id', 'other-game'), rechained: 'identity' },
  { name: 'game.version', where: isRound, edit: to('game.version', '9.9.9'), rechained: 'identity' },
  { name: 'game.variant', where: isRound, edit: to('game.variant', 'tight'), rechained: 'identity' },
  { name: 'slotsim', where: isRound, edit: to('slotsim', '0.0.1'), rechained: 'identity' },
  { name: 'rng', where: isRound, edit: to('rng', 'xorshift7'), rechained: 'identity' },
  // stake and draws
  { name: 'stake', where: isRound, edit: to('stake', 10), rechained: 'replay-outcome' },
  {
    name: 'draws[0] value',
    where: isRound,
    edit: (r) =>
      set(r, 'draws[0][1]', ((get(r, 'draws[0][1]') as number) + 1) % (get(r, 'draws[0][0]') as number)),
    rechained: 'replay-outcome',
  },
  { name: 'draws[0] bound', where: isRound, edit: bump('draws[0][0]'), rechained: 'replay-draws' },
  {
    name: 'draws: one removed',
    where: isRound,
    edit: (r) => (r.draws as unknown[]).pop(),
    rechained: 'replay-draws',
  },
  {
    name: 'draws: one added',
    where: isRound,
    edit: (r) => (r.draws as unknown[]).push([7, 3]),
    rechained: 'replay-draws',
  },
  // the paid spin
  { name: 'paid.stops', where: isRound, edit: bump('outcome.paid.stops[2]'), rechained: 'replay-outcome' },
  {
    name: 'paid.window',
    where: isRound,
    edit: symbol('outcome.paid.window[1][1]', 'WILD', 'LO1'),
    rechained: 'replay-outcome',
  },
  {
    name: 'paid.reelSet',
    where: isRound,
    edit: to('outcome.paid.reelSet', 'free'),
    rechained: 'replay-outcome',
  },
  {
    name: 'line win amount',
    where: hasLineWin,
    edit: bump('outcome.paid.wins[0].win', 100),
    rechained: 'replay-outcome',
  },
  {
    name: 'line win line',
    where: hasLineWin,
    edit: bump('outcome.paid.wins[0].line'),
    rechained: 'replay-outcome',
  },
  {
    name: 'line win symbol',
    where: hasLineWin,
    edit: to('outcome.paid.wins[0].symbol', 'HI1x'),
    rechained: 'replay-outcome',
  },
  {
    name: 'line win count',
    where: hasLineWin,
    edit: bump('outcome.paid.wins[0].count'),
    rechained: 'replay-outcome',
  },
  {
    name: 'line win rule',
    where: hasLineWin,
    edit: bump('outcome.paid.wins[0].rule'),
    rechained: 'replay-outcome',
  },
  {
    name: 'wild multiplier',
    where: hasWildMultiplier,
    edit: (r) => ((paid(r).wins as Json[]).find((w) => (w.multiplier as number) > 1)!.multiplier = 1),
    rechained: 'replay-outcome',
  },
  {
    name: 'a win removed',
    where: hasLineWin,
    edit: (r) => (paid(r).wins as unknown[]).shift(),
    rechained: 'replay-outcome',
  },
  {
    name: 'a win added',
    where: isRound,
    edit: (r) =>
      (paid(r).wins as unknown[]).push({
        count: 5,
        kind: 'line',
        line: 19,
        multiplier: 1,
        rule: 1,
        symbol: 'HI1',
        win: 150,
      }),
    rechained: 'replay-outcome',
  },
  {
    name: 'scatter win',
    where: hasScatter,
    edit: bump('outcome.paid.scatter.win', 20),
    rechained: 'replay-outcome',
  },
  {
    name: 'scatter count',
    where: hasScatter,
    edit: bump('outcome.paid.scatter.count'),
    rechained: 'replay-outcome',
  },
  // features
  {
    name: 'bonus draw result',
    where: hasBonus,
    edit: bump('outcome.bonus.draws[0].result'),
    rechained: 'replay-outcome',
  },
  { name: 'bonus win', where: hasBonus, edit: bump('outcome.bonus.win', 5), rechained: 'replay-outcome' },
  {
    name: 'free spins awarded',
    where: hasFreeSpins,
    edit: bump('outcome.freeSpins.awarded'),
    rechained: 'replay-outcome',
  },
  {
    name: 'free spin window',
    where: hasFreeSpins,
    edit: symbol('outcome.freeSpins.spins[0].window[0][0]', 'BON', 'LO2'),
    rechained: 'replay-outcome',
  },
  {
    name: 'free spin multiplier',
    where: hasFreeSpins,
    edit: to('outcome.freeSpins.spins[0].multiplier', 3),
    rechained: 'replay-outcome',
  },
  {
    name: 'free spin retrigger',
    where: hasRetrigger,
    edit: (r) =>
      (((outcome(r).freeSpins as Json).spins as Json[]).find((s) => (s.retrigger as number) > 0)!.retrigger =
        0),
    rechained: 'replay-outcome',
  },
  {
    name: 'a free spin removed',
    where: hasFreeSpins,
    edit: (r) => ((outcome(r).freeSpins as Json).spins as unknown[]).pop(),
    rechained: 'replay-outcome',
  },
  {
    name: 'free spins win',
    where: hasFreeSpins,
    edit: bump('outcome.freeSpins.win', 10),
    rechained: 'replay-outcome',
  },
  {
    name: 'components',
    where: isRound,
    edit: bump('outcome.components.lines', 10),
    rechained: 'replay-outcome',
  },
  {
    name: 'total (and credit) raised',
    where: hasCredit,
    edit: (r) => {
      bump('outcome.total', 1000)(r);
      bump('tx.credit.amount', 1000)(r);
      bump('balance.after', 1000)(r);
    },
    rechained: 'replay-outcome',
  },
  { name: 'capped cleared', where: isCapped, edit: to('outcome.capped', false), rechained: 'replay-outcome' },
  { name: 'outcome.stake', where: isRound, edit: to('outcome.stake', 1), rechained: 'replay-outcome' },
  // money
  { name: 'balance.before', where: isRound, edit: bump('balance.before', 50), rechained: 'money' },
  { name: 'balance.after', where: isRound, edit: bump('balance.after', 50), rechained: 'money' },
  { name: 'debit amount', where: isRound, edit: bump('tx.debit.amount', -5), rechained: 'money' },
  {
    name: 'debit ref',
    where: isRound,
    edit: to('tx.debit.ref', 'forged/debit'),
    rechained: 'ledger-missing',
  },
  { name: 'credit amount', where: hasCredit, edit: bump('tx.credit.amount', 7), rechained: 'money' },
  {
    name: 'credit ref',
    where: hasCredit,
    edit: to('tx.credit.ref', 'forged/credit'),
    rechained: 'ledger-missing',
  },
  { name: 'credit status', where: hasCredit, edit: to('tx.credit.status', 'pending'), rechained: 'money' },
  { name: 'credit removed', where: hasCredit, edit: to('tx.credit', null), rechained: 'money' },
  // shape
  { name: 'an unknown field', where: isRound, edit: to('comment', 'hello'), rechained: 'bad-record' },
  { name: 'a field removed', where: isRound, edit: (r) => delete r.session, rechained: 'bad-record' },
  { name: 'a field of another type', where: isRound, edit: to('stake', '20'), rechained: 'bad-record' },
  // the void round
  { name: 'void reason', where: isVoid, edit: to('reason', 'nothing happened'), rechained: null },
  { name: 'void rollback amount', where: isVoid, edit: bump('tx.rollback.amount', -1), rechained: 'money' },
  {
    name: 'void rollback status',
    where: isVoid,
    edit: to('tx.rollback.status', 'pending'),
    rechained: 'money',
  },
  { name: 'void balance.after', where: isVoid, edit: bump('balance.after', -20), rechained: 'money' },
  {
    name: 'void rollback ref',
    where: isVoid,
    edit: to('tx.rollback.ref', 'forged/rollback'),
    rechained: 'ledger-missing',
  },
  // the header and the end record
  {
    name: 'header format',
    where: (r) => r.type === 'header',
    edit: to('format', 'slotsim-audit-1'),
    rechained: 'structure',
  },
  {
    name: 'header logId',
    where: (r) => r.type === 'header',
    edit: to('logId', 'another-log'),
    rechained: null,
  },
  // The header still records the content hash of the file given (version 2): an edit of its
  // byte hash alone reads as "same content", and every round, which names the true file, disagrees.
  {
    name: 'header game.sha256',
    where: (r) => r.type === 'header',
    edit: to('game.sha256', '1'.repeat(64)),
    rechained: 'identity',
    rechainedAfter: 1,
  },
  {
    name: 'header gameContentSha256',
    where: (r) => r.type === 'header',
    edit: to('gameContentSha256', '2'.repeat(64)),
    rechained: null,
  },
  // The header now disagrees with every round: reported at each round, from the first on.
  {
    name: 'header game.variant',
    where: (r) => r.type === 'header',
    edit: to('game.variant', 'tight'),
    rechained: 'identity',
    rechainedAfter: 1,
  },
  {
    name: 'header keyId',
    where: (r) => r.type === 'header',
    edit: to('keyId', 'abcd'),
    rechained: 'bad-record',
  },
  { name: 'end rounds', where: (r) => r.type === 'end', edit: bump('rounds', -1), rechained: 'structure' },
  {
    name: 'end endedAt',
    where: (r) => r.type === 'end',
    edit: to('endedAt', '2020-01-01T00:00:00.000Z'),
    rechained: null,
  },
];

function findingsAt(findings: readonly Finding[], line: number): Finding[] {
  return findings.filter((f) => f.source === 'log' && f.line === line);
}

describe(`the mutation suite (log seed audit-1, sample seed ${SEED})`, () => {
  it('the unedited log verifies, with and without its ledger, and holds every kind of round', async () => {
    for (const ledger of [false, true]) {
      const { report, findings } = await verifyLines(lines, { ledger });
      expect(brief(findings)).toEqual([]);
      expect(report.ok).toBe(true);
      expect(report.rounds.total).toBe(450);
      expect(report.rounds.voided).toBe(1);
    }
    for (const p of [
      hasLineWin,
      hasWildMultiplier,
      hasScatter,
      hasBonus,
      hasFreeSpins,
      hasRetrigger,
      isCapped,
      isVoid,
    ]) {
      expect(where(p).length).toBeGreaterThan(0);
    }
  });

  describe.each(MUTATIONS)('$name', (m) => {
    const index = (): number => sample(where(m.where), m.name);
    const semantic = async (edited: readonly string[], i: number): Promise<void> => {
      const { findings } = await verifyLines(edited, { ledger: true });
      const line = i + 1 + (m.rechainedAfter ?? 0);
      expect(
        findingsAt(findings, line).map((f) => f.kind),
        `${m.name} at line ${line}: ${brief(findings).slice(0, 20).join('; ')}`,
      ).toContain(m.rechained);
      return undefined;
    };

    it('edited, its hash left as it was → a hash finding at its line', async () => {
      const i = index();
      const { findings } = await verifyLines(editLine(lines, i, m.edit, 'naive'), { ledger: true });
      expect(
        findingsAt(findings, i + 1).map((f) => f.kind),
        `${m.name} at line ${i + 1}: ${brief(findings).slice(0, 20).join('; ')}`,
      ).toContain('hash');
    });

    it.skipIf(m.name === 'hash')(
      "edited and re-hashed → the next record's link breaks (and the edit itself shows where it can)",
      async () => {
        const i = index();
        const edited = editLine(lines, i, m.edit, 'rehash');
        const { findings } = await verifyLines(edited, { ledger: true });
        if (i + 1 < lines.length) {
          const link = findingsAt(findings, i + 2).filter((f) => f.kind === 'link');
          expect(link.length, `${m.name} at line ${i + 1}: ${brief(findings).slice(0, 20).join('; ')}`).toBe(
            1,
          );
          expect(link[0]!.message).toContain(`line ${i + 1}`);
        }
        if (m.rechained !== null) await semantic(edited, i);
      },
    );

    it.skipIf(m.rechained === null)(
      'edited and the whole chain rebuilt → still reported at its line',
      async () => {
        const i = index();
        const edited = editLine(lines, i, m.edit, 'rechain');
        const { findings } = await verifyLines(edited, { ledger: true });
        expect(brief(findings.filter((f) => f.kind === 'hash' || f.kind === 'link'))).toEqual([]);
        await semantic(edited, i);
      },
    );
  });

  it('the last record of a plain SHA-256 chain can be rewritten undetected: that is what the HMAC chain is for', async () => {
    const edited = editLine(lines, lines.length - 1, to('endedAt', '2020-01-01T00:00:00.000Z'), 'rehash');
    expect((await verifyLines(edited)).findings).toEqual([]);
  });

  it('a re-chained edit that only the chain can tell is caught by an HMAC chain (key unknown to the tamperer)', async () => {
    const key = Buffer.alloc(32, 7);
    const dir = tempDir();
    try {
      const hmac = await makeLog({
        dir: dir.dir,
        seed: 'audit-2',
        players: 2,
        roundsPerPlayer: 30,
        hmacKey: key,
      });
      const original = readLines(hmac.log);
      expect((await verify(hmac.log, hmac.gameText, { hmacKey: key })).findings).toEqual([]);
      for (const [name, edit] of [
        ['roundId', to('roundId', 'forged')],
        ['startedAt', to('startedAt', '2020-01-01T00:00:00.000Z')],
        ['session', to('session', 'other')],
      ] as const) {
        for (const tamperKey of [null, Buffer.alloc(32, 8)]) {
          const edited = editLine(original, 10, edit, 'rechain', tamperKey);
          const file = join(dir.dir, `hmac-${name}-${tamperKey === null ? 'sha' : 'key'}.jsonl`);
          writeLines(file, edited);
          const { findings } = await verify(file, hmac.gameText, { hmacKey: key });
          expect(
            findingsAt(findings, 11).map((f) => f.kind),
            name,
          ).toContain('hash');
        }
      }
      // A tamperer who rebuilds the whole log as a plain SHA-256 chain: the downgrade is reported.
      const downgraded = rechainFrom(
        editLine(
          original,
          0,
          (r) => {
            r.chain = 'sha256';
            r.keyId = null;
          },
          'naive',
        ),
        0,
      );
      const file = join(dir.dir, 'downgraded.jsonl');
      writeLines(file, downgraded);
      const { findings } = await verify(file, hmac.gameText, { hmacKey: key });
      expect(findingsAt(findings, 1).map((f) => f.kind)).toContain('key');
    } finally {
      dir.remove();
    }
  });

  describe('records deleted, inserted, duplicated, reordered; the file truncated', () => {
    const middle = (): number =>
      sample(
        where(isRound).filter((i) => i > 5 && i < lines.length - 5),
        'structural',
      );

    it('a record deleted → reported at the line where it is missing', async () => {
      const i = middle();
      const edited = lines.filter((_, k) => k !== i);
      const { findings } = await verifyLines(edited, { ledger: true });
      expect(findingsAt(findings, i + 1).map((f) => f.kind)).toEqual(
        expect.arrayContaining(['sequence', 'link']),
      );
      // The ledger still holds the deleted round's debit: a movement no round explains.
      expect(findings.some((f) => f.source === 'ledger' && f.kind === 'ledger-unexplained')).toBe(true);
    });

    it('a record deleted and the chain rebuilt → the sequence and the money still tell', async () => {
      const i = middle();
      const edited = rechainFrom(
        lines.filter((_, k) => k !== i),
        i,
      );
      const { findings } = await verifyLines(edited, { ledger: true });
      expect(findingsAt(findings, i + 1).map((f) => f.kind)).toContain('sequence');
    });

    it('a forged record inserted → reported at its line', async () => {
      const i = middle();
      const forged = parse(lines[i]!);
      forged.roundId = 'forged';
      const edited = [...lines.slice(0, i + 1), JSON.stringify(forged), ...lines.slice(i + 1)];
      const { findings } = await verifyLines(edited, { ledger: true });
      expect(findingsAt(findings, i + 2).map((f) => f.kind)).toEqual(
        expect.arrayContaining(['sequence', 'link']),
      );
    });

    it('a record duplicated → reported at the copy', async () => {
      const i = middle();
      const edited = [...lines.slice(0, i + 1), lines[i]!, ...lines.slice(i + 1)];
      const { findings } = await verifyLines(edited, { ledger: true });
      const kinds = findingsAt(findings, i + 2).map((f) => f.kind);
      expect(kinds).toEqual(expect.arrayContaining(['sequence', 'link', 'ledger-duplicate']));
    });

    it('two records swapped → reported at the first of them', async () => {
      const i = middle();
      const edited = [...lines];
      [edited[i], edited[i + 1]] = [edited[i + 1]!, edited[i]!];
      const { findings } = await verifyLines(edited);
      expect(findingsAt(findings, i + 1).map((f) => f.kind)).toEqual(
        expect.arrayContaining(['sequence', 'link']),
      );
    });

    it('the file cut in the middle of a line → a truncated last line, and no end record', async () => {
      const file = join(tmp.dir, 'cut.jsonl');
      const text = readFileSync(made.log, 'utf8');
      const cut = text.lastIndexOf('\n', text.length - 2) - 300;
      writeFileSync(file, text.slice(0, cut));
      const { findings } = await verify(file, made.gameText);
      const last = text.slice(0, cut).split('\n').length;
      expect(findingsAt(findings, last).map((f) => f.kind)).toContain('truncated');
      expect(findingsAt(findings, last + 1).map((f) => f.kind)).toContain('truncated');
    });

    it('the last records and the end record cut off at a line boundary → reported as truncated', async () => {
      // Cut until one player has lost two rounds: that is not what a crash leaves (at most one round
      // per player in flight), so the ledger's movements of those rounds are unexplained. Three
      // players play at once, so which player the last rounds belong to depends on timing: a fixed
      // cut of 3 rounds could take one round of each, which reads as a crash (unsettled) instead.
      const lost = new Map<string, number>();
      let cut = lines.length;
      while (cut > 0 && ![...lost.values()].some((n) => n >= 2)) {
        const record = JSON.parse(lines[--cut]!) as { type: string; player?: string };
        if (record.type === 'round' && record.player !== undefined)
          lost.set(record.player, (lost.get(record.player) ?? 0) + 1);
      }
      // The end record and at most four rounds of three players (pigeonhole), plus any other record.
      expect(lines.length - cut).toBeLessThan(10);
      const edited = lines.slice(0, cut);
      const { findings } = await verifyLines(edited, { ledger: true });
      expect(findingsAt(findings, edited.length + 1).map((f) => f.kind)).toEqual(['truncated']);
      expect(findings.some((f) => f.source === 'ledger' && f.kind === 'ledger-unexplained')).toBe(true);
    });

    it('a record after the end record → reported', async () => {
      const edited = [...lines, lines[5]!];
      const { findings } = await verifyLines(edited);
      expect(findingsAt(findings, lines.length + 1).map((f) => f.kind)).toContain('structure');
    });

    it('the header deleted → reported at line 1', async () => {
      const { findings } = await verifyLines(lines.slice(1));
      expect(findingsAt(findings, 1).map((f) => f.kind)).toEqual(
        expect.arrayContaining(['structure', 'sequence']),
      );
    });

    it('an empty line, a line of garbage and an over-long line → unreadable, each at its line', async () => {
      const edited = [...lines.slice(0, 10), '', '{"type":"round",', ...lines.slice(10)];
      const { findings } = await verifyLines(edited);
      expect(findingsAt(findings, 11).map((f) => f.kind)).toContain('unreadable-line');
      expect(findingsAt(findings, 12).map((f) => f.kind)).toContain('unreadable-line');
      const file = join(tmp.dir, 'long.jsonl');
      writeLines(file, lines.slice(0, 3));
      appendFileSync(file, `${'x'.repeat(9 * 1024 * 1024)}\n`);
      const long = await verify(file, made.gameText);
      expect(findingsAt(long.findings, 4).map((f) => f.kind)).toContain('unreadable-line');
    });
  });

  describe('the wrong game file or variant', () => {
    it('another game file → the identity at line 1, and the rounds do not replay', async () => {
      const other = readFileSync('configs/starfall-20.json', 'utf8');
      const { findings, report } = await verifyLines(lines, { gameText: other });
      const fields = findingsAt(findings, 1)
        .filter((f) => f.kind === 'identity')
        .map((f) => f.field);
      expect(fields).toEqual(expect.arrayContaining(['game.sha256', 'game.id']));
      expect(
        report.findings.byKind['replay-draws'] + report.findings.byKind['replay-outcome'],
      ).toBeGreaterThan(0);
    });

    it('the same game with one byte of formatting changed → same content, different bytes: no finding', async () => {
      const { findings, report } = await verifyLines(lines, { gameText: `${made.gameText} ` });
      expect(brief(findings)).toEqual([]);
      expect(report.game.match).toBe('same-content');
    });

    it("the game's name changed → the file hash at line 1, while every round still replays", async () => {
      const renamed = made.gameText.replace('"Audit Fixture"', '"Audit Fixturf"');
      const { findings } = await verifyLines(lines, { gameText: renamed });
      expect(brief(findings)).toEqual(['log:1 identity game.sha256']);
    });

    it("--variant other than the log's → reported at line 1; the log is replayed on its own variant", async () => {
      const { findings } = await verifyLines(lines, { variant: 'tight' });
      expect(brief(findings)).toEqual(['log:1 identity game.variant']);
    });

    it('a log of a variant verifies against that variant, and is reported against the game as written', async () => {
      const dir = tempDir();
      try {
        const tight = await makeLog({
          dir: dir.dir,
          seed: 'audit-3',
          players: 2,
          roundsPerPlayer: 40,
          variant: 'tight',
        });
        expect(
          (await verify(tight.log, tight.gameText, { variant: 'tight', ledger: tight.ledger })).findings,
        ).toEqual([]);
        const wrong = await verify(tight.log, tight.gameText, { variant: null });
        expect(brief(wrong.findings)).toEqual(['log:1 identity game.variant']);
      } finally {
        dir.remove();
      }
    });

    it('a log naming a variant the game file lacks → reported, and its rounds are counted as not replayed', async () => {
      const edited = rechainFrom(
        lines.map((l, i) =>
          i === 0 || records[i]!.type === 'round' || records[i]!.type === 'void'
            ? JSON.stringify({ ...parse(l), game: { ...(parse(l).game as Json), variant: 'gone' } })
            : l,
        ),
        0,
      );
      const { findings, report } = await verifyLines(edited);
      expect(findingsAt(findings, 1).map((f) => f.field)).toContain('game.variant');
      expect(report.rounds.notReplayed).toBe(449);
    });
  });

  describe('the ledger edited', () => {
    let ledger: string[];
    beforeAll(() => {
      ledger = readLines(made.ledger);
    });
    const entries = (): Json[] => ledger.map(parse);
    const lineOfRef = (ref: string): number =>
      records.findIndex((r) => JSON.stringify(r.tx ?? null).includes(`"${ref}"`)) + 1;

    it('an amount changed → the log line naming it, and the broken running balance in the ledger', async () => {
      const i = sample(
        entries().flatMap((e, k) => (e.type === 'credit' ? [k] : [])),
        'ledger-amount',
      );
      const e = entries()[i]!;
      const edited = [...ledger];
      edited[i] = JSON.stringify({ ...e, amount: (e.amount as number) + 1 });
      const { findings } = await verifyLines(lines, { ledgerLines: edited });
      expect(findingsAt(findings, lineOfRef(e.ref as string)).map((f) => f.kind)).toContain(
        'ledger-mismatch',
      );
      expect(findings.filter((f) => f.source === 'ledger' && f.line === i + 1).map((f) => f.kind)).toContain(
        'ledger-entry',
      );
    });

    it('an entry deleted → the log line whose transaction is missing', async () => {
      const i = sample(
        entries().flatMap((e, k) => (e.type === 'debit' ? [k] : [])),
        'ledger-delete',
      );
      const e = entries()[i]!;
      const { findings } = await verifyLines(lines, { ledgerLines: ledger.filter((_, k) => k !== i) });
      expect(findingsAt(findings, lineOfRef(e.ref as string)).map((f) => f.kind)).toContain('ledger-missing');
    });

    it('an entry duplicated → reported at the copy', async () => {
      const i = sample(
        entries().flatMap((e, k) => (e.type === 'debit' ? [k] : [])),
        'ledger-dup',
      );
      const edited = [...ledger.slice(0, i + 1), ledger[i]!, ...ledger.slice(i + 1)];
      const { findings } = await verifyLines(lines, { ledgerLines: edited });
      expect(findings.filter((f) => f.source === 'ledger' && f.line === i + 2).map((f) => f.kind)).toContain(
        'ledger-duplicate',
      );
    });

    it('a movement no round explains, with consistent balances → reported at its ledger line', async () => {
      const last = entries().at(-1)!;
      const player = last.player as string;
      const balance = entries()
        .filter((e) => e.player === player)
        .at(-1)!.balance as number;
      const extra = {
        amount: 500,
        at: last.at,
        balance: balance + 500,
        player,
        ref: 'bonus-for-a-friend',
        seq: (last.seq as number) + 1,
        type: 'credit',
      };
      const { findings } = await verifyLines(lines, { ledgerLines: [...ledger, JSON.stringify(extra)] });
      expect(brief(findings)).toEqual([`ledger:${ledger.length + 1} ledger-unexplained ref`]);
    });

    it('a debit moved to another player → reported at the log line', async () => {
      const i = sample(
        entries().flatMap((e, k) => (e.type === 'debit' ? [k] : [])),
        'ledger-player',
      );
      const e = entries()[i]!;
      const edited = [...ledger];
      edited[i] = JSON.stringify({ ...e, player: e.player === 'player-1' ? 'player-2' : 'player-1' });
      const { findings } = await verifyLines(lines, { ledgerLines: edited });
      expect(findingsAt(findings, lineOfRef(e.ref as string)).map((f) => f.field)).toContain('player');
    });

    it('a line of garbage in the ledger → reported at its ledger line', async () => {
      const { findings } = await verifyLines(lines, {
        ledgerLines: [...ledger.slice(0, 3), 'garbage', ...ledger.slice(3)],
      });
      expect(findings.filter((f) => f.source === 'ledger' && f.line === 4).map((f) => f.kind)).toContain(
        'ledger-entry',
      );
    });
  });
});

/**
 * The records and fields of format version 2 — the header's signing and content hash, signed
 * checkpoints, recovery records, the end record's counts and signature — edited the same ways, on a
 * signed log that a full disk stopped (a win left pending) and `slotsim recover` then closed.
 */
describe('the mutation suite, version 2 records (signed, recovered log)', () => {
  const dir = tempDir();
  let v2: string[];
  let v2ledger: string;
  let publicKey: PublicSigningKey;
  beforeAll(async () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const pem = join(dir.dir, 'key.pem');
    writeFileSync(pem, privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const signing = readSigningKey(pem);
    publicKey = { key: signing.key, keyId: signing.keyId };
    const game = fixtureGame();
    const log = join(dir.dir, 'v2.jsonl');
    v2ledger = join(dir.dir, 'v2.ledger.jsonl');
    // The first winning round's credit hits the full disk (entries: 2 deposits, then debits).
    const rng = createRng('aes-128-ctr', 'mutation-v2', 0);
    const wins: number[] = [];
    for (let i = 0; wins.length < 12; i++) if (playRound(game, rng).total > 0) wins.push(i);
    const firstWinAfter = wins.find((w) => w >= 9)!;
    await runPlay({
      game,
      rounds: firstWinAfter + 1,
      auditLog: log,
      ledger: v2ledger,
      players: 1,
      balance: 100_000,
      bet: game.betCredits,
      hmacKey: null,
      signing: { key: signing, every: 3 },
      fsync: false,
      rng: createRng('aes-128-ctr', 'mutation-v2', 0),
      gameText: FIXTURE_TEXT,
      ledgerStore: fillingDisk(v2ledger, 1 + firstWinAfter + 1 + wins.indexOf(firstWinAfter)),
    });
    await recoverLog({ log, ledger: v2ledger, hmacKey: null, signing, fsync: false });
    v2 = readLines(log);
  });
  afterAll(() => dir.remove());

  const typed = (type: string) => (r: Json) => r.type === type;
  interface V2Mutation {
    readonly name: string;
    readonly where: (r: Json) => boolean;
    readonly edit: (r: Json) => void;
    /** Found when re-chained and verified without the public key (null: only a signature tells). */
    readonly unkeyed: FindingKind | null;
    /** At the record's own line (else anywhere). */
    readonly atLine?: boolean;
  }
  const V2: readonly V2Mutation[] = [
    {
      name: 'header signing.every',
      where: typed('header'),
      edit: to('signing.every', 1),
      unkeyed: 'signature',
    },
    {
      name: 'header signing.keyId',
      where: typed('header'),
      edit: to('signing.keyId', '3'.repeat(64)),
      unkeyed: null,
    },
    {
      name: 'header gameContentSha256',
      where: typed('header'),
      edit: to('gameContentSha256', '4'.repeat(64)),
      unkeyed: null,
    },
    {
      name: 'checkpoint rounds',
      where: typed('checkpoint'),
      edit: bump('rounds'),
      unkeyed: 'structure',
      atLine: true,
    },
    {
      name: 'checkpoint at',
      where: typed('checkpoint'),
      edit: to('at', '2020-01-01T00:00:00.000Z'),
      unkeyed: null,
    },
    {
      name: 'checkpoint signature',
      where: typed('checkpoint'),
      edit: (r) => set(r, 'signature', `${'A'.repeat(86)}==`),
      unkeyed: null,
    },
    {
      name: 'recovery action',
      where: typed('recovery'),
      edit: to('action', 'refunded'),
      unkeyed: 'money',
      atLine: true,
    },
    {
      name: 'recovery credit amount',
      where: typed('recovery'),
      edit: bump('tx.credit.amount', 5),
      unkeyed: 'money',
      atLine: true,
    },
    {
      name: 'recovery balance.after',
      where: typed('recovery'),
      edit: bump('balance.after', 5),
      unkeyed: 'money',
      atLine: true,
    },
    {
      name: 'recovery roundId',
      where: typed('recovery'),
      edit: to('roundId', 'another-round'),
      unkeyed: 'money',
      atLine: true,
    },
    {
      name: 'recovery reason',
      where: typed('recovery'),
      edit: to('reason', 'nothing to see'),
      unkeyed: null,
    },
    {
      name: 'end recoveries',
      where: typed('end'),
      edit: bump('recoveries'),
      unkeyed: 'structure',
      atLine: true,
    },
    {
      name: 'end ledgerEntries',
      where: typed('end'),
      edit: bump('ledgerEntries', -1),
      unkeyed: 'ledger-entry',
    },
    {
      name: 'end recovered.at',
      where: typed('end'),
      edit: to('recovered.at', '2020-01-01T00:00:00.000Z'),
      unkeyed: null,
    },
    {
      name: 'end signature',
      where: typed('end'),
      edit: (r) => set(r, 'signature', `${'B'.repeat(86)}==`),
      unkeyed: null,
    },
  ];

  it('the log holds every version 2 record kind, and verifies with its key and ledger', async () => {
    const types = v2.map((l) => parse(l).type);
    for (const t of ['header', 'round', 'checkpoint', 'recovery', 'end']) expect(types).toContain(t);
    const file = join(dir.dir, 'as-is.jsonl');
    writeLines(file, v2);
    const { findings } = await verify(file, FIXTURE_TEXT, { ledger: v2ledger, publicKey });
    expect(brief(findings)).toEqual([]);
  });

  let n = 0;
  const check = async (edited: readonly string[], options: { key: boolean; ledger: boolean }) => {
    const file = join(dir.dir, `v2-${++n}.jsonl`);
    writeLines(file, edited);
    return (
      await verify(file, FIXTURE_TEXT, {
        ...(options.key ? { publicKey } : {}),
        ...(options.ledger ? { ledger: v2ledger } : {}),
      })
    ).findings;
  };

  describe("the ledger's seal", () => {
    const withLedger = async (ledgerLines: readonly string[]) => {
      const file = join(dir.dir, `v2-seal-${++n}.ledger.jsonl`);
      writeLines(file, ledgerLines);
      const log = join(dir.dir, `v2-seal-${n}.jsonl`);
      writeLines(log, v2);
      return (await verify(log, FIXTURE_TEXT, { ledger: file, publicKey })).findings;
    };
    const sealed = (): string[] => readLines(v2ledger);

    it('names another end record → a mismatch at the seal', async () => {
      const lines = sealed();
      const seal = parse(lines.at(-1)!);
      (seal.log as Json).hash = '5'.repeat(64);
      const findings = await withLedger([...lines.slice(0, -1), JSON.stringify(seal)]);
      expect(findings.map((f) => [f.source, f.line, f.kind])).toEqual([
        ['ledger', lines.length, 'ledger-mismatch'],
      ]);
    });

    it('removed → the ledger is not closed', async () => {
      const lines = sealed();
      const findings = await withLedger(lines.slice(0, -1));
      expect(findings.map((f) => [f.source, f.kind])).toEqual([['ledger', 'truncated']]);
    });

    it('counting other entries → reported at the seal', async () => {
      const lines = sealed();
      const seal = parse(lines.at(-1)!);
      seal.entries = (seal.entries as number) - 1;
      const findings = await withLedger([...lines.slice(0, -1), JSON.stringify(seal)]);
      expect(findings.map((f) => [f.source, f.line, f.kind, f.field])).toEqual([
        ['ledger', lines.length, 'ledger-entry', 'entries'],
      ]);
    });

    it('an entry after it → reported', async () => {
      const lines = sealed();
      const findings = await withLedger([...lines, lines[0]!]);
      expect(findings.some((f) => f.source === 'ledger' && f.line === lines.length + 1)).toBe(true);
    });
  });

  describe.each(V2)('$name', (m) => {
    const index = (): number => v2.findIndex((l) => m.where(parse(l)));

    it('edited, its hash left as it was → a hash finding at its line', async () => {
      const i = index();
      const findings = await check(editLine(v2, i, m.edit, 'naive'), { key: false, ledger: false });
      expect(findingsAt(findings, i + 1).map((f) => f.kind)).toContain('hash');
    });

    it('edited and the whole chain rebuilt → the public key catches it', async () => {
      const i = index();
      const findings = await check(editLine(v2, i, m.edit, 'rechain'), { key: true, ledger: false });
      expect(findings.filter((f) => f.kind === 'hash' || f.kind === 'link')).toEqual([]);
      expect(
        findings.some((f) => f.kind === 'signature' || f.kind === 'key'),
        brief(findings).join('; '),
      ).toBe(true);
    });

    it.skipIf(m.unkeyed === null)(
      'edited and the whole chain rebuilt → still found without the key',
      async () => {
        const i = index();
        const findings = await check(editLine(v2, i, m.edit, 'rechain'), {
          key: false,
          ledger: m.unkeyed === 'ledger-entry',
        });
        const kinds = (m.atLine === true ? findingsAt(findings, i + 1) : findings).map((f) => f.kind);
        expect(kinds, brief(findings).join('; ')).toContain(m.unkeyed);
      },
    );
  });
});
