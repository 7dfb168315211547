/**
 * A game whose rounds are very long: every paid spin triggers free spins and every free spin
 * retriggers, up to `maxSpins`, and the scatter's id is long, so one round's audit line runs to
 * megabytes (10,000 free spins, the most the loader allows, ≈ 9 MB).
 */
const SCATTER = 'SCATTER_THAT_ALWAYS_RETRIGGERS_THE_FREE_SPINS_X';

export function longRoundGameText(maxSpins = 10_000): string {
  const base = [SCATTER, 'A', SCATTER, SCATTER];
  const free = [SCATTER, SCATTER, SCATTER];
  const awards = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [String(i + 3), 1]));
  const game = {
    format: 'slotsim/1',
    id: 'long-round',
    name: 'Long Round',
    version: '1.0.0',
    grid: { reels: 5, rows: 3 },
    bet: { credits: 1, lineBet: 1 },
    symbols: { [SCATTER]: { scatter: true }, A: {} },
    paylines: [[1, 1, 1, 1, 1]],
    pays: [{ symbol: 'A', pays: { '5': 1 } }],
    reelSets: { base: [base, base, base, base, base], free: [free, free, free, free, free] },
    freeSpins: { trigger: { symbol: SCATTER, awards }, reelSet: 'free', maxSpins },
  };
  return `${JSON.stringify(game, null, 2)}\n`;
}
