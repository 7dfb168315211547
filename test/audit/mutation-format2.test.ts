/**
 * The mutation suite, format-2 records: logs of format-2 games written through the real round
 * service are edited in every format-2 field a record has — reel heights, drawn values, the cells
 * of a win, the removed cells and the refill of a tumble, the ladder, the multiplier symbols, the
 * factor and the meter, sticky and expanded wilds, the hold-and-win coins, landings, respins and
 * jackpots, the mode's start, the mode and its cost — and every edit must be reported at its line,
 * with the right kind and field, whether the tamperer left the hash, re-hashed the record or
 * rebuilt the whole chain. (`mutation.test.ts` holds the rest of the suite.)
 */
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding, FindingKind } from '../../src/audit/finding.js';
import { editLine, get, parse, set, type Json } from './edit-log.js';
import { format2File } from './format2-games.js';
import { brief, makeLog, readLines, tempDir, verify, writeLines, type MadeLog } from './make-log.js';

const SEED = 'mutation-format2';
const tmp = tempDir('slotsim-mutation-f2-');
afterAll(() => tmp.remove());

/** The logs edited: one per test game and mode, 2 players × 15 rounds. */
const LOGS = {
  tumble: { game: 'tumbling-lines', mode: 'base' },
  cluster: { game: 'cluster', mode: 'base' },
  heights: { game: 'heights', mode: 'base' },
  coins: { game: 'hold-and-win', mode: 'coins' },
  sticky: { game: 'sticky-expanding', mode: 'base' },
  buy: { game: 'anywhere', mode: 'buy' },
} as const;
type LogName = keyof typeof LOGS;

const logs = new Map<LogName, { made: MadeLog; lines: string[]; records: Json[] }>();

beforeAll(async () => {
  for (const [name, { game, mode }] of Object.entries(LOGS) as [LogName, (typeof LOGS)[LogName]][]) {
    const made = await makeLog({
      dir: tmp.dir,
      seed: `${SEED}/${name}`,
      players: 2,
      roundsPerPlayer: 15,
      gameText: format2File(game).text,
      mode,
      name,
    });
    const lines = readLines(made.log);
    logs.set(name, { made, lines, records: lines.map(parse) });
  }
});

function logOf(name: LogName) {
  const log = logs.get(name);
  if (log === undefined) throw new Error(`no log ${name}`);
  return log;
}

let counter = 0;
async function verifyLines(name: LogName, edited: readonly string[]): Promise<Finding[]> {
  const { made } = logOf(name);
  const file = join(tmp.dir, `edited-${++counter}.jsonl`);
  writeLines(file, edited);
  return [...(await verify(file, made.gameText, { ledger: made.ledger })).findings];
}

const isRound = (r: Json): boolean => r.type === 'round';
const outcome = (r: Json): Json => r.outcome as Json;
const paid = (r: Json): Json | null => outcome(r).paid as Json | null;
const spinsOf = (r: Json): Json[] => [
  ...(paid(r) === null ? [] : [paid(r)!]),
  ...(((outcome(r).freeSpins as Json | null)?.spins as Json[] | undefined) ?? []),
];
const paidEvaluations = (r: Json): Json[] =>
  isRound(r) && paid(r) !== null ? (paid(r)!.evaluations as Json[]) : [];
/** The first evaluation of the paid spin that tumbled (it has a refill). */
const tumbled = (r: Json): boolean => paidEvaluations(r).some((e) => e.refill !== null);
const firstTumble = (r: Json): number => paidEvaluations(r).findIndex((e) => e.refill !== null);
const tumblePath = (r: Json): string => `outcome.paid.evaluations[${firstTumble(r)}]`;
const freeSpinIndex = (r: Json, p: (s: Json) => boolean): number =>
  (((outcome(r).freeSpins as Json | null)?.spins as Json[] | undefined) ?? []).findIndex(p);
const hasFreeSpin = (p: (s: Json) => boolean) => (r: Json) => isRound(r) && freeSpinIndex(r, p) >= 0;
const freeSpinPath = (r: Json, p: (s: Json) => boolean): string =>
  `outcome.freeSpins.spins[${freeSpinIndex(r, p)}]`;
const holdAndWin = (r: Json): Json => outcome(r).holdAndWin as Json;
const landed = (r: Json): number =>
  ((holdAndWin(r).respins as Json[] | undefined) ?? []).findIndex(
    (x) => (x.landings as unknown[]).length > 0,
  );

