import type { EvaluationKind, Game, PrizeNode } from '../engine/model.js';
import { prizeMoments, toNumber } from '../math/index.js';

/**
 * The game as a lab report describes it — grid, lines or ways, stake, symbols and their roles, the
 * pay table, the features and the cap — read from the compiled game (so it describes exactly what
 * was simulated and analysed, the variant merged in). Data only; `src/report/` renders it.
 * Amounts: `credits` at this game's bet, `x` as a multiple of the stake (the total bet).
 */
export interface GameDescription {
  readonly grid: { readonly reels: number; readonly rows: number };
  readonly evaluation: EvaluationKind;
  /** Lines games: each payline's row per reel (row 0 is the top). Empty for ways games. */
  readonly paylines: readonly (readonly number[])[];
  /** Ways games: the number of ways of a full window (rows ^ reels); null for lines games. */
  readonly ways: number | null;
  readonly stake: { readonly credits: number; readonly lineBet: number };
  readonly symbols: readonly SymbolDescription[];
  readonly groups: readonly { readonly id: string; readonly members: readonly string[] }[];
  readonly payTable: readonly PayTableRow[];
  readonly scatter: {
    readonly symbol: string;
    /** `perBet`: the file's value, a multiple of the total bet (= x). */
    readonly pays: readonly { readonly count: number; readonly perBet: number; readonly credits: number }[];
  } | null;
  readonly freeSpins: FreeSpinsDescription | null;
  readonly bonus: BonusDescription | null;
  readonly maxWin: { readonly x: number; readonly credits: number } | null;
  readonly declaredRtp: { readonly target: number; readonly tolerance: number } | null;
  /**
   * Format-2 rules the game uses that this description does not detail yet (cascades, hold and
   * win, drawn values, …): the report names them so it never looks complete when it is not.
   */
  readonly notDescribed: readonly string[];
}

export interface SymbolDescription {
  readonly id: string;
  readonly role: 'wild' | 'scatter' | 'symbol';
  /** Wilds: the multiplier of wins they stand in for (1 for none). */
  readonly multiplier: number;
  /** Wilds: the non-wild symbols they do not substitute for, and why. */
  readonly doesNotSubstitute: readonly {
    readonly symbol: string;
    readonly reason: 'scatter' | 'bonus line trigger' | 'except';
  }[];
  /** What else the symbol does: "scatter pays", "free-spin trigger", "bonus trigger". */
  readonly features: readonly string[];
  readonly groups: readonly string[];
}

export interface PayCell {
  readonly count: number;
  /** The file's value: credits per line bet (lines and ways games alike). */
  readonly perLineBet: number;
  /** Credits per line (lines) or per way (ways) at this bet. */
  readonly credits: number;
  readonly x: number;
}

export type PayTableRow =
  | {
      readonly kind: 'kind';
      readonly symbol: string;
      readonly wild: boolean;
      readonly pays: readonly PayCell[];
    }
  | { readonly kind: 'pattern'; readonly pattern: readonly string[]; readonly pay: PayCell };

export interface FreeSpinsDescription {
  readonly symbol: string;
  /** Spins awarded by count of trigger cells on the paid spin (before the `maxSpins` cut). */
  readonly awards: readonly { readonly count: number; readonly spins: number }[];
  /** Spins added by count on a free spin; empty when retriggers are off. */
  readonly retriggers: readonly { readonly count: number; readonly spins: number }[];
  readonly reelSet: string;
  readonly multiplier: number;
  readonly maxSpins: number;
}

export type PrizeTree =
  | {
      readonly kind: 'pick';
      readonly entries: readonly {
        /** The prize in the bonus's unit (line bets or total bets) and in credits. */
        readonly value: number;
        readonly credits: number;
        readonly weight: number;
        readonly probability: number;
      }[];
      readonly totalWeight: number;
    }
  | {
      readonly kind: 'repeat';
      readonly entries: readonly {
        readonly count: number;
        readonly weight: number;
        readonly probability: number;
      }[];
      readonly totalWeight: number;
      readonly each: PrizeTree;
    };

export interface BonusDescription {
  readonly trigger: { readonly kind: 'anywhere' | 'line'; readonly symbol: string; readonly count: number };
  readonly paysPer: 'lineBet' | 'bet';
  /** Credits one prize value is worth. */
  readonly unitCredits: number;
  readonly prize: PrizeTree;
  /** The prize's mean (exact, rounded to a double) and largest value, in credits. */
  readonly meanCredits: number;
  readonly maxCredits: number;
}

function weightsOf(cumulative: readonly number[]): number[] {
  return cumulative.map((c, i) => c - (i === 0 ? 0 : cumulative[i - 1]!));
}

function prizeTree(node: PrizeNode, unit: number): PrizeTree {
  const weights = weightsOf(node.cumulative);
  if (node.kind === 'pick') {
    return {
      kind: 'pick',
      entries: node.values.map((credits, i) => ({
        value: credits / unit,
        credits,
        weight: weights[i]!,
        probability: weights[i]! / node.total,
      })),
      totalWeight: node.total,
    };
  }
  return {
    kind: 'repeat',
    entries: node.counts.map((count, i) => ({
      count,
      weight: weights[i]!,
      probability: weights[i]! / node.total,
    })),
    totalWeight: node.total,
    each: prizeTree(node.each, unit),
  };
}

/** Counts (index ≥ 1) with a non-zero entry, as rows. */
function byCount<T>(values: readonly number[], row: (count: number, value: number) => T): T[] {
  return values.flatMap((value, count) => (count > 0 && value > 0 ? [row(count, value)] : []));
}

