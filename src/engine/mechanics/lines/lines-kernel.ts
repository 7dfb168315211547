/**
 * The lines mechanic's static kernel (see `static-kernel.ts`). Per reel and stop, each payline's
 * symbol and its part of a line-pay table index; a line-pay table over every symbol combination,
 * filled by the reference evaluation (`LineProbe`); prefix tables that say when the first k reels
 * already decide a line; and, per stop combination of the first three reels (or two), the sum of
 * the lines they decide plus the short list of lines still open. A spin reads one lead entry and
 * extends a few open lines instead of evaluating every line.
 */
import type { Game } from '../../model.js';
import type { StaticReels } from '../../static-reels.js';
import type { GameKernel, ReelsKernel, StaticKernel, Table, TableKind } from '../static-kernel.js';
import { LineProbe } from './line-probe.js';
import { LineSettler } from './line-settled.js';

/** Lines games with at most this many symbol combinations per line get a pay lookup table. */
export const MAX_LINE_TABLE = 1 << 24;
/** Up to this many combinations the table is filled eagerly and gets prefix tables (below). */
const MAX_EAGER_TABLE = 1 << 21;
/**
 * Reel sets whose first three reels have at most this many stop combinations get lead tables over
 * three reels (about 0.5 MB of tables; they stay in the L2 cache), others over two reels when
 * those have at most MAX_LEAD_TWO (below).
 */
const MAX_LEAD_THREE = 1 << 16;
const MAX_LEAD_TWO = 1 << 16;

/**
 * Lines by the stops of the first k reels (k = 2 or 3, the "lead"). For most lines the symbols on
 * those reels already decide the pay (no run can start, or a run that nothing after can change);
 * those pays are summed per lead once. The few lines still open are listed per lead with their
 * partial table index, and the hot loop extends only those, reel by reel, until a prefix table
 * decides.
 */
export interface LineLeads {
  /** k: the reels of the lead. */
  readonly reels: number;
  /** Strip lengths of reels 1 … k−1 (the lead is stop0 · L1 · L2 + stop1 · L2 + stop2, mixed radix). */
  readonly radix: Int32Array;
  /** `[lead]`: credits of the lines the lead decides. */
  readonly decided: Table;
  /** `[lead]` … `[lead + 1]`: the range of the lead's open lines in `open` / `openIndex`. */
  readonly start: Int32Array;
  readonly open: Int32Array;
  readonly openIndex: Int32Array;
}

/**
 * Prefix tables of the line-pay table: `[k][p]`, for the symbols p of the first k reels (reel 0
 * the lowest digit), is the pay every completion of p shares, or −1 when the later reels matter.
 * `[reels]` is the full table; entries below 2 are empty. Built from the top down in O(S^reels).
 */
export function prefixTables(reels: number, symbolCount: number, table: Table, kind: TableKind): Table[] {
  const tables: Table[] = new Array<Table>(reels + 1).fill(kind.zeros(0));
  tables[reels] = table;
  for (let k = reels - 1; k >= 2; k--) {
    const next = tables[k + 1]!;
    const place = symbolCount ** k;
    const pay = kind.zeros(place);
    for (let p = 0; p < place; p++) {
      const first = next[p]!;
      let same = first >= 0;
      for (let c = 1; same && c < symbolCount; c++) same = next[p + c * place] === first;
      pay[p] = same ? first : -1;
    }
    tables[k] = pay;
  }
  return tables;
}

/**
 * Sums the lines that the first `k` reels decide, per lead (stop combination of those reels), and
 * lists the others with their partial index (see `LineLeads`). `lineIndex[r][stop * lineCount + l]`
 * is symbol × S^r; `prefix` is the prefix table of k reels.
 */
export function lineLeads(
  lineIndex: readonly Int32Array[],
  lineCount: number,
  k: number,
  prefix: Table,
  kind: TableKind,
): LineLeads {
  const lengths = lineIndex.slice(0, k).map((digits) => digits.length / lineCount);
  const leads = lengths.reduce((a, b) => a * b, 1);
  const decided = kind.zeros(leads);
  const start = new Int32Array(leads + 1);
  const open: number[] = [];
  const openIndex: number[] = [];
  const stops = new Int32Array(k);
  for (let lead = 0; lead < leads; lead++) {
    // Reel k−1 varies fastest.
    for (let r = k - 1, rest = lead; r >= 0; r--) {
      stops[r] = rest % lengths[r]!;
      rest = Math.floor(rest / lengths[r]!);
    }
    start[lead] = open.length;
    for (let l = 0; l < lineCount; l++) {
      let index = 0;
      for (let r = 0; r < k; r++) index += lineIndex[r]![stops[r]! * lineCount + l]!;
      const pay = prefix[index]!;
      if (pay >= 0) {
        decided[lead]! += pay;
      } else {
        open.push(l);
        openIndex.push(index);
      }
    }
  }
  start[leads] = open.length;
  return {
    reels: k,
    radix: Int32Array.from(lengths.slice(1)),
    decided,
    start,
    open: Int32Array.from(open),
    openIndex: Int32Array.from(openIndex),
  };
}

