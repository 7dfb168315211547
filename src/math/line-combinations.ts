import { bestLineMatch } from '../engine/lines.js';
import type { Game, ReelSet } from '../engine/model.js';
import { rowDistribution } from './reel-stats.js';

/** Hits of one paying line combination over a cycle, summed over every payline. */
export interface LineCombinationCount {
  /** Index of the pay rule in `game.pays`. */
  readonly rule: number;
  /** Run length (X-of-a-kind) or pattern length. */
  readonly count: number;
  /** Product of the substituting wilds' multipliers (1 if none). */
  readonly multiplier: number;
  /** Credits one line pays for it (rule pay × multiplier). */
  readonly pay: number;
  /** Σ over paylines of the weighted stop combinations in which that line pays this combination. */
  readonly hits: bigint;
}

export function lineCombinationKey(rule: number, count: number, multiplier: number): string {
  return `line:${rule}:${count}:${multiplier}`;
}

/**
 * Whether the pay of a line can still depend on the symbols after `prefix` — some X-of-a-kind run
 * is unbroken through the whole prefix and can still pay, or some longer pattern still matches it.
 * Once no rule is alive, every rule's match (run, "holds X", multipliers, pattern) is settled.
 */
function alive(game: Game, prefix: readonly number[], canPayFrom: readonly (readonly boolean[])[]): boolean {
  const j = prefix.length;
  return game.pays.some((rule, i) => {
    if (rule.kind === 'kind') {
      if (!canPayFrom[i]![j]!) return false;
      const x = rule.symbol;
      return prefix.every((s) => s === x || (!rule.wild && game.substitutes[s]![x]!));
    }
    if (rule.pay === 0 || rule.direct.length <= j) return false;
    return prefix.every((s, r) => rule.direct[r]![s]! || rule.substitute[r]![s]!);
  });
}

/**
 * Every paying line combination of `set` with its exact hits in the cycle. The symbols along a
 * payline are independent across reels, with reel r's distribution that of the payline's row on
 * reel r (weighted strips differ per row offset; unweighted strips do not). A depth-first walk over
 * the symbols reel by reel stops as soon as the line's pay is settled, and counts the rest of the
 * reels by their total weight. Paylines with the same per-reel distributions are walked once.
 */
export function lineCombinations(game: Game, set: ReelSet): LineCombinationCount[] {
  const symbolCount = game.symbols.length;
  const reels = set.reels;
  const totals = reels.map((reel) => BigInt(reel.drawBound));
  // canPayFrom[i][j]: kind rule i has a non-zero pay for some run length ≥ j.
  const canPayFrom = game.pays.map((rule) => {
    const flags = new Array<boolean>(game.reels + 1).fill(false);
    if (rule.kind === 'kind') {
      for (let j = game.reels; j >= 0; j--) flags[j] = (rule.pays[j] ?? 0) > 0 || (flags[j + 1] ?? false);
    }
    return flags;
  });

  // Paylines grouped by their per-reel distributions (row offsets matter on weighted reels only).
  const groups = new Map<string, { rows: number[]; lines: number }>();
  for (const payline of game.paylines) {
    const rows = payline.map((row, r) => (reels[r]!.weights === null ? 0 : row));
    const key = rows.join(',');
    const group = groups.get(key);
    if (group === undefined) groups.set(key, { rows, lines: 1 });
    else group.lines++;
  }

  const found = new Map<
    string,
    { rule: number; count: number; multiplier: number; pay: number; hits: bigint }
  >();
  for (const { rows, lines } of groups.values()) {
    const dists = rows.map((row, r) => rowDistribution(reels[r]!, row, symbolCount));
    const symbolsOn = dists.map((dist) => dist.flatMap((c, s) => (c > 0n ? [s] : [])));
    const tailWeight: bigint[] = new Array<bigint>(reels.length + 1).fill(1n);
    for (let r = reels.length - 1; r >= 0; r--) tailWeight[r] = tailWeight[r + 1]! * totals[r]!;
    const prefix: number[] = [];
    const multiplicity = BigInt(lines);

    const walk = (weight: bigint): void => {
      const j = prefix.length;
      if (j < reels.length && alive(game, prefix, canPayFrom)) {
        for (const s of symbolsOn[j]!) {
          prefix.push(s);
          walk(weight * dists[j]![s]!);
          prefix.pop();
        }
        return;
      }
      // Settled: any symbols on the remaining reels give the same match.
      const line = [...prefix];
      for (let r = j; r < reels.length; r++) line.push(symbolsOn[r]![0]!);
      const match = bestLineMatch(game, line);
      if (match === null) return;
      const key = lineCombinationKey(match.rule, match.count, match.multiplier);
      const hits = weight * tailWeight[j]! * multiplicity;
      const entry = found.get(key);
      if (entry === undefined) {
        found.set(key, {
          rule: match.rule,
          count: match.count,
          multiplier: match.multiplier,
          pay: match.win,
          hits,
        });
      } else {
        entry.hits += hits;
      }
    };
    walk(1n);
  }
  return [...found.values()].sort(
    (a, b) => a.rule - b.rule || b.count - a.count || a.multiplier - b.multiplier,
  );
}
