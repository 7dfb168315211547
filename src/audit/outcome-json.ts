/**
 * `canonicalJson(outcome)` for the engine's `RoundOutcome`, written out by hand for speed: verify
 * compares it with the outcome's text in the log instead of parsing that text (one string
 * comparison, which runs at memory speed, where walking the text character by character in
 * JavaScript costs a few nanoseconds a character). It must give
 * exactly what `canonicalJson` gives (a test checks it on every bundled game); if it ever did
 * not, verify would only take its slow path, never pass a wrong outcome.
 *
 * The key lists below are checked against the outcome types at compile time, so a field added to
 * an outcome is a compile error here until it is serialised.
 */
import type {
  BonusDraw,
  BonusOutcome,
  FreeSpinOutcome,
  FreeSpinsOutcome,
  LineWin,
  PayWin,
  RoundComponents,
  RoundOutcome,
  ScatterWin,
  SpinOutcome,
  WaysWin,
} from '../engine/outcome.js';

/** Compile-time proof that `Keys` lists every key of `T` (and nothing else). */
type Exactly<T, Keys extends readonly (keyof T)[]> = [Exclude<keyof T, Keys[number]>] extends [never]
  ? Keys
  : never;
export function keys<T>() {
  return <const K extends readonly (keyof T)[]>(k: Exactly<T, K>): K => k;
}

// Sorted as canonical JSON sorts them. The serialisers below write them in this order.
keys<RoundOutcome>()(['bonus', 'capped', 'components', 'freeSpins', 'paid', 'stake', 'total']);
keys<RoundComponents>()(['bonus', 'freeSpins', 'lines', 'scatter']);
keys<BonusOutcome>()(['draws', 'win']);
keys<BonusDraw>()(['bound', 'draw', 'node', 'result']);
keys<FreeSpinsOutcome>()(['awarded', 'spins', 'win']);
keys<SpinOutcome>()(['multiplier', 'reelSet', 'scatter', 'stops', 'win', 'window', 'wins']);
keys<FreeSpinOutcome>()(['multiplier', 'reelSet', 'retrigger', 'scatter', 'stops', 'win', 'window', 'wins']);
keys<ScatterWin>()(['count', 'symbol', 'win']);
keys<LineWin>()(['count', 'kind', 'line', 'multiplier', 'rule', 'symbol', 'win']);
keys<WaysWin>()(['count', 'kind', 'rule', 'symbol', 'ways', 'win']);

/** JSON texts of the strings seen (symbol ids, reel set and node names: a game has few). */
const quoted = new Map<string, string>();

export function str(s: string): string {
  let q = quoted.get(s);
  if (q === undefined) {
    q = JSON.stringify(s);
    if (quoted.size < 4096) quoted.set(s, q);
  }
  return q;
}

function numbers(list: readonly number[]): string {
  let text = '[';
  for (let i = 0; i < list.length; i++) text += i === 0 ? `${list[i]!}` : `,${list[i]!}`;
  return `${text}]`;
}

/** Texts of window columns seen: the engine shares one frozen column array per reel stop. */
const columnTexts = new WeakMap<readonly string[], string>();

function windowJson(window: readonly (readonly string[])[]): string {
  let text = '[';
  for (let r = 0; r < window.length; r++) {
    const column = window[r]!;
    let columnText = columnTexts.get(column);
    if (columnText === undefined) {
      columnText = '[';
      for (let k = 0; k < column.length; k++) columnText += k === 0 ? str(column[k]!) : `,${str(column[k]!)}`;
      columnText += ']';
      // Only a frozen column cannot change after its text is kept.
      if (Object.isFrozen(column)) columnTexts.set(column, columnText);
    }
    text += r === 0 ? columnText : `,${columnText}`;
  }
  return `${text}]`;
}

function winJson(w: PayWin): string {
  switch (w.kind) {
    case 'line':
      return `{"count":${w.count},"kind":"line","line":${w.line},"multiplier":${w.multiplier},"rule":${w.rule},"symbol":${str(w.symbol)},"win":${w.win}}`;
    case 'ways':
      return `{"count":${w.count},"kind":"ways","rule":${w.rule},"symbol":${str(w.symbol)},"ways":${w.ways},"win":${w.win}}`;
    default: {
      const unknown: never = w;
      throw new Error(`unknown win ${String(unknown)}`);
    }
  }
}

function scatterJson(s: ScatterWin | null): string {
  return s === null ? 'null' : `{"count":${s.count},"symbol":${str(s.symbol)},"win":${s.win}}`;
}

function spinJson(s: SpinOutcome, retrigger: number | null): string {
  let wins = '[';
  for (let i = 0; i < s.wins.length; i++) wins += i === 0 ? winJson(s.wins[i]!) : `,${winJson(s.wins[i]!)}`;
  wins += ']';
  const r = retrigger === null ? '' : `,"retrigger":${retrigger}`;
  return `{"multiplier":${s.multiplier},"reelSet":${str(s.reelSet)}${r},"scatter":${scatterJson(s.scatter)},"stops":${numbers(s.stops)},"win":${s.win},"window":${windowJson(s.window)},"wins":${wins}}`;
}

export function bonusJson(b: BonusOutcome | null): string {
  if (b === null) return 'null';
  let draws = '[';
  for (let i = 0; i < b.draws.length; i++) {
    const d = b.draws[i]!;
    draws += `${i === 0 ? '' : ','}{"bound":${d.bound},"draw":${d.draw},"node":${str(d.node)},"result":${d.result}}`;
  }
  return `{"draws":${draws}],"win":${b.win}}`;
}

function freeSpinsJson(f: FreeSpinsOutcome | null): string {
  if (f === null) return 'null';
  let spins = '[';
  for (let i = 0; i < f.spins.length; i++) {
    const s = f.spins[i]!;
    spins += (i === 0 ? '' : ',') + spinJson(s, s.retrigger);
  }
  return `{"awarded":${f.awarded},"spins":${spins}],"win":${f.win}}`;
}

/** Exactly `canonicalJson(outcome)`. */
export function outcomeJson(o: RoundOutcome): string {
  const c = o.components;
  return `{"bonus":${bonusJson(o.bonus)},"capped":${o.capped},"components":{"bonus":${c.bonus},"freeSpins":${c.freeSpins},"lines":${c.lines},"scatter":${c.scatter}},"freeSpins":${freeSpinsJson(o.freeSpins)},"paid":${spinJson(o.paid, null)},"stake":${o.stake},"total":${o.total}}`;
}