/**
 * Fills the whole line-pay table, every entry the reference evaluation's (`LineProbe`) — once for
 * all the combinations that share a prefix which settles the line (`LineSettler`), so a table of
 * S^reels entries costs a few thousand evaluations instead of S^reels.
 */
function fillLineTable(game: Game, probe: LineProbe, table: Table): void {
  const reels = game.reels;
  const symbolCount = game.symbols.length;
  const settler = new LineSettler(game);
  const line = new Int32Array(reels);
  /** `line[0…k−1]` is set; `base` is its part of the index and `place` is S^k (reel 0 the lowest digit). */
  const fill = (k: number, base: number, place: number): void => {
    if (k === reels) {
      table[base] = probe.pay(line);
      return;
    }
    if (k >= 2 && settler.settled(line, k)) {
      // Whatever line[k…] holds, the match is the same.
      line.fill(0, k);
      const win = probe.pay(line);
      for (let index = base; index < table.length; index += place) table[index] = win;
      return;
    }
    for (let s = 0; s < symbolCount; s++) {
      line[k] = s;
      fill(k + 1, base + s * place, place * symbolCount);
    }
  };
  fill(0, 0, 1);
}

/** The game's part: the line-pay table and its prefix tables, shared by its reel sets. */
export class LinesGameKernel implements GameKernel {
  readonly game: Game;
  readonly tables: TableKind;
  readonly symbolCount: number;
  readonly lineCount: number;
  readonly probe: LineProbe;
  /**
   * `[symbol on reel 0 + S × (symbol on reel 1 + S × …)]` = credits the line pays; −1 = not yet
   * computed. Null when S^reels passes MAX_LINE_TABLE: each line is then evaluated by the probe.
   */
  readonly linePay: Table | null;
  /**
   * `[k]` for k = 2 … reels: by the symbols of the first k reels, what the line pays when the later
   * reels cannot change it, or −1. `[reels]` is `linePay` itself. Null without an eager table.
   */
  readonly prefixPay: readonly Table[] | null;

  constructor(game: Game, tables: TableKind) {
    this.game = game;
    this.tables = tables;
    this.symbolCount = game.symbols.length;
    this.lineCount = game.paylines.length;
    this.probe = new LineProbe(game);
    const combinations = this.symbolCount ** game.reels;
    let linePay: Table | null = null;
    let prefixPay: Table[] | null = null;
    if (combinations <= MAX_LINE_TABLE) linePay = tables.zeros(combinations).fill(-1);
    if (linePay !== null && combinations <= MAX_EAGER_TABLE) {
      fillLineTable(game, this.probe, linePay);
      if (game.reels >= 2) prefixPay = prefixTables(game.reels, this.symbolCount, linePay, tables);
    }
    this.linePay = linePay;
    this.prefixPay = prefixPay;
  }

  reels(set: StaticReels): LinesReelsKernel {
    return new LinesReelsKernel(this, set);
  }
}

/** One reel set's part, and the hot loop. */
export class LinesReelsKernel implements ReelsKernel {
  private readonly game: LinesGameKernel;
  private readonly lineCount: number;
  private readonly reelCount: number;
  private readonly lineSymbols: readonly Uint8Array[];
  /**
   * Per reel r: `[stop * lineCount + l]` = that symbol × S^r, its part of the line's table index.
   * Empty without a line-pay table (the index could pass 2^31).
   */
  readonly lineIndex: readonly Int32Array[];
  /** Lines decided by the first two or three reels (null: use `lineIndex` for every line). */
  readonly leads: LineLeads | null;
  /** Every reel's `lineIndex` end to end (reel r from `digitBase[r]`), for the hot loop. */
  private readonly digits: Int32Array;
  private readonly digitBase: Int32Array;
  /** Every prefix table end to end (`[k]` from `prefixBase[k]`), for the hot loop. */
  private readonly prefixes: Table;
  private readonly prefixBase: Int32Array;
  private readonly linePay: Table | null;
  /** Per reel: where the stop's digits start in `digits` (scratch). */
  private readonly bases: Int32Array;
  /** Symbols along one line (scratch for the probe). */
  private readonly line: Int32Array;

