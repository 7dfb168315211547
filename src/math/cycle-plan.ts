import type { ReelSet } from '../engine/model.js';
import { SlotsimError } from '../errors.js';
import type { CycleTask } from './cycle-enumerate.js';
import type { CycleRole } from './cycle-tables.js';
import { stopWeight } from './reel-stats.js';

/** Stop combinations per task: enough to amortise a task (≈ 40–80 ms), few enough to balance. */
const TASK_COMBINATIONS = 1 << 22;
/** Every task's total weight stays below this, so its double sums are exact. */
const MAX_TASK_WEIGHT = 2 ** 53;

/**
 * Cuts a cycle into tasks: each fixes the stops of the first `split` reels to a range of prefix
 * indexes. The plan depends on the reel set only, never on the thread count.
 */
export function planCycle(set: ReelSet, role: CycleRole, cap: number): CycleTask[] {
  const reels = set.reels;
  const R = reels.length;
  const tailCombos = (s: number): number => reels.slice(s).reduce((p, reel) => p * reel.strip.length, 1);
  const tailWeight = (s: number): number => reels.slice(s).reduce((p, reel) => p * reel.drawBound, 1);
  const prefixWeight = (s: number, prefix: number): number => {
    let w = 1;
    let rest = prefix;
    for (let r = s - 1; r >= 0; r--) {
      const reel = reels[r]!;
      w *= stopWeight(reel, rest % reel.strip.length);
      rest = Math.floor(rest / reel.strip.length);
    }
    return w;
  };
  const maxPrefixWeight = (s: number): number =>
    reels.slice(0, s).reduce((p, reel) => p * Math.max(...(reel.weights ?? [1])), 1);
  let split = 0;
  while (
    split < R - 1 &&
    (tailCombos(split) > TASK_COMBINATIONS || maxPrefixWeight(split) * tailWeight(split) >= MAX_TASK_WEIGHT)
  ) {
    split++;
  }
  if (maxPrefixWeight(split) * tailWeight(split) >= MAX_TASK_WEIGHT) {
    throw new SlotsimError(
      'BAD_INPUT',
      `the ${set.name} reel set's weights are too large to enumerate its cycle exactly`,
    );
  }
  const prefixes = reels.slice(0, split).reduce((p, reel) => p * reel.strip.length, 1);
  const perPrefix = tailCombos(split);
  const tasks: CycleTask[] = [];
  let from = 0;
  let combos = 0;
  let weight = 0;
  for (let prefix = 0; prefix < prefixes; prefix++) {
    const w = prefixWeight(split, prefix) * tailWeight(split);
    if (prefix > from && (combos + perPrefix > TASK_COMBINATIONS || weight + w >= MAX_TASK_WEIGHT)) {
      tasks.push({ role, split, from, to: prefix, cap });
      from = prefix;
      combos = 0;
      weight = 0;
    }
    combos += perPrefix;
    weight += w;
  }
  tasks.push({ role, split, from, to: prefixes, cap });
  return tasks;
}