const bump =
  (path: string | ((r: Json) => string), by = 1) =>
  (r: Json) => {
    const p = typeof path === 'string' ? path : path(r);
    set(r, p, (get(r, p) as number) + by);
  };
const to = (path: string, value: unknown) => (r: Json) => set(r, path, value);

interface Mutation {
  readonly name: string;
  readonly log: LogName;
  readonly where: (r: Json) => boolean;
  readonly edit: (r: Json) => void;
  /** What must be found at the record's line (or `after` lines later) once the chain is rebuilt. */
  readonly kind: FindingKind;
  /** The finding's field starts with this. */
  readonly field: string | ((r: Json) => string);
  readonly after?: number;
}

const meterSpin = (s: Json): boolean => typeof s.meter === 'number' && s.meter > 0;
const factorSpin = (s: Json): boolean => (s.factor as number) > 1;
const stickySpin = (s: Json): boolean => (s.sticky as unknown[]).length > 0;
const expandedSpin = (s: Json): boolean => (s.expanded as unknown[]).length > 0;
const eachScatter = (r: Json): boolean => paidEvaluations(r).some((e) => e.scatter !== null);

const MUTATIONS: readonly Mutation[] = [
  // identity, stake and the mode
  {
    name: 'game.mode',
    log: 'coins',
    where: isRound,
    edit: to('game.mode', 'base'),
    kind: 'identity',
    field: 'game.mode',
  },
  {
    name: 'stake',
    log: 'coins',
    where: isRound,
    edit: to('stake', 10),
    kind: 'replay-outcome',
    field: 'stake',
  },
  {
    name: 'outcome.mode',
    log: 'coins',
    where: isRound,
    edit: to('outcome.mode', 'base'),
    kind: 'replay-outcome',
    field: 'outcome.mode',
  },
  {
    name: 'outcome.cost',
    log: 'coins',
    where: isRound,
    edit: bump('outcome.cost', -1),
    kind: 'replay-outcome',
    field: 'outcome.cost',
  },
  {
    name: 'outcome.format',
    log: 'tumble',
    where: isRound,
    edit: to('outcome.format', 1),
    kind: 'replay-outcome',
    field: 'outcome.format',
  },
  {
    name: 'header game.mode (a mode the file has)',
    log: 'coins',
    where: (r) => r.type === 'header',
    edit: to('game.mode', 'base'),
    kind: 'identity',
    field: 'game.mode',
    after: 1,
  },
  {
    name: 'header game.mode (a mode the file lacks)',
    log: 'coins',
    where: (r) => r.type === 'header',
    edit: to('game.mode', 'turbo'),
    kind: 'identity',
    field: 'game.mode',
  },
  // the mode's start
  {
    name: 'start: spins',
    log: 'buy',
    where: isRound,
    edit: bump('outcome.start.spins'),
    kind: 'replay-outcome',
    field: 'outcome.start.spins',
  },
  {
    name: 'start: coins',
    log: 'coins',
    where: isRound,
    edit: bump('outcome.start.coins'),
    kind: 'replay-outcome',
    field: 'outcome.start.coins',
  },
  {
    name: 'start: a placement',
    log: 'coins',
    where: isRound,
    edit: bump('outcome.start.placements[0][0]'),
    kind: 'replay-outcome',
    field: 'outcome.start.placements[0]',
  },
  {
    name: 'start: kind',
    log: 'buy',
    where: isRound,
    edit: to('outcome.start.kind', 'holdAndWin'),
    kind: 'replay-outcome',
    field: 'outcome.start.kind',
  },
  // reel heights and drawn values
  {
    name: 'heights',
    log: 'heights',
    where: isRound,
    edit: bump('outcome.paid.heights[2]'),
    kind: 'replay-outcome',
    field: 'outcome.paid.heights[2]',
  },
  {
    name: 'a value drawn at the reveal',
    log: 'heights',
    where: (r) => isRound(r) && (paid(r)!.values as unknown[]).length > 0,
    edit: bump('outcome.paid.values[0].value'),
    kind: 'replay-outcome',
    field: 'outcome.paid.values[0].value',
  },
  {
    name: "a value's cell",
    log: 'heights',
    where: (r) => isRound(r) && (paid(r)!.values as unknown[]).length > 0,
    edit: bump('outcome.paid.values[0].cell[1]'),
    kind: 'replay-outcome',
    field: 'outcome.paid.values[0].cell[1]',
  },
  {
    name: 'stops',
    log: 'heights',
    where: isRound,
    edit: bump('outcome.paid.stops[0]'),
    kind: 'replay-outcome',
    field: 'outcome.paid.stops[0]',
  },
  // a tumble: window, wins and their cells, removed cells, refill, ladder
  {
    name: "a window's symbol",
    log: 'tumble',
    where: tumbled,
    edit: (r) =>
      set(r, `${tumblePath(r)}.window[0][0]`, get(r, `${tumblePath(r)}.window[0][0]`) === 'A' ? 'K' : 'A'),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.window[0][0]`,
  },
  {
    name: "a win's cell",
    log: 'tumble',
    where: tumbled,
    edit: (r) => set(r, `${tumblePath(r)}.wins[0].cells[0]`, [4, 2]),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.wins[0].cells[0]`,
  },
  {
    name: "a win's cell dropped",
    log: 'tumble',
    where: tumbled,
    edit: (r) => (get(r, `${tumblePath(r)}.wins[0].cells`) as unknown[]).pop(),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.wins[0].cells`,
  },
  {
    name: "a win's pay",
    log: 'tumble',
    where: tumbled,
    edit: bump((r) => `${tumblePath(r)}.wins[0].pay`, 5),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.wins[0].pay`,
  },
  {
    name: "a win's wild multiplier",
    log: 'tumble',
    where: (r) =>
      paidEvaluations(r).some((e) => (e.wins as Json[]).some((w) => (w.wildMultiplier as number) > 1)),
    edit: (r) => {
      const w = paidEvaluations(r)
        .flatMap((e) => e.wins as Json[])
        .find((x) => (x.wildMultiplier as number) > 1)!;
      w.wildMultiplier = 1;
    },
    kind: 'replay-outcome',
    field: 'outcome.paid.evaluations',
  },
  {
    name: 'a removed cell',
    log: 'tumble',
    where: tumbled,
    edit: (r) => (get(r, `${tumblePath(r)}.removed`) as unknown[]).pop(),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.removed`,
  },
  {
    name: 'a removed cell added',
    log: 'tumble',
    where: tumbled,
    edit: (r) => (get(r, `${tumblePath(r)}.removed`) as unknown[]).push([4, 2]),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.removed`,
  },
  {
    name: "a refill's symbol (strip)",
    log: 'tumble',
    where: tumbled,
    edit: (r) => {
      const path = `${tumblePath(r)}.refill.cells[0].symbol`;
      set(r, path, get(r, path) === 'A' ? 'K' : 'A');
    },
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.refill.cells[0].symbol`,
  },
  {
    name: "a refill's cell",
    log: 'tumble',
    where: tumbled,
    edit: bump((r) => `${tumblePath(r)}.refill.cells[0].cell[0]`),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.refill.cells[0].cell[0]`,
  },
  {
    name: "a refill's stop (redraw)",
    log: 'cluster',
    where: tumbled,
    edit: bump((r) => `${tumblePath(r)}.refill.stops[0].stop`),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.refill.stops[0].stop`,
  },
  {
    name: "a refill's values",
    log: 'cluster',
    where: (r) =>
      paidEvaluations(r).some(
        (e) => e.refill !== null && ((e.refill as Json).values as unknown[]).length > 0,
      ),
    edit: (r) => {
      const e = paidEvaluations(r).find(
        (x) => x.refill !== null && ((x.refill as Json).values as unknown[]).length > 0,
      )!;
      ((e.refill as Json).values as unknown[]).pop();
    },
    kind: 'replay-outcome',
    field: 'outcome.paid.evaluations',
  },
  {
    name: 'a refill removed',
    log: 'tumble',
    where: tumbled,
    edit: (r) => set(r, `${tumblePath(r)}.refill`, null),
    kind: 'replay-outcome',
    field: (r) => `${tumblePath(r)}.refill`,
  },
  {
    name: 'a window of the tumble removed',
    log: 'tumble',
    where: tumbled,
    edit: (r) => (paid(r)!.evaluations as unknown[]).pop(),
    kind: 'replay-outcome',
    field: 'outcome.paid.evaluations',
  },
  {
    name: 'the ladder',
    log: 'tumble',
    where: tumbled,
    edit: bump((r) => `outcome.paid.evaluations[${firstTumble(r) + 1}].ladder`),
    kind: 'replay-outcome',
    field: (r) => `outcome.paid.evaluations[${firstTumble(r) + 1}].ladder`,
  },
  {
    name: 'a window\'s scatter ("each")',
    log: 'cluster',
    where: eachScatter,
    edit: (r) => {
      const e = paidEvaluations(r).find((x) => x.scatter !== null)!;
      (e.scatter as Json).pay = ((e.scatter as Json).pay as number) + 1;
    },
    kind: 'replay-outcome',
    field: 'outcome.paid.evaluations',
  },
  // multipliers: the multiplier symbols, the factor, the meter
  {
    name: 'multiplier symbols',
    log: 'cluster',
    where: (r) => isRound(r) && paid(r)!.multiplierSymbols !== null,
    edit: bump('outcome.paid.multiplierSymbols'),
    kind: 'replay-outcome',
    field: 'outcome.paid.multiplierSymbols',
  },
  {
    name: 'factor',
    log: 'cluster',
    where: (r) => isRound(r) && spinsOf(r).some(factorSpin),
    edit: (r) => {
      const s = spinsOf(r).find(factorSpin)!;
      s.factor = 1;
    },
    kind: 'replay-outcome',
    field: 'outcome',
  },
  {
    name: 'meter',
    log: 'buy',
    where: hasFreeSpin(meterSpin),
    edit: bump((r) => `${freeSpinPath(r, meterSpin)}.meter`, 2),
    kind: 'replay-outcome',
    field: (r) => `${freeSpinPath(r, meterSpin)}.meter`,
  },
  // sticky and expanding wilds
  {
    name: 'a sticky wild',
    log: 'sticky',
    where: hasFreeSpin(stickySpin),
    edit: bump((r) => `${freeSpinPath(r, stickySpin)}.sticky[0].value`),
    kind: 'replay-outcome',
    field: (r) => `${freeSpinPath(r, stickySpin)}.sticky[0].value`,
  },
  {
    name: 'an expanded reel',
    log: 'sticky',
    where: hasFreeSpin(expandedSpin),
    edit: bump((r) => `${freeSpinPath(r, expandedSpin)}.expanded[0].reel`),
    kind: 'replay-outcome',
    field: (r) => `${freeSpinPath(r, expandedSpin)}.expanded[0].reel`,
  },
  // hold and win
  {
    name: 'a starting coin',
    log: 'coins',
    where: isRound,
    edit: bump('outcome.holdAndWin.initial[0].credits', 10),
    kind: 'replay-outcome',
    field: 'outcome.holdAndWin.initial[0].credits',
  },
  {
    name: "a landing's value",
    log: 'coins',
    where: (r) => isRound(r) && landed(r) >= 0,
    edit: (r) => {
      const path = `outcome.holdAndWin.respins[${landed(r)}].landings[0]`;
      const coin = get(r, path) as Json;
      set(r, path, { ...coin, value: 100, jackpot: null, credits: 1000 });
    },
    kind: 'replay-outcome',
    field: (r) => `outcome.holdAndWin.respins[${landed(r)}].landings[0]`,
  },
  {
    name: "a landing's cell",
    log: 'coins',
    where: (r) => isRound(r) && landed(r) >= 0,
    edit: bump((r) => `outcome.holdAndWin.respins[${landed(r)}].landings[0].cell[1]`),
    kind: 'replay-outcome',
    field: (r) => `outcome.holdAndWin.respins[${landed(r)}].landings[0].cell[1]`,
  },
  {
    name: 'a landing removed',
    log: 'coins',
    where: (r) => isRound(r) && landed(r) >= 0,
    edit: (r) => (get(r, `outcome.holdAndWin.respins[${landed(r)}].landings`) as unknown[]).pop(),
    kind: 'replay-outcome',
    field: (r) => `outcome.holdAndWin.respins[${landed(r)}].landings`,
  },
  {
    name: 'respins left',
    log: 'coins',
    where: isRound,
    edit: bump('outcome.holdAndWin.respins[0].respinsLeft'),
    kind: 'replay-outcome',
    field: 'outcome.holdAndWin.respins[0].respinsLeft',
  },
  {
    name: 'a respin removed',
    log: 'coins',
    where: isRound,
    edit: (r) => (holdAndWin(r).respins as unknown[]).pop(),
    kind: 'replay-outcome',
    field: 'outcome.holdAndWin.respins',
  },
  {
    name: 'a jackpot added',
    log: 'coins',
    where: isRound,
    edit: (r) => (holdAndWin(r).jackpots as unknown[]).push('GRAND'),
    kind: 'replay-outcome',
    field: 'outcome.holdAndWin.jackpots',
  },
  {
    name: 'full grid',
    log: 'coins',
    where: isRound,
    edit: to('outcome.holdAndWin.fullGrid', true),
    kind: 'replay-outcome',
    field: 'outcome.holdAndWin.fullGrid',
  },
  {
    name: 'hold-and-win win',
    log: 'coins',
    where: isRound,
    edit: bump('outcome.holdAndWin.win', 10),
    kind: 'replay-outcome',
    field: 'outcome.holdAndWin.win',
  },
  {
    name: 'components.holdAndWin',
    log: 'coins',
    where: isRound,
    edit: bump('outcome.components.holdAndWin', 10),
    kind: 'replay-outcome',
    field: 'outcome.components.holdAndWin',
  },
  // free spins: drawn awards and retriggers
  {
    name: 'a drawn award',
    log: 'tumble',
    where: (r) =>
      isRound(r) &&
      ((outcome(r).freeSpins as Json | null)?.awards as Json[] | undefined)?.some((a) => a.drawn) === true,
    edit: bump('outcome.freeSpins.awards[0].spins'),
    kind: 'replay-outcome',
    field: 'outcome.freeSpins.awards[0].spins',
  },
  {
    name: 'a free spin played as paid',
    log: 'tumble',
    where: hasFreeSpin(() => true),
    edit: to('outcome.freeSpins.spins[0].multiplier', 2),
    kind: 'replay-outcome',
    field: 'outcome.freeSpins.spins[0].multiplier',
  },
  // money still adds up to the format-2 outcome
  {
    name: 'total (and credit) raised',
    log: 'buy',
    where: (r) => isRound(r) && (r.tx as Json).credit !== null,
    edit: (r) => {
      bump('outcome.total', 1000)(r);
      bump('tx.credit.amount', 1000)(r);
      bump('balance.after', 1000)(r);
    },
    kind: 'replay-outcome',
    field: 'outcome.total',
  },
  {
    name: 'debit amount',
    log: 'buy',
    where: isRound,
    edit: bump('tx.debit.amount', -5),
    kind: 'money',
    field: 'tx.debit.amount',
  },
];

/** A deterministic sample: one of the matching records, chosen by the seed and the mutation's name. */
function index(m: Mutation): number {
  const matching = logOf(m.log).records.flatMap((r, i) => (m.where(r) ? [i] : []));
  if (matching.length === 0) throw new Error(`${m.name}: no record of log ${m.log} matches`);
  const h = createHash('sha256').update(`${SEED}/${m.name}`).digest().readUInt32BE(0);
  return matching[h % matching.length]!;
}

function at(findings: readonly Finding[], line: number): Finding[] {
  return findings.filter((f) => f.source === 'log' && f.line === line);
}

describe(`the mutation suite, format-2 records (seed ${SEED})`, () => {
  it('the unedited logs verify with their ledgers', async () => {
    for (const name of Object.keys(LOGS) as LogName[]) {
      const findings = await verifyLines(name, logOf(name).lines);
      expect(brief(findings), name).toEqual([]);
    }
  });

  describe.each(MUTATIONS)('$name ($log)', (m) => {
    const semantic = (findings: readonly Finding[], i: number): void => {
      const record = logOf(m.log).records[i]!;
      const field = typeof m.field === 'string' ? m.field : m.field(record);
      const line = i + 1 + (m.after ?? 0);
      const found = at(findings, line).filter((f) => f.kind === m.kind && (f.field ?? '').startsWith(field));
      expect(
        found.length,
        `${m.name} at line ${line}: ${brief(findings).slice(0, 12).join('; ')}`,
      ).toBeGreaterThan(0);
    };

    it('edited, its hash left as it was → a hash finding at its line', async () => {
      const i = index(m);
      const findings = await verifyLines(m.log, editLine(logOf(m.log).lines, i, m.edit, 'naive'));
      expect(at(findings, i + 1).map((f) => f.kind)).toContain('hash');
    });

    it("edited and re-hashed → the next record's link breaks, and the edit is reported", async () => {
      const i = index(m);
      const findings = await verifyLines(m.log, editLine(logOf(m.log).lines, i, m.edit, 'rehash'));
      expect(at(findings, i + 2).map((f) => f.kind)).toContain('link');
      semantic(findings, i);
    });

    it('edited and the whole chain rebuilt → still reported at its line, with its field', async () => {
      const i = index(m);
      const findings = await verifyLines(m.log, editLine(logOf(m.log).lines, i, m.edit, 'rechain'));
      expect(brief(findings.filter((f) => f.kind === 'hash' || f.kind === 'link'))).toEqual([]);
      semantic(findings, i);
    });
  });
});