function symbolDescriptions(game: Game): SymbolDescription[] {
  const bonusLine = game.bonus?.trigger.kind === 'line' ? game.bonus.trigger.symbol : null;
  return game.symbols.map((s): SymbolDescription => {
    const features = [
      ...(game.scatter?.symbol === s.index ? ['scatter pays'] : []),
      ...(game.freeSpins?.symbol === s.index ? ['free-spin trigger'] : []),
      ...(game.bonus?.trigger.symbol === s.index ? ['bonus trigger'] : []),
    ];
    const doesNotSubstitute = s.wild
      ? game.symbols.flatMap((x) => {
          if (x.wild || game.substitutes[s.index]![x.index]!) return [];
          const reason = x.scatter ? 'scatter' : x.index === bonusLine ? 'bonus line trigger' : 'except';
          return [{ symbol: x.id, reason } as const];
        })
      : [];
    return {
      id: s.id,
      role: s.wild ? 'wild' : s.scatter ? 'scatter' : 'symbol',
      multiplier: s.multiplier,
      doesNotSubstitute,
      features,
      groups: Object.entries(game.groups)
        .filter(([, members]) => members.includes(s.index))
        .map(([group]) => group),
    };
  });
}

/** The format-2 rules of the compiled game that `describeGame` does not detail. */
function notDescribed(game: Game): string[] {
  const fs = game.freeSpins;
  const symbols = (test: (s: Game['symbols'][number]) => boolean) =>
    game.symbols.filter(test).map((s) => s.id);
  const listed = (what: string, ids: readonly string[]) =>
    ids.length === 0 ? [] : [`${what} (${ids.join(', ')})`];
  return [
    ...(game.heights === null ? [] : ['variable reel heights']),
    ...(game.wildMultipliers === 'sum' ? ['wild multipliers that add up ("sum")'] : []),
    ...listed(
      'wilds with drawn multipliers',
      symbols((s) => s.multiplierDraw !== null),
    ),
    ...listed(
      'multiplier symbols',
      symbols((s) => s.multiplierSymbol !== null),
    ),
    ...listed(
      'expanding wilds',
      symbols((s) => s.expand),
    ),
    ...(game.cascade === null ? [] : ['cascades']),
    ...(fs !== null && [...fs.awardDraws, ...fs.retriggerDraws].some((d) => d !== null)
      ? ['drawn free-spin awards']
      : []),
    ...(fs?.stickyWilds === true ? ['sticky wilds'] : []),
    ...(fs?.multiplierMeter === true ? ['a free-spin multiplier meter'] : []),
    ...(game.holdAndWin === null ? [] : ['hold and win']),
    ...(game.mode === 'base' ? [] : [`the bet mode "${game.mode}" (stake ${game.cost} credits)`]),
    ...(game.start === null ? [] : ['rounds that start in a feature']),
  ];
}

/** The game's rules and tables as data, from the compiled game. Pure. */
export function describeGame(game: Game): GameDescription {
  const cell = (count: number, credits: number): PayCell => ({
    count,
    perLineBet: credits / game.lineBet,
    credits,
    x: credits / game.betCredits,
  });
  const fs = game.freeSpins;
  const bonus = game.bonus;
  const bonusUnit = bonus === null ? 1 : bonus.paysPer === 'bet' ? game.betCredits : game.lineBet;
  const prize = bonus === null ? null : prizeMoments(bonus.prize);
  return {
    grid: { reels: game.reels, rows: game.rows },
    evaluation: game.evaluation,
    paylines: game.paylines.map((line) => [...line]),
    ways: game.evaluation === 'ways' ? game.rows ** game.reels : null,
    stake: { credits: game.betCredits, lineBet: game.lineBet },
    symbols: symbolDescriptions(game),
    groups: Object.entries(game.groups).map(([group, members]) => ({
      id: group,
      members: members.map((i) => game.symbols[i]!.id),
    })),
    payTable: game.pays.map((rule): PayTableRow =>
      rule.kind === 'kind'
        ? {
            kind: 'kind',
            symbol: game.symbols[rule.symbol]!.id,
            wild: rule.wild,
            pays: byCount(rule.pays, cell),
          }
        : { kind: 'pattern', pattern: [...rule.labels], pay: cell(rule.labels.length, rule.pay) },
    ),
    scatter:
      game.scatter === null
        ? null
        : {
            symbol: game.symbols[game.scatter.symbol]!.id,
            pays: byCount(game.scatter.pays, (count, credits) => ({
              count,
              perBet: credits / game.betCredits,
              credits,
            })),
          },
    freeSpins:
      fs === null
        ? null
        : {
            symbol: game.symbols[fs.symbol]!.id,
            awards: byCount(fs.awards, (count, spins) => ({ count, spins })),
            retriggers: byCount(fs.retrigger, (count, spins) => ({ count, spins })),
            reelSet: fs.reelSet.name,
            multiplier: fs.multiplier,
            maxSpins: fs.maxSpins,
          },
    bonus:
      bonus === null || prize === null
        ? null
        : {
            trigger: {
              kind: bonus.trigger.kind,
              symbol: game.symbols[bonus.trigger.symbol]!.id,
              count: bonus.trigger.count,
            },
            paysPer: bonus.paysPer,
            unitCredits: bonusUnit,
            prize: prizeTree(bonus.prize, bonusUnit),
            meanCredits: toNumber(prize.mean),
            maxCredits: prize.max,
          },
    maxWin:
      game.maxWin === null || game.maxWinCredits === null
        ? null
        : { x: game.maxWin, credits: game.maxWinCredits },
    declaredRtp: game.rtp === null ? null : { target: game.rtp.target, tolerance: game.rtp.tolerance },
    notDescribed: notDescribed(game),
  };
}