  constructor(kernel: LinesGameKernel, set: StaticReels) {
    this.game = kernel;
    this.lineCount = kernel.lineCount;
    this.reelCount = set.reelCount;
    this.lineSymbols = set.lineSymbols;
    this.linePay = kernel.linePay;
    const S = kernel.symbolCount;
    this.lineIndex = set.lineSymbols.map((lines, r) =>
      kernel.linePay === null ? new Int32Array(0) : Int32Array.from(lines, (symbol) => symbol * S ** r),
    );
    const lengths = set.strips.map((strip) => strip.length);
    const three = set.reelCount >= 3 ? lengths[0]! * lengths[1]! * lengths[2]! : Infinity;
    const two = set.reelCount >= 2 ? lengths[0]! * lengths[1]! : Infinity;
    const prefixPay = kernel.prefixPay;
    this.leads =
      prefixPay === null
        ? null
        : three <= MAX_LEAD_THREE
          ? lineLeads(this.lineIndex, this.lineCount, 3, prefixPay[3]!, kernel.tables)
          : two <= MAX_LEAD_TWO
            ? lineLeads(this.lineIndex, this.lineCount, 2, prefixPay[2]!, kernel.tables)
            : null;
    this.digitBase = new Int32Array(set.reelCount);
    let at = 0;
    this.lineIndex.forEach((digits, r) => {
      this.digitBase[r] = at;
      at += digits.length;
    });
    this.digits = new Int32Array(at);
    this.lineIndex.forEach((digits, r) => this.digits.set(digits, this.digitBase[r]));
    const prefixes = prefixPay ?? [];
    this.prefixBase = new Int32Array(prefixes.length);
    at = 0;
    prefixes.forEach((table, k) => {
      this.prefixBase[k] = at;
      at += table.length;
    });
    this.prefixes = kernel.tables.zeros(at);
    prefixes.forEach((table, k) => this.prefixes.set(table, this.prefixBase[k]));
    this.bases = new Int32Array(set.reelCount);
    this.line = new Int32Array(set.reelCount);
  }

  pay(stops: Int32Array): number {
    const leads = this.leads;
    if (leads === null) return this.payFull(stops);
    const k = leads.reels;
    let lead = stops[0]!;
    for (let r = 1; r < k; r++) lead = lead * leads.radix[r - 1]! + stops[r]!;
    const from = leads.start[lead]!;
    const end = leads.start[lead + 1]!;
    // Most leads decide every line; the few lines still open are extended apart, keeping this small.
    return from === end ? leads.decided[lead]! : leads.decided[lead]! + this.payOpen(leads, stops, from, end);
  }

  /** The lines `leads.open[from … end − 1]` left open by their lead, extended reel by reel. */
  private payOpen(leads: LineLeads, stops: Int32Array, from: number, end: number): number {
    const lineCount = this.lineCount;
    const reels = this.reelCount;
    const digits = this.digits;
    const digitBase = this.digitBase;
    const prefixes = this.prefixes;
    const prefixBase = this.prefixBase;
    const bases = this.bases;
    const k = leads.reels;
    for (let r = k; r < reels; r++) bases[r] = digitBase[r]! + stops[r]! * lineCount;
    let win = 0;
    for (let i = from; i < end; i++) {
      const l = leads.open[i]!;
      let index = leads.openIndex[i]!;
      // Extend the line reel by reel until a prefix table decides it (the full table always does).
      for (let r = k; r < reels; r++) {
        index += digits[bases[r]! + l]!;
        const pay = prefixes[prefixBase[r + 1]! + index]!;
        if (pay >= 0) {
          win += pay;
          break;
        }
      }
    }
    return win;
  }

  /** Lines without lead tables: the whole index of every line, the table filled lazily. */
  private payFull(stops: Int32Array): number {
    const table = this.linePay;
    if (table === null) return this.payByProbe(stops);
    const lineCount = this.lineCount;
    const reels = this.reelCount;
    const lineIndex = this.lineIndex;
    const bases = this.bases;
    for (let r = 0; r < reels; r++) bases[r] = stops[r]! * lineCount;
    let win = 0;
    for (let l = 0; l < lineCount; l++) {
      let index = 0;
      for (let r = 0; r < reels; r++) index += lineIndex[r]![bases[r]! + l]!;
      let pay = table[index]!;
      if (pay < 0) {
        pay = this.game.probe.payOfIndex(index);
        table[index] = pay;
      }
      win += pay;
    }
    return win;
  }

  /**
   * Lines of a game with too many symbol combinations for a table (S^reels past 2^24): every line
   * is evaluated by the reference. Slow, and only for games far from any real one.
   */
  private payByProbe(stops: Int32Array): number {
    const lineCount = this.lineCount;
    const reels = this.reelCount;
    const line = this.line;
    const probe = this.game.probe;
    let win = 0;
    for (let l = 0; l < lineCount; l++) {
      for (let r = 0; r < reels; r++) line[r] = this.lineSymbols[r]![stops[r]! * lineCount + l]!;
      win += probe.pay(line);
    }
    return win;
  }
}

export const LINES_KERNEL: StaticKernel = {
  compile: (game, tables) => new LinesGameKernel(game, tables),
};
