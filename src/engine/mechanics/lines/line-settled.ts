/**
 * When the first reels of a payline already settle what it pays: the pruning that lets the lines
 * mechanic's faces fill tables of S^reels lines with a few thousand evaluations (the simulator's
 * line table, the per-reel walk). Sound, not tight: checked against the reference evaluation over
 * every completion of every prefix in `test/engine/lines.test.ts`.
 */
import type { Game } from '../../model.js';

export class LineSettler {
  private readonly game: Game;
  /** `canPayFrom[i][j]`: kind rule i pays something for some run length ≥ j. */
  private readonly canPayFrom: readonly (readonly boolean[])[];

  constructor(game: Game) {
    this.game = game;
    this.canPayFrom = game.pays.map((rule) => {
      const flags = new Array<boolean>(game.reels + 2).fill(false);
      if (rule.kind === 'kind') {
        for (let j = game.reels; j >= 0; j--) flags[j] = (rule.pays[j] ?? 0) > 0 || flags[j + 1]!;
      }
      return flags;
    });
  }

  /**
   * Whether every line starting with `prefix[0 … length − 1]` pays the same whatever follows: no
   * X-of-a-kind run is unbroken through the whole prefix and can still pay at that length or longer,
   * and no longer pattern with a pay still matches it. Then every rule's match is settled (its run,
   * whether it holds X, its wilds), and so is the best of them.
   */
  settled(prefix: ArrayLike<number>, length: number): boolean {
    const game = this.game;
    const pays = game.pays;
    for (let i = 0; i < pays.length; i++) {
      const rule = pays[i]!;
      if (rule.kind === 'kind') {
        if (!this.canPayFrom[i]![length]!) continue;
        const x = rule.symbol;
        let open = true;
        for (let j = 0; j < length && open; j++) {
          const s = prefix[j]!;
          open = s === x || (!rule.wild && game.substitutes[s]![x]!);
        }
        if (open) return false;
      } else {
        if (rule.pay === 0 || rule.direct.length <= length) continue;
        let open = true;
        for (let j = 0; j < length && open; j++) {
          const s = prefix[j]!;
          open = rule.direct[j]![s]! || rule.substitute[j]![s]!;
        }
        if (open) return false;
      }
    }
    return true;
  }
}
