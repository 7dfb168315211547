/**
 * Whether a stretch of text is exactly `outcomeJson(o)` — checked by walking the outcome and the
 * text together, without building the string (verify's hot path: building and comparing strings
 * costs more than parsing them). A test checks it agrees with `outcomeJson(o) === text`.
 */
import type {
  BonusOutcome,
  FreeSpinsOutcome,
  PayWin,
  RoundOutcome,
  ScatterWin,
  SpinOutcome,
} from '../engine/outcome.js';

const ZERO = 0x30;
const NINE = 0x39;
const MINUS = 0x2d;

export class OutcomeMatcher {
  private text = '';
  private pos = 0;
  private readonly quoted = new Map<string, string>();

  /** True when `text.slice(start, end)` is exactly the canonical JSON of `o`. */
  match(text: string, start: number, end: number, o: RoundOutcome): boolean {
    this.text = text;
    this.pos = start;
    const c = o.components;
    const ok =
      this.lit('{"bonus":') &&
      this.bonus(o.bonus) &&
      this.lit(',"capped":') &&
      this.lit(o.capped ? 'true' : 'false') &&
      this.lit(',"components":{"bonus":') &&
      this.num(c.bonus) &&
      this.lit(',"freeSpins":') &&
      this.num(c.freeSpins) &&
      this.lit(',"lines":') &&
      this.num(c.lines) &&
      this.lit(',"scatter":') &&
      this.num(c.scatter) &&
      this.lit('},"freeSpins":') &&
      this.freeSpins(o.freeSpins) &&
      this.lit(',"paid":') &&
      this.spin(o.paid, null) &&
      this.lit(',"stake":') &&
      this.num(o.stake) &&
      this.lit(',"total":') &&
      this.num(o.total) &&
      this.lit('}');
    this.text = '';
    return ok && this.pos === end;
  }

  private lit(s: string): boolean {
    if (!this.text.startsWith(s, this.pos)) return false;
    this.pos += s.length;
    return true;
  }

  private str(s: string): boolean {
    let q = this.quoted.get(s);
    if (q === undefined) {
      q = JSON.stringify(s);
      this.quoted.set(s, q);
    }
    return this.lit(q);
  }

  /** A whole number written as JSON writes it (no sign but "-", no leading zero, no fraction). */
  private num(n: number): boolean {
    if (!Number.isSafeInteger(n)) return false;
    const text = this.text;
    let i = this.pos;
    let negative = false;
    if (text.charCodeAt(i) === MINUS) {
      negative = true;
      i++;
    }
    const first = i;
    let value = 0;
    for (;;) {
      const c = text.charCodeAt(i); // NaN past the end: not a digit
      if (!(c >= ZERO && c <= NINE)) break;
      value = value * 10 + (c - ZERO);
      i++;
    }
    const digits = i - first;
    if (digits === 0 || digits > 16 || (digits > 1 && text.charCodeAt(first) === ZERO)) return false;
    if (negative && value === 0) return false;
    if ((negative ? -value : value) !== n) return false;
    this.pos = i;
    return true;
  }

  private numbers(list: readonly number[]): boolean {
    if (!this.lit('[')) return false;
    for (let i = 0; i < list.length; i++) if ((i > 0 && !this.lit(',')) || !this.num(list[i]!)) return false;
    return this.lit(']');
  }

  private window(window: readonly (readonly string[])[]): boolean {
    if (!this.lit('[')) return false;
    for (let r = 0; r < window.length; r++) {
      if (!this.lit(r === 0 ? '[' : ',[')) return false;
      const column = window[r]!;
      for (let k = 0; k < column.length; k++)
        if ((k > 0 && !this.lit(',')) || !this.str(column[k]!)) return false;
      if (!this.lit(']')) return false;
    }
    return this.lit(']');
  }

  private win(w: PayWin): boolean {
    switch (w.kind) {
      case 'line':
        return (
          this.lit('{"count":') &&
          this.num(w.count) &&
          this.lit(',"kind":"line","line":') &&
          this.num(w.line) &&
          this.lit(',"multiplier":') &&
          this.num(w.multiplier) &&
          this.lit(',"rule":') &&
          this.num(w.rule) &&
          this.lit(',"symbol":') &&
          this.str(w.symbol) &&
          this.lit(',"win":') &&
          this.num(w.win) &&
          this.lit('}')
        );
      case 'ways':
        return (
          this.lit('{"count":') &&
          this.num(w.count) &&
          this.lit(',"kind":"ways","rule":') &&
          this.num(w.rule) &&
          this.lit(',"symbol":') &&
          this.str(w.symbol) &&
          this.lit(',"ways":') &&
          this.num(w.ways) &&
          this.lit(',"win":') &&
          this.num(w.win) &&
          this.lit('}')
        );
      default: {
        const unknown: never = w;
        throw new Error(`unknown win ${String(unknown)}`);
      }
    }
  }

  private scatter(s: ScatterWin | null): boolean {
    if (s === null) return this.lit('null');
    return (
      this.lit('{"count":') &&
      this.num(s.count) &&
      this.lit(',"symbol":') &&
      this.str(s.symbol) &&
      this.lit(',"win":') &&
      this.num(s.win) &&
      this.lit('}')
    );
  }

  private spin(s: SpinOutcome, retrigger: number | null): boolean {
    if (
      !this.lit('{"multiplier":') ||
      !this.num(s.multiplier) ||
      !this.lit(',"reelSet":') ||
      !this.str(s.reelSet)
    )
      return false;
    if (retrigger !== null && (!this.lit(',"retrigger":') || !this.num(retrigger))) return false;
    if (
      !this.lit(',"scatter":') ||
      !this.scatter(s.scatter) ||
      !this.lit(',"stops":') ||
      !this.numbers(s.stops) ||
      !this.lit(',"win":') ||
      !this.num(s.win) ||
      !this.lit(',"window":') ||
      !this.window(s.window) ||
      !this.lit(',"wins":[')
    ) {
      return false;
    }
    for (let i = 0; i < s.wins.length; i++)
      if ((i > 0 && !this.lit(',')) || !this.win(s.wins[i]!)) return false;
    return this.lit(']}');
  }

  private bonus(b: BonusOutcome | null): boolean {
    if (b === null) return this.lit('null');
    if (!this.lit('{"draws":[')) return false;
    for (let i = 0; i < b.draws.length; i++) {
      const d = b.draws[i]!;
      if (
        (i > 0 && !this.lit(',')) ||
        !this.lit('{"bound":') ||
        !this.num(d.bound) ||
        !this.lit(',"draw":') ||
        !this.num(d.draw) ||
        !this.lit(',"node":') ||
        !this.str(d.node) ||
        !this.lit(',"result":') ||
        !this.num(d.result) ||
        !this.lit('}')
      ) {
        return false;
      }
    }
    return this.lit('],"win":') && this.num(b.win) && this.lit('}');
  }

  private freeSpins(f: FreeSpinsOutcome | null): boolean {
    if (f === null) return this.lit('null');
    if (!this.lit('{"awarded":') || !this.num(f.awarded) || !this.lit(',"spins":[')) return false;
    for (let i = 0; i < f.spins.length; i++) {
      const s = f.spins[i]!;
      if ((i > 0 && !this.lit(',')) || !this.spin(s, s.retrigger)) return false;
    }
    return this.lit('],"win":') && this.num(f.win) && this.lit('}');
  }
}
