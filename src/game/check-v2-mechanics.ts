/**
 * Semantic checks of format 2's mechanics: reel heights, wild multipliers, cascades, sticky wilds
 * and hold-and-win — which keys go together, and what their values may name. A version-1 file has
 * none of these keys (its schema refuses them), so every check here passes for it.
 */
import { checkDrawBound, gameKind, symbolAt, type CheckContext } from './check-context.js';
import { creditsProblem } from './decimal.js';
import { describeValue, expectedOneOf } from './describe.js';
import type { JsonPath } from './json-path.js';
import { MAX_SPIN_CELLS } from './limits-v2.js';
import type { LadderFile } from './schema-v2.js';

export function checkHeights(ctx: CheckContext): void {
  const { heights } = ctx.spec.grid;
  if (heights === undefined) return;
  const path = ['grid', 'heights'];
  if (ctx.evaluation !== 'ways' && ctx.evaluation !== 'anywhere') {
    ctx.report(
      path,
      `heights in ${gameKind(ctx.evaluation)} (expected no "heights": variable reel heights are for ways and pay-anywhere games)`,
    );
  }
  if (ctx.spec.holdAndWin !== undefined) {
    ctx.report(
      path,
      'heights in a game with hold-and-win (expected no "heights", or no "holdAndWin": hold-and-win plays on the whole grid)',
    );
  }
  if (heights.length !== ctx.reels) {
    ctx.report(
      path,
      `${heights.length} height list${heights.length === 1 ? '' : 's'} (expected ${ctx.reels}, one per reel)`,
    );
  }
  heights.forEach((list, r) => {
    list.forEach(({ rows }, k) => {
      if (rows > ctx.rows) {
        ctx.report(
          [...path, r, k, 'rows'],
          `height ${rows} is above grid.rows (expected a height from 1 to ${ctx.rows}: rows is the largest height)`,
        );
      }
    });
    checkDrawBound(
      ctx,
      [...path, r],
      list.map((e) => e.weight),
    );
  });
}

export function checkWildMultipliers(ctx: CheckContext): void {
  if (ctx.spec.wildMultipliers === 'sum' && ctx.evaluation === 'ways') {
    ctx.report(
      ['wildMultipliers'],
      '"sum" in a ways game (expected "product": ways pays multiply the ways by their wilds\' multipliers)',
    );
  }
}

export function checkCascade(ctx: CheckContext): void {
  const { cascade } = ctx.spec;
  if (cascade === undefined) return;
  const path = ['cascade'];
  const expanding = [...ctx.symbols].filter(([, props]) => props.expand === true).map(([id]) => id);
  if (expanding.length > 0) {
    ctx.report(
      path,
      `a cascade in a game with the expanding wild ${describeValue(expanding[0])} (expected no cascade, or no "expand": true: expanding wilds are not allowed with cascades)`,
    );
  }
  const shown = ctx.cells * (1 + cascade.maxCascades);
  if (shown > MAX_SPIN_CELLS) {
    ctx.report(
      [...path, 'maxCascades'],
      `${ctx.cells} cells × (1 + ${cascade.maxCascades} cascades) = ${shown} cells in one spin (expected at most ${MAX_SPIN_CELLS}: lower maxCascades)`,
    );
  }
  checkLadder(ctx, [...path, 'ladder'], cascade.ladder);
  checkLadder(ctx, [...path, 'freeLadder'], cascade.freeLadder);
  (cascade.keep ?? []).forEach((id, k) => {
    symbolAt(ctx, [...path, 'keep', k], id);
    if ((cascade.keep ?? []).indexOf(id) < k)
      ctx.report([...path, 'keep', k], `${describeValue(id)} is listed twice (expected each symbol once)`);
  });
}

function checkLadder(ctx: CheckContext, path: JsonPath, ladder: LadderFile | undefined): void {
  if (ladder === undefined || Array.isArray(ladder)) return;
  if (ladder.max < ladder.start) {
    ctx.report(
      [...path, 'max'],
      `max ${ladder.max} is below start ${ladder.start} (expected max ≥ start: the ladder is min(start + step·c, max))`,
    );
  }
}

/** Sticky wilds are not allowed with cascades, nor with variable heights (ruling 19). */
export function checkStickyWilds(ctx: CheckContext): void {
  if (ctx.spec.freeSpins?.stickyWilds !== true) return;
  const path = ['freeSpins', 'stickyWilds'];
  if (ctx.spec.cascade !== undefined) {
    ctx.report(
      path,
      'sticky wilds in a game with a cascade (expected no "stickyWilds", or no "cascade": sticky wilds are not allowed with cascades)',
    );
  }
  if (ctx.spec.grid.heights !== undefined) {
    ctx.report(
      path,
      'sticky wilds in a game with variable reel heights (expected no "stickyWilds", or no "grid.heights")',
    );
  }
}

/** `lineBet` is null when the game does not define one (already reported). */
export function checkHoldAndWin(ctx: CheckContext, lineBet: number | null): void {
  const feature = ctx.spec.holdAndWin;
  if (feature === undefined) return;
  const path = ['holdAndWin'];
  const { symbol, count } = feature.trigger;
  const props = symbolAt(ctx, [...path, 'trigger', 'symbol'], symbol);
  if (props !== null && props.coin !== true) {
    ctx.report(
      [...path, 'trigger', 'symbol'],
      `${describeValue(symbol)} is not a coin (expected a symbol marked "coin": true)`,
    );
  }
  if (count > ctx.cells) {
    ctx.report(
      [...path, 'trigger', 'count'],
      `${count} coins cannot occur (expected 1 to ${ctx.cells}, the cells of the window)`,
    );
  }
  const draws = ctx.cells * feature.maxRespins;
  if (draws > MAX_SPIN_CELLS) {
    ctx.report(
      [...path, 'maxRespins'],
      `${ctx.cells} cells × ${feature.maxRespins} respins = ${draws} draws in one feature (expected at most ${MAX_SPIN_CELLS}: lower maxRespins)`,
    );
  }
  checkDrawBound(ctx, [...path, 'land'], [feature.land.coin, feature.land.blank]);
  checkDrawBound(
    ctx,
    [...path, 'values'],
    feature.values.map((e) => e.weight),
  );
  const paysPer = feature.paysPer ?? 'bet';
  const unit = paysPer === 'bet' ? ctx.spec.bet.credits : lineBet;
  const unitName = paysPer === 'bet' ? 'total bet' : 'line bet';
  const tiers = Object.keys(feature.jackpots ?? {});
  const tierAt = (at: JsonPath, tier: string): void => {
    if (tiers.includes(tier)) return;
    ctx.report(
      at,
      tiers.length === 0
        ? `no jackpot tier ${describeValue(tier)} (expected "jackpots" to define it: { ${JSON.stringify(tier)}: units })`
        : `no jackpot tier ${describeValue(tier)} ${expectedOneOf(tier, tiers, 'a tier of "jackpots", one of')}`,
    );
  };
  feature.values.forEach((entry, k) => {
    if ('jackpot' in entry) tierAt([...path, 'values', k, 'jackpot'], entry.jackpot);
    else if (unit !== null) {
      const problem = creditsProblem(entry.value, unit, unitName);
      if (problem !== null) ctx.report([...path, 'values', k, 'value'], problem);
    }
  });
  for (const [tier, units] of Object.entries(feature.jackpots ?? {})) {
    if (unit === null) break;
    const problem = creditsProblem(units, unit, unitName);
    if (problem !== null) ctx.report([...path, 'jackpots', tier], problem);
  }
  if (feature.fullGrid !== undefined) tierAt([...path, 'fullGrid'], feature.fullGrid);
}
