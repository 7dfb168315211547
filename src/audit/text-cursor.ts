/**
 * A cursor over one line of canonical JSON, for verify's hot path: it matches literal text and
 * reads the few value forms the canonical writer produces (whole numbers as `JSON.stringify`
 * writes them, strings without escapes). Every method either consumes what it recognised and
 * succeeds, or reports failure — the caller then hands the line to `JSON.parse` and the
 * defensive decoder, which say what is wrong. It never throws on bad text.
 */

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SPACE = 0x20;

/** Whole numbers of more digits than this are not safe integers (2^53 has 16). */
const MAX_DIGITS = 16;

export class TextCursor {
  protected text = '';
  protected pos = 0;

  /**
   * Consumes `s` if the text continues with it. (A slice compared with `===` is compared at memory
   * speed; `startsWith` walks the characters and is several times slower past a few characters.)
   */
  protected lit(s: string): boolean {
    const end = this.pos + s.length;
    if (this.text.slice(this.pos, end) !== s) return false;
    this.pos = end;
    return true;
  }

  /** Consumes the character `code` if the text continues with it. */
  protected char(code: number): boolean {
    if (this.text.charCodeAt(this.pos) !== code) return false;
    this.pos++;
    return true;
  }

  /**
   * Reads a whole number written as JSON writes a safe integer (no sign but "-", no leading zero,
   * no fraction or exponent, no "-0"); NaN, consuming nothing, for anything else.
   */
  protected readInt(): number {
    const text = this.text;
    let i = this.pos;
    const negative = text.charCodeAt(i) === MINUS;
    if (negative) i++;
    const first = i;
    let value = 0;
    for (;;) {
      const c = text.charCodeAt(i); // NaN past the end: not a digit
      if (!(c >= ZERO && c <= NINE)) break;
      value = value * 10 + (c - ZERO);
      i++;
    }
    const digits = i - first;
    if (digits === 0 || digits > MAX_DIGITS || (digits > 1 && text.charCodeAt(first) === ZERO)) return NaN;
    if (!Number.isSafeInteger(value) || (negative && value === 0)) return NaN;
    this.pos = i;
    return negative ? -value : value;
  }

  /**
   * Reads a JSON string that needs no unescaping (no backslash, no control character), or null,
   * consuming nothing, for anything else.
   */
  protected readString(): string | null {
    const text = this.text;
    const start = this.pos;
    if (text.charCodeAt(start) !== QUOTE) return null;
    for (let i = start + 1; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        this.pos = i + 1;
        return text.slice(start + 1, i);
      }
      if (c === BACKSLASH || c < SPACE) return null;
    }
    return null;
  }
}
