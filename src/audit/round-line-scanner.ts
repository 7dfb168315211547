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
import { outcomeJson } from './outcome-json.js';
import type { CreditStatus, CreditTx, DrawPair, GameIdentity, RoundRecord } from './record.js';
import { replayDraws, type DrawReplay } from './replay-record.js';
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
const CREDIT_STATUSES: readonly CreditStatus[] = ['paid', 'pending'];

/** The last value a string member had, and its JSON text (which needs no escapes). */
class Recent {
  value = '';
  quoted = '';

  set(value: string): void {
    this.value = value;
    this.quoted = `"${value}"`;
  }
}

export class RoundLineScanner extends TextCursor {
  private readonly games: GameVariants;
  private lastGame: { readonly text: string; readonly game: GameIdentity } | null = null;
  private readonly lastHash = new Recent();
  private readonly lastRng = new Recent();
  private readonly lastSlotsim = new Recent();

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
    if (game === null || !this.lit(',"outcome":') || !this.games.has(game.variant)) return null;

    // The outcome: the round played again from the recorded draws must give exactly this text.
    const replay = replayDraws(this.games.get(game.variant), draws, 'replay');
    if (replay.outcome === null || !this.lit(outcomeJson(replay.outcome))) return null;

    if (!this.lit(',"player":')) return null;
    const player = this.id();
    if (player === null || !this.lit(',"prev":')) return null;
    // A line's prev is the hash of the line before, which this scanner has usually just read.
    const prev = this.again(this.lastHash, 'hash');
    if (prev === null || !this.lit(',"rng":')) return null;
    const rng = this.again(this.lastRng, 'id');
    if (rng === null || !this.lit(',"roundId":')) return null;
    const roundId = this.id();
    if (roundId === null || !this.lit(',"seq":')) return null;
    const seq = this.readInt();
    if (!(seq >= 1) || !this.lit(',"session":')) return null;
    const session = this.id();
    if (session === null || !this.lit(',"slotsim":')) return null;
    const slotsim = this.again(this.lastSlotsim, 'id');
    if (slotsim === null || !this.lit(',"stake":')) return null;
    const stake = this.readInt();
    if (!(stake >= 1) || !this.lit(',"startedAt":')) return null;
    const startedAt = this.time();
    if (startedAt === null || !this.lit(',"tx":{"credit":')) return null;
    const credit = this.lit('null') ? null : this.credit();
    if (credit === undefined || !this.lit(',"debit":{"amount":')) return null;
    const debitAmount = this.readInt();
    if (!(debitAmount >= 0) || !this.lit(',"ref":')) return null;
    const debitRef = this.id();
    if (debitRef === null || !this.lit('}},"type":"round","hash":')) return null;
    const hash = this.hashMember(digest);
    if (hash === null || !this.lit('}') || this.pos !== this.text.length) return null;
    this.lastHash.set(hash);
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
    if (id === null || !this.lit(',"sha256":')) return null;
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
    const game = { id, sha256, variant, version };
    this.lastGame = { text: this.text.slice(start, this.pos), game };
    return { ...game };
  }

  /**
   * A string member's value: the one last read into `recent` when the text repeats it (it was
   * checked then), else an id or a hash read and checked anew (and `recent` then keeps it).
   */
  private again(recent: Recent, kind: 'id' | 'hash'): string | null {
    if (recent.quoted !== '' && this.lit(recent.quoted)) return recent.value;
    const value = kind === 'id' ? this.id() : this.hash();
    if (value !== null) recent.set(value);
    return value;
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

  /** `{"amount":…,"ref":…,"status":…}` of a credit, or undefined. */
  private credit(): CreditTx | undefined {
    if (!this.lit('{"amount":')) return undefined;
    const amount = this.readInt();
    if (!(amount >= 0) || !this.lit(',"ref":')) return undefined;
    const ref = this.id();
    if (ref === null || !this.lit(',"status":')) return undefined;
    const status = this.readString();
    if (status === null || !this.lit('}')) return undefined;
    const known = CREDIT_STATUSES.find((s) => s === status);
    return known === undefined ? undefined : { amount, ref, status: known };
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

  /** The final hash member's value: `digest` when the text holds exactly it, else as `hash` reads it. */
  private hashMember(digest: string | null): string | null {
    const text = this.text;
    const start = this.pos;
    if (
      digest !== null &&
      text.charCodeAt(start) === QUOTE &&
      text.slice(start + 1, start + HASH_DIGITS + 1) === digest &&
      text.charCodeAt(start + HASH_DIGITS + 1) === QUOTE
    ) {
      this.pos = start + HASH_DIGITS + 2;
      return digest;
    }
    return this.hash();
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
