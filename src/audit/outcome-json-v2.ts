/**
 * `canonicalJson(outcome)` for the format-2 round record (`RoundOutcomeV2`), written out by hand
 * for speed, as `outcome-json.ts` does for format 1: verify compares it with the outcome's text in
 * the log instead of parsing that text. It must give exactly what `canonicalJson` gives (a test
 * checks it on rounds of every mechanic); if it ever did not, verify would only take its slow
 * path, never pass a wrong outcome.
 *
 * The key lists below are checked against the outcome types at compile time, so a field added to
 * an outcome is a compile error here until it is serialised.
 */
import type {
  AnywhereWinV2,
  AwardPart,
  BonusOutcome,
  Cell,
  CellValue,
  ClusterWinV2,
  CoinOutcome,
  EvaluationOutcome,
  Expansion,
  FreeSpinOutcomeV2,
  FreeSpinsOutcomeV2,
  HoldAndWinOutcome,
  LineWinV2,
  PayWinV2,
  RefillOutcome,
  RespinOutcome,
  RoundComponentsV2,
  RoundOutcomeV2,
  ScatterPayV2,
  SpinOutcomeV2,
  StartOutcome,
  StickyCell,
  WaysWinV2,
} from '../engine/outcome.js';
import { bonusJson, keys, str } from './outcome-json.js';

type Member<T, K extends keyof T> = T[K];
type RefillCell = Member<RefillOutcome, 'cells'>[number];
type RefillStop = Member<RefillOutcome, 'stops'>[number];
type FreeSpinStart = Extract<StartOutcome, { kind: 'freeSpins' }>;
type HoldAndWinStart = Extract<StartOutcome, { kind: 'holdAndWin' }>;

// Sorted as canonical JSON sorts them. The serialisers below write them in this order.
keys<RoundOutcomeV2>()([
  'bonus',
  'capped',
  'components',
  'cost',
  'format',
  'freeSpins',
  'holdAndWin',
  'mode',
  'paid',
  'start',
  'total',
]);
keys<RoundComponentsV2>()(['bonus', 'freeSpins', 'holdAndWin', 'lines', 'scatter']);
keys<FreeSpinStart>()(['kind', 'spins']);
keys<HoldAndWinStart>()(['coins', 'kind', 'placements']);
keys<SpinOutcomeV2>()([
  'evaluations',
  'expanded',
  'factor',
  'heights',
  'meter',
  'multiplier',
  'multiplierSymbols',
  'payWin',
  'reelSet',
  'scatter',
  'scatterWin',
  'sticky',
  'stops',
  'values',
  'win',
]);
keys<FreeSpinOutcomeV2>()([
  'evaluations',
  'expanded',
  'factor',
  'heights',
  'meter',
  'multiplier',
  'multiplierSymbols',
  'payWin',
  'reelSet',
  'retrigger',
  'retriggers',
  'scatter',
  'scatterWin',
  'sticky',
  'stops',
  'values',
  'win',
]);
keys<EvaluationOutcome>()([
  'award',
  'ladder',
  'payWin',
  'refill',
  'removed',
  'scatter',
  'values',
  'window',
  'wins',
]);
keys<LineWinV2>()([
  'cells',
  'count',
  'kind',
  'ladder',
  'line',
  'pay',
  'rule',
  'symbol',
  'wildMultiplier',
  'win',
]);
keys<WaysWinV2>()([
  'cells',
  'count',
  'kind',
  'ladder',
  'pay',
  'rule',
  'symbol',
  'ways',
  'wildMultiplier',
  'win',
]);
keys<ClusterWinV2>()(['cells', 'count', 'kind', 'ladder', 'pay', 'rule', 'symbol', 'wildMultiplier', 'win']);
keys<AnywhereWinV2>()(['cells', 'count', 'kind', 'ladder', 'pay', 'rule', 'symbol', 'wildMultiplier', 'win']);
keys<CellValue>()(['cell', 'value']);
keys<StickyCell>()(['cell', 'symbol', 'value']);
keys<Expansion>()(['reel', 'symbol', 'value']);
keys<ScatterPayV2>()(['count', 'pay', 'symbol']);
keys<AwardPart>()(['count', 'drawn', 'spins']);
keys<RefillOutcome>()(['cells', 'stops', 'values']);
keys<RefillCell>()(['cell', 'symbol']);
keys<RefillStop>()(['reel', 'stop']);
keys<FreeSpinsOutcomeV2>()(['awarded', 'awards', 'spins', 'win']);
keys<CoinOutcome>()(['cell', 'credits', 'jackpot', 'value']);
keys<RespinOutcome>()(['landings', 'respinsLeft']);
keys<HoldAndWinOutcome>()(['coins', 'fullGrid', 'initial', 'jackpots', 'respins', 'win']);

/** `[a,b,…]` of the items, each written by `item`. */
function list<T>(items: readonly T[], item: (t: T) => string): string {
  let text = '[';
  for (let i = 0; i < items.length; i++) text += i === 0 ? item(items[i]!) : `,${item(items[i]!)}`;
  return `${text}]`;
}

function num(n: number): string {
  return `${n}`;
}

function numOrNull(n: number | null): string {
  return n === null ? 'null' : `${n}`;
}

function strOrNull(s: string | null): string {
  return s === null ? 'null' : str(s);
}

function cell(c: Cell): string {
  return `[${c[0]},${c[1]}]`;
}

function cellValue(v: CellValue): string {
  return `{"cell":${cell(v.cell)},"value":${v.value}}`;
}

function column(c: readonly string[]): string {
  let text = '[';
  for (let i = 0; i < c.length; i++) text += i === 0 ? str(c[i]!) : `,${str(c[i]!)}`;
  return `${text}]`;
}

