/**
 * Verify's fast path for a round line, which is nearly every line of a log: a strict scanner for
 * the one layout the writer produces (canonical JSON: members in key order, no whitespace, whole
 * numbers, strings without escapes). Instead of parsing the outcome — most of the line — it plays
 * the round from the recorded draws and checks that the outcome's text is exactly the replayed
 * outcome's canonical JSON (`outcome-json.ts`).
 *
 * It accepts a line only when `JSON.parse` would give exactly the record it builds and the
 * defensive decoder (`decode-record.ts`) would accept that record; anything else — another
 * layout, an escape, a field out of range, an outcome that differs from the replay — returns null
 * and the line takes the full path, which parses it all and reports what is wrong.
 * `test/audit/round-line-scanner.test.ts` checks both directions on generated and mutated lines.
 */
import { isHashText } from './chain-hasher.js';
import { ISO_TIME, MAX_ID } from './decode-record.js';
import type { GameVariants } from './game-variants.js';
import { modeOf } from './logged-game.js';
import type { CreditStatus, CreditTx, DrawPair, GameIdentity, RoundRecord } from './record.js';
import { replayDraws, type DrawReplay } from './replay-record.js';
import { outcomeText } from './round-outcome.js';
import { TextCursor } from './text-cursor.js';

/** A round record as scanned: the record, with the hash member the line ends with. */
export type ScannedRecord = RoundRecord & { readonly hash: string };

export interface ScannedRound {
  readonly record: ScannedRecord;
  /** The replay of the record's draws; its outcome is the record's `outcome`. */
  readonly replay: DrawReplay;
}

/** How a canonical round line starts (its first member is the balance). */
export const ROUND_LINE_START = '{"balance":';

const QUOTE = 0x22;
const OPEN = 0x5b; // [
const CLOSE = 0x5d; // ]
const COMMA = 0x2c;
const HASH_DIGITS = 64;
/** A JSON string the writer writes: no escape, no control character; 1 to MAX_ID characters. */
const ID = `"([^"\\\\\\x00-\\x1f]{1,${MAX_ID}})"`;
/** Whole numbers as JSON writes safe integers (checked for 2^53 after the match). */
const WHOLE = '(0|[1-9]\\d{0,15})';
const POSITIVE = '([1-9]\\d{0,15})';
/** The decoder's timestamp pattern, its one group made non-capturing. */
const TIME = ISO_TIME.source.slice(1, -1).replace('(', '(?:');
/**
 * Everything after a round's outcome, from `,"player":` to the end of the line, in canonical order
 * (the same checks as the decoder: ids, a hash for prev, a timestamp, the tx shapes). Sticky: it
 * matches at `lastIndex` or not at all.
 */
const TAIL = new RegExp(
  [
    `,"player":${ID},"prev":"([0-9a-f]{64})","rng":${ID},"roundId":${ID},"seq":${POSITIVE}`,
    `,"session":${ID},"slotsim":${ID},"stake":${POSITIVE},"startedAt":"(${TIME})"`,
    `,"tx":\\{"credit":(?:null|\\{"amount":${WHOLE},"ref":${ID},"status":"(paid|pending)"\\})`,
    `,"debit":\\{"amount":${WHOLE},"ref":${ID}\\}\\},"type":"round","hash":"([^"\\\\\\x00-\\x1f]{64})"\\}$`,
  ].join(''),
  'y',
);

export class RoundLineScanner extends TextCursor {
  private readonly games: GameVariants;
  private lastGame: { readonly text: string; readonly game: GameIdentity } | null = null;

  constructor(games: GameVariants) {
    super();
    this.games = games;
  }

  /**
   * The record of a round line in canonical layout whose outcome replays exactly, or null.
   * `digest` is the line's hash as computed (the hash member is usually exactly that).
   */
  scan(text: string, digest: string | null = null): ScannedRound | null {
    this.text = text;
    this.pos = 0;
    const scanned = this.round(digest);
    this.text = '';
    return scanned;
  }

