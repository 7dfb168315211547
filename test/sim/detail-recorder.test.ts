/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment -- a test game is a raw JSON document, which has no static type */
import { describe, expect, it } from 'vitest';
import type { Game } from '../../src/engine/model.js';
import { isRoundOutcomeV2 } from '../../src/engine/outcome.js';
import type { CoinOutcome, RoundOutcomeV2, SpinOutcomeV2 } from '../../src/engine/outcome.js';
import { payMechanic } from '../../src/engine/mechanics/registry.js';
import { playRound } from '../../src/engine/round.js';
import { parseGame } from '../../src/game/index.js';
import { createRng } from '../../src/rng/index.js';
import { finishChunk, newAccumulator } from '../../src/sim/chunk-stats.js';
import { runFlowDetailChunk } from '../../src/sim/flow-detail.js';
import { compileFlow, simulateFlowRoundsExactly } from '../../src/sim/flow-round.js';
import type { Json } from '../game/games.js';
import { holdAndWinGame, megawaysGame, tumblingLines, anywhereGame, clusterGame } from '../game/games-v2.js';

const load = (game: Json, mode = 'base'): Game =>
  parseGame(JSON.stringify(game), { file: 'detail.json', variant: null, mode });

function holdAndWinOn4(): Json {
  const game = holdAndWinGame();
  game.holdAndWin.trigger.count = 4;
  return game;
}

/** Counts, by name and label, built from playRound's records alone (not from the recorder). */
class Counts {
  readonly byName = new Map<string, Map<string, number>>();
  add(name: string, label: string, n = 1): void {
    const m = this.byName.get(name) ?? new Map<string, number>();
    m.set(label, (m.get(label) ?? 0) + n);
    this.byName.set(name, m);
  }
}

/** What the detail recorder should have counted, read from the records of `rounds` rounds. */
function fromRecords(game: Game, seed: string, rounds: number) {
  const rng = createRng('aes-128-ctr', seed, 0);
  const counts = new Counts();
  const combinations = new Map<string, number>();
  const paidStops = game.baseReelSet.reels.map((r) => r.strip.map(() => 0));
  const freeStops = (game.freeSpins?.reelSet.reels ?? []).map((r) => r.strip.map(() => 0));
  const mechanic = payMechanic(game.evaluation);
  const cells = game.reels * game.rows;
  const coinEntry = (c: CoinOutcome): number =>
    game.holdAndWin!.values.items.findIndex((v) =>
      v.kind === 'value' ? v.value === c.value : v.tier === c.jackpot,
    );
  const spinCounts = (spin: SpinOutcomeV2, free: boolean) => {
    const set = game.reelSets[spin.reelSet]!;
    spin.stops.forEach((stop, r) => (free ? freeStops : paidStops)[r]![stop]!++);
    spin.heights?.forEach((h, r) => counts.add(`heights of reel ${r + 1}`, `${h} rows`));
    for (const v of spin.values) {
      const [reel, row] = v.cell;
      const strip = set.reels[reel]!.strip;
      const symbol = game.symbols[strip[(spin.stops[reel]! + row) % strip.length]!]!.id;
      counts.add(`values of ${symbol}`, `×${v.value}`);
    }
    for (const e of spin.evaluations) {
      for (const v of e.refill?.values ?? []) {
        const symbol = e.refill!.cells.find(
          (c) => c.cell[0] === v.cell[0] && c.cell[1] === v.cell[1],
        )!.symbol;
        counts.add(`values of ${symbol}`, `×${v.value}`);
      }
      if (free) continue;
      for (const w of e.wins) {
        const key = mechanic.combinationKey(w.rule, w.count, w.wildMultiplier);
        combinations.set(key, (combinations.get(key) ?? 0) + 1);
      }
      if (e.scatter !== null && e.scatter.pay > 0) {
        const key = `scatter:${e.scatter.count}`;
        combinations.set(key, (combinations.get(key) ?? 0) + 1);
      }
    }
    if (!free && spin.scatter !== null && spin.scatter.pay > 0) {
      const key = `scatter:${spin.scatter.count}`;
      combinations.set(key, (combinations.get(key) ?? 0) + 1);
    }
  };
  const symbol = game.freeSpins === null ? '' : game.symbols[game.freeSpins.symbol]!.id;
  for (let i = 0; i < rounds; i++) {
    const o = playRound(game, rng) as RoundOutcomeV2;
    if (!isRoundOutcomeV2(o)) throw new Error('format 2 expected');
    if (o.start?.kind === 'freeSpins')
      counts.add(`free spins of mode ${game.mode}`, `${o.start.spins} spins`);
    if (o.start?.kind === 'holdAndWin')
      counts.add(`starting coins of mode ${game.mode}`, `${o.start.coins} coins`);
    if (o.paid !== null) spinCounts(o.paid, false);
    const hw = o.holdAndWin;
    if (hw !== null) {
      let held = hw.initial.length;
      for (const c of hw.initial) counts.add('hold-and-win coin values', String(coinEntry(c)));
      for (const respin of hw.respins) {
        for (const c of respin.landings) counts.add('hold-and-win coin values', String(coinEntry(c)));
        counts.add('hold-and-win landings per empty cell', 'coin', respin.landings.length);
        counts.add('hold-and-win landings per empty cell', 'blank', cells - held - respin.landings.length);
        held += respin.landings.length;
      }
    }
    const fs = o.freeSpins;
    if (fs !== null) {
      for (const a of fs.awards)
        if (a.drawn) counts.add(`drawn award for ${a.count} × ${symbol}`, `${a.spins} spins`);
      for (const spin of fs.spins) {
        spinCounts(spin, true);
        for (const a of spin.retriggers) {
          if (a.drawn) counts.add(`drawn retrigger for ${a.count} × ${symbol}`, `${a.spins} spins`);
        }
      }
    }
  }
  return { counts, combinations, paidStops, freeStops };
}

