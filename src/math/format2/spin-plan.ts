import type { SpinSpace } from './spin-space.js';
import type { SpinRole, SpinTask } from './spin-enumerator.js';

/** Combinations per task: about 0.1–0.5 s of spins, enough to amortise a task, few enough to balance. */
const TASK_COMBINATIONS = 1 << 19;

/**
 * Cuts a reel set's combinations into tasks: each fixes the states of the first `split` reels to a
 * range of prefix indexes. The plan depends on the reel set only, never on the thread count.
 * A task may play `maxLeavesPerCombination` spins per combination it holds, and at least `minLeaves`
 * (value draws branch).
 */
export function planSpins(
  space: SpinSpace,
  role: SpinRole,
  cap: number,
  maxLeavesPerCombination: number,
  minLeaves: number,
): SpinTask[] {
  const counts = space.reels.map((r) => r.count);
  const R = counts.length;
  const tail = (s: number): number => counts.slice(s).reduce((p, n) => p * n, 1);
  let split = 0;
  while (split < R - 1 && tail(split) > TASK_COMBINATIONS) split++;
  const perPrefix = tail(split);
  const prefixes = counts.slice(0, split).reduce((p, n) => p * n, 1);
  const step = Math.max(1, Math.floor(TASK_COMBINATIONS / perPrefix));
  const tasks: SpinTask[] = [];
  for (let from = 0; from < prefixes; from += step) {
    const to = Math.min(prefixes, from + step);
    const combinations = (to - from) * perPrefix;
    tasks.push({
      role,
      split,
      from,
      to,
      cap,
      maxLeaves: Math.max(minLeaves, Math.ceil(combinations * maxLeavesPerCombination)),
    });
  }
  return tasks;
}
