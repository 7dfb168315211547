import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countInWindow } from '../../src/engine/stops.js';
import type { Game } from '../../src/engine/model.js';
import { parseGame } from '../../src/game/index.js';
import { enumerateCycles, enumerateInline, fullCycle } from '../../src/math/index.js';
import type { CycleHistogram } from '../../src/math/index.js';
import { compile, threeBells } from '../helpers/games.js';
import { forEachWindow, paidClass, spinWin } from './brute.js';
import { tinyLines, tinyWays } from './tiny-games.js';
import { truncated } from './truncate.js';

/** The engine's (win, class) histogram of a cycle, stop combination by stop combination. */
function bruteHistogram(game: Game, h: CycleHistogram): Map<number, bigint>[] {
  const out = h.classes.map(() => new Map<number, bigint>());
  const set = h.role === 'base' ? game.baseReelSet : game.freeSpins!.reelSet;
  forEachWindow(game, set, (window, weight) => {
    let k: number;
    if (h.role === 'base') {
      const c = paidClass(game, window);
      k = h.classes.findIndex((x) => x.spins === c.spins && x.bonus === c.bonus);
    } else {
      const adds = game.freeSpins!.retrigger[countInWindow(window, game.freeSpins!.symbol)] ?? 0;
      k = h.classes.findIndex((x) => x.spins === adds);
    }
    const win = spinWin(game, window);
    out[k]!.set(win, (out[k]!.get(win) ?? 0n) + weight);
  });
  return out;
}

const sorted = (maps: readonly ReadonlyMap<number, bigint>[]): [number, bigint][][] =>
  maps.map((m) => [...m].filter(([, w]) => w > 0n).sort((a, b) => a[0] - b[0]));

describe('the full-cycle enumeration', () => {
  const games: [string, Game][] = [
    ['Three Bells', compile(threeBells)],
    ['tiny lines (weighted reel, free spins, line bonus on 2 reels)', compile(tinyLines())],
    [
      'tiny lines with the bonus line trigger on every reel (checked in the innermost loop)',
      compile(
        tinyLines({ bonus: { trigger: { line: { symbol: 'A', count: 3 } }, prize: { pick: { '5': 1 } } } }),
      ),
    ],
    ['tiny ways (anywhere bonus, free spins on the base reels)', compile(tinyWays())],
  ];
  for (const [name, game] of games) {
    it(`matches the engine on every stop combination, win and class: ${name}`, () => {
      const e = enumerateInline(game);
      for (const h of [e.base, e.free]) {
        if (h === null) continue;
        expect(sorted(h.byClass)).toEqual(sorted(bruteHistogram(game, h)));
      }
    });
  }

  it('lists every paid spin past the cap with its parts', () => {
    const game = compile({ ...threeBells, maxWin: 30 });
    const over = enumerateInline(game).base.overCap;
    let weight = 0n;
    forEachWindow(game, game.baseReelSet, (window, w) => {
      if (spinWin(game, window) > 30) weight += w;
    });
    expect(over.reduce((s, o) => s + o.weight, 0n)).toBe(weight);
    expect(over.every((o) => o.pay + o.scatter > 30)).toBe(true);
  });

  it('gives the same exact figures on 2 worker threads as on this thread (starfall-20 cut to 20 stops a reel)', async () => {
    // 20^5 = 3.2 M combinations a reel set, in 4 tasks each, so the pool really interleaves.
    const file = 'configs/starfall-20.json';
    const game = truncated(parseGame(readFileSync(file, 'utf8'), { file }), 20);
    const pooled = await fullCycle(game, { threads: 2 });
    const inline = await enumerateCycles(game, { threads: 0 });
    expect(sorted(pooled.enumeration.base.byClass)).toEqual(sorted(inline.base.byClass));
    expect(sorted(pooled.enumeration.free!.byClass)).toEqual(sorted(inline.free!.byClass));
    expect(pooled.paidSpin.cycle).toBe(20n ** 5n);
  });
});