  private round(digest: string | null): ScannedRound | null {
    if (!this.lit('{"balance":{"after":')) return null;
    const after = this.readInt();
    if (!this.lit(',"before":')) return null;
    const before = this.readInt();
    if (Number.isNaN(after) || Number.isNaN(before) || !this.lit('},"draws":')) return null;
    const draws = this.draws();
    if (draws === null || !this.lit(',"endedAt":')) return null;
    const endedAt = this.time();
    if (endedAt === null || !this.lit(',"game":')) return null;
    const game = this.game();
    const mode = game === null ? 'base' : modeOf(game);
    if (game === null || !this.lit(',"outcome":') || !this.games.has(game.variant, mode)) return null;

    // The outcome: the round played again from the recorded draws must give exactly this text.
    const replay = replayDraws(this.games.get(game.variant, mode), draws, 'replay');
    if (replay.outcome === null || !this.lit(outcomeText(replay.outcome))) return null;

    // The members after the outcome, in one match of TAIL (native code).
    TAIL.lastIndex = this.pos;
    const m = TAIL.exec(this.text);
    if (m === null) return null;
    // Groups 1–9 and 13–15 take part in every match; 10–12 only with a credit.
    const player = m[1]!;
    const prev = m[2]!;
    const rng = m[3]!;
    const roundId = m[4]!;
    const seqText = m[5]!;
    const session = m[6]!;
    const slotsim = m[7]!;
    const stakeText = m[8]!;
    const startedAt = m[9]!;
    const creditAmountText = m[10];
    const debitAmountText = m[13]!;
    const debitRef = m[14]!;
    const hashText = m[15]!;
    const seq = Number(seqText);
    const stake = Number(stakeText);
    const debitAmount = Number(debitAmountText);
    const creditAmount = creditAmountText === undefined ? 0 : Number(creditAmountText);
    if (![seq, stake, debitAmount, creditAmount].every(Number.isSafeInteger)) return null;
    // The final hash member: usually exactly the digest the verifier computed, else checked here.
    const hash = hashText === digest ? digest : isHashText(hashText) ? hashText : null;
    if (hash === null) return null;
    const credit: CreditTx | null =
      creditAmountText === undefined
        ? null
        : { amount: creditAmount, ref: m[11]!, status: m[12] as CreditStatus };
    const record: ScannedRecord = {
      balance: { after, before },
      draws,
      endedAt,
      game,
      outcome: replay.outcome,
      player,
      prev,
      rng,
      roundId,
      seq,
      session,
      slotsim,
      stake,
      startedAt,
      tx: { credit, debit: { amount: debitAmount, ref: debitRef } },
      type: 'round',
      hash,
    };
    return { record, replay };
  }

  /**
   * The game object. Every round of a log names the same game, so its text is first compared
   * with the last one read (and checked) before it is parsed.
   */
  private game(): GameIdentity | null {
    const start = this.pos;
    const last = this.lastGame;
    if (last !== null && this.lit(last.text)) return { ...last.game };
    if (!this.lit('{"id":')) return null;
    const id = this.id();
    if (id === null) return null;
    // A format-2 game's mode (format 1's records have none).
    let mode: string | null = null;
    if (this.lit(',"mode":')) {
      mode = this.id();
      if (mode === null) return null;
    }
    if (!this.lit(',"sha256":')) return null;
    const sha256 = this.hash();
    if (sha256 === null || !this.lit(',"variant":')) return null;
    let variant: string | null = null;
    if (!this.lit('null')) {
      variant = this.id();
      if (variant === null) return null;
    }
    if (!this.lit(',"version":')) return null;
    const version = this.id();
    if (version === null || !this.lit('}')) return null;
    const game: GameIdentity =
      mode === null ? { id, sha256, variant, version } : { id, mode, sha256, variant, version };
    this.lastGame = { text: this.text.slice(start, this.pos), game };
    return { ...game };
  }

  /** `[[bound,value],…]`, each a whole number. */
  private draws(): DrawPair[] | null {
    if (!this.char(OPEN)) return null;
    const draws: DrawPair[] = [];
    if (this.char(CLOSE)) return draws;
    do {
      if (!this.char(OPEN)) return null;
      const bound = this.readInt();
      if (!this.char(COMMA)) return null;
      const value = this.readInt();
      if (Number.isNaN(bound) || Number.isNaN(value) || !this.char(CLOSE)) return null;
      draws.push([bound, value]);
    } while (this.char(COMMA));
    return this.char(CLOSE) ? draws : null;
  }

  /** A non-empty string of at most MAX_ID characters (ids, names, references), or null. */
  private id(): string | null {
    const s = this.readString();
    return s !== null && s.length > 0 && s.length <= MAX_ID ? s : null;
  }

  private time(): string | null {
    const s = this.readString();
    return s !== null && ISO_TIME.test(s) ? s : null;
  }

  /** 64 lowercase hex digits in quotes. */
  private hash(): string | null {
    const text = this.text;
    const start = this.pos;
    if (text.charCodeAt(start) !== QUOTE || text.charCodeAt(start + HASH_DIGITS + 1) !== QUOTE) return null;
    const s = text.slice(start + 1, start + HASH_DIGITS + 1);
    if (!isHashText(s)) return null;
    this.pos = start + HASH_DIGITS + 2;
    return s;
  }
}