function scatter(s: ScatterPayV2 | null): string {
  return s === null ? 'null' : `{"count":${s.count},"pay":${s.pay},"symbol":${str(s.symbol)}}`;
}

function win(w: PayWinV2): string {
  const head = `{"cells":${list(w.cells, cell)},"count":${w.count},"kind":"${w.kind}","ladder":${w.ladder}`;
  const tail = `"rule":${w.rule},"symbol":${str(w.symbol)}`;
  const end = `"wildMultiplier":${w.wildMultiplier},"win":${w.win}}`;
  switch (w.kind) {
    case 'line':
      return `${head},"line":${w.line},"pay":${w.pay},${tail},${end}`;
    case 'ways':
      return `${head},"pay":${w.pay},${tail},"ways":${w.ways},${end}`;
    case 'cluster':
    case 'anywhere':
      return `${head},"pay":${w.pay},${tail},${end}`;
    default: {
      const unknown: never = w;
      throw new Error(`unknown win ${String(unknown)}`);
    }
  }
}

function refill(r: RefillOutcome | null): string {
  if (r === null) return 'null';
  const cells = list(r.cells, (c) => `{"cell":${cell(c.cell)},"symbol":${str(c.symbol)}}`);
  const stops = list(r.stops, (s) => `{"reel":${s.reel},"stop":${s.stop}}`);
  return `{"cells":${cells},"stops":${stops},"values":${list(r.values, cellValue)}}`;
}

function evaluation(e: EvaluationOutcome): string {
  return `{"award":${numOrNull(e.award)},"ladder":${e.ladder},"payWin":${e.payWin},"refill":${refill(e.refill)},"removed":${list(e.removed, cell)},"scatter":${scatter(e.scatter)},"values":${list(e.values, cellValue)},"window":${list(e.window, column)},"wins":${list(e.wins, win)}}`;
}

function award(a: AwardPart): string {
  return `{"count":${a.count},"drawn":${a.drawn},"spins":${a.spins}}`;
}

/** A spin; a free spin's `retrigger` and `retriggers` go between `reelSet` and `scatter`. */
function spin(s: SpinOutcomeV2, free: FreeSpinOutcomeV2 | null): string {
  const expanded = list(s.expanded, (x) => `{"reel":${x.reel},"symbol":${str(x.symbol)},"value":${x.value}}`);
  const sticky = list(
    s.sticky,
    (x) => `{"cell":${cell(x.cell)},"symbol":${str(x.symbol)},"value":${x.value}}`,
  );
  const heights = s.heights === null ? 'null' : list(s.heights, num);
  const retrigger =
    free === null ? '' : `,"retrigger":${free.retrigger},"retriggers":${list(free.retriggers, award)}`;
  return `{"evaluations":${list(s.evaluations, evaluation)},"expanded":${expanded},"factor":${s.factor},"heights":${heights},"meter":${numOrNull(s.meter)},"multiplier":${s.multiplier},"multiplierSymbols":${numOrNull(s.multiplierSymbols)},"payWin":${s.payWin},"reelSet":${str(s.reelSet)}${retrigger},"scatter":${scatter(s.scatter)},"scatterWin":${s.scatterWin},"sticky":${sticky},"stops":${list(s.stops, num)},"values":${list(s.values, cellValue)},"win":${s.win}}`;
}

function freeSpins(f: FreeSpinsOutcomeV2 | null): string {
  if (f === null) return 'null';
  return `{"awarded":${f.awarded},"awards":${list(f.awards, award)},"spins":${list(f.spins, (s) => spin(s, s))},"win":${f.win}}`;
}

function coin(c: CoinOutcome): string {
  return `{"cell":${cell(c.cell)},"credits":${c.credits},"jackpot":${strOrNull(c.jackpot)},"value":${numOrNull(c.value)}}`;
}

function holdAndWin(h: HoldAndWinOutcome | null): string {
  if (h === null) return 'null';
  const respins = list(
    h.respins,
    (r) => `{"landings":${list(r.landings, coin)},"respinsLeft":${r.respinsLeft}}`,
  );
  return `{"coins":${list(h.coins, coin)},"fullGrid":${h.fullGrid},"initial":${list(h.initial, coin)},"jackpots":${list(h.jackpots, str)},"respins":${respins},"win":${h.win}}`;
}

function start(s: StartOutcome | null): string {
  if (s === null) return 'null';
  switch (s.kind) {
    case 'freeSpins':
      return `{"kind":"freeSpins","spins":${s.spins}}`;
    case 'holdAndWin':
      return `{"coins":${s.coins},"kind":"holdAndWin","placements":${list(s.placements, cell)}}`;
    default: {
      const unknown: never = s;
      throw new Error(`unknown start ${String(unknown)}`);
    }
  }
}

function bonus(b: BonusOutcome | null): string {
  return bonusJson(b);
}

/** Exactly `canonicalJson(outcome)`. */
export function outcomeJsonV2(o: RoundOutcomeV2): string {
  const c = o.components;
  return `{"bonus":${bonus(o.bonus)},"capped":${o.capped},"components":{"bonus":${c.bonus},"freeSpins":${c.freeSpins},"holdAndWin":${c.holdAndWin},"lines":${c.lines},"scatter":${c.scatter}},"cost":${o.cost},"format":${o.format},"freeSpins":${freeSpins(o.freeSpins)},"holdAndWin":${holdAndWin(o.holdAndWin)},"mode":${str(o.mode)},"paid":${o.paid === null ? 'null' : spin(o.paid, null)},"start":${start(o.start)},"total":${o.total}}`;
}