const cases: [string, Game][] = [
  ['heights and drawn wild values (megaways)', load(megawaysGame())],
  ['drawn values and awards, tumbles (tumbling lines)', load(tumblingLines())],
  ['hold and win from the paid spin', load(holdAndWinOn4())],
  ['a mode that starts in hold and win', load(holdAndWinGame(), 'coins')],
  ['a mode that starts in free spins (anywhere buy)', load(anywhereGame(), 'buy')],
  ['redraw refills, multiplier symbols (cluster)', load(clusterGame())],
];

describe("certify's format-2 detail counts what the rounds' records show", () => {
  it.each(cases)('%s (seed detail)', (_name, game) => {
    const rounds = game.id === 'heights-test' ? 150 : game.id === 'anywhere-test' ? 300 : 2_000;
    const expected = fromRecords(game, 'detail', rounds);
    const chunk = runFlowDetailChunk(
      compileFlow(game),
      createRng('aes-128-ctr', 'detail', 0),
      0,
      rounds,
      rounds,
    );
    const detail = chunk.detail;
    expect(detail.rounds).toBe(rounds);
    expect(detail.stopCounts).toEqual(expected.paidStops);
    expect(detail.features.freeStopCounts).toEqual(expected.freeStops);
    // Every tally against the counts read from the records; classes never seen count 0.
    for (const t of detail.format2!.tallies) {
      const seen = expected.counts.byName.get(t.name) ?? new Map<string, number>();
      // Coin values are classes by entry (the records give the value, matched to its entry here).
      const key = (label: string, i: number) => (t.name === 'hold-and-win coin values' ? String(i) : label);
      const got = new Map(t.labels.map((label, i) => [key(label, i), t.counts[i]!]));
      for (const [label, n] of seen) expect(got.get(label), `${t.name}: ${label}`).toBe(n);
      expect(
        t.counts.reduce((a, b) => a + b, 0),
        t.name,
      ).toBe([...seen.values()].reduce((a, b) => a + b, 0));
    }
    // And nothing the records show is missing from the tallies.
    for (const name of expected.counts.byName.keys()) {
      expect(detail.format2!.tallies.map((t) => t.name)).toContain(name);
    }
    expect(new Map(detail.format2!.combinations.map((c) => [c.key, c.all]))).toEqual(expected.combinations);
  });

  it('a detailed chunk has exactly the figures of the plain one (hold and win, seed same-figures)', () => {
    const game = load(holdAndWinOn4());
    const sim = compileFlow(game);
    const detailed = runFlowDetailChunk(sim, createRng('aes-128-ctr', 'same-figures', 3), 3, 20_000, 7_000);
    const acc = newAccumulator(true);
    simulateFlowRoundsExactly(sim, createRng('aes-128-ctr', 'same-figures', 3), 20_000, acc);
    const { detail: _detail, ...figures } = detailed;
    expect(figures).toEqual(finishChunk(acc, 3));
    expect(detailed.detail.rounds).toBe(7_000);
  });
});
