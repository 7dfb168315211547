/**
 * The small `slotsim/2` test games of `test/game/games-v2.ts` as the production path reads them:
 * file texts, and one compiled game per mode. Between them they use every format-2 mechanic:
 * cascades with strip and redraw refills, ladders, cluster and pay-anywhere evaluation, reel
 * heights, drawn wild values, multiplier symbols and the meter, expanding and sticky wilds,
 * hold and win with jackpots, and modes with a cost and a start.
 *
 * Two changes keep their logs small and their features frequent: free spins are cut at 6
 * (`maxSpins`; some of these games retrigger without end, a round of 1,000 free spins is a few
 * megabytes of record), and hold and win starts on 4 coins instead of 6 (so the paid spin
 * triggers it now and then, beside the coin buy).
 */
import type { Game } from '../../src/engine/model.js';
import { listModes, parseGame, sha256Hex } from '../../src/game/index.js';
import { V2_GAMES } from '../game/games-v2.js';

export interface Format2File {
  /** A short name, usable in file names. */
  readonly name: string;
  readonly text: string;
  /** The modes of the game as written, "base" first. */
  readonly modes: readonly string[];
}

export const FORMAT2_FILES: readonly Format2File[] = V2_GAMES.map(([label, build]) => {
  const json = build() as { freeSpins?: { maxSpins?: number }; holdAndWin?: { trigger: { count: number } } };
  if (json.freeSpins !== undefined) json.freeSpins.maxSpins = 6;
  if (json.holdAndWin !== undefined) json.holdAndWin.trigger.count = 4;
  const text = `${JSON.stringify(json, null, 2)}\n`;
  return {
    name: label.replaceAll(' ', '-'),
    text,
    modes: listModes(text, { file: `${label}.json` }),
  };
});

export function format2File(name: string): Format2File {
  const file = FORMAT2_FILES.find((f) => f.name === name);
  if (file === undefined) throw new Error(`no format-2 test game ${name}`);
  return file;
}

/** One mode of one variant of a test game, compiled as verify compiles it. */
export function compileFormat2(file: Format2File, mode = 'base', variant: string | null = null): Game {
  return parseGame(file.text, { file: `${file.name}.json`, variant, mode, sha256: sha256Hex(file.text) });
}
