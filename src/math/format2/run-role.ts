/** One reel set's spins enumerated for the analysis (or the reason they were not), with what it took. */
import type { Game } from '../../engine/model.js';
import type { SpinEnumerationInfo, SpinsNotEnumerated } from './format2-types.js';
import { withTwoPoint } from './plan-format2.js';
import type { RolePlan } from './plan-format2.js';
import type { SpinDistribution } from './spin-distribution.js';
import { enumerateSpins } from './spin-run.js';

export interface RoleOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number) => void;
}

/** An enumerated reel set, or why it was not. */
export type RoleResult =
  | {
      readonly ok: true;
      readonly plan: RolePlan & { enumerate: true };
      readonly spins: SpinDistribution;
      readonly info: SpinEnumerationInfo;
    }
  | { readonly ok: false; readonly info: SpinsNotEnumerated };

export async function runRole(
  game: Game,
  plan: RolePlan,
  options: RoleOptions,
  threads: number,
): Promise<RoleResult> {
  if (!plan.enumerate)
    return { ok: false, info: { role: plan.role, reelSet: plan.set.name, reason: plan.reason } };
  const started = performance.now();
  const played = withTwoPoint(game, plan.twoPoint);
  // A refill may bring more value-carrying cells: allow 4× the reveal's paths (and one spin more).
  const result = await enumerateSpins(played, plan.role, plan.values, {
    threads,
    leavesPerCombination: 4 * plan.branches + 1,
    cap: plan.role === 'base' ? game.maxWinCredits : null,
    ...(options.signal === undefined ? {} : { signal: options.signal }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  if ('exceeded' in result) {
    return { ok: false, info: { role: plan.role, reelSet: plan.set.name, reason: result.exceeded } };
  }
  return {
    ok: true,
    plan,
    spins: result,
    info: {
      role: plan.role,
      reelSet: plan.set.name,
      combinations: result.combinations,
      spins: result.leaves,
      values: result.values,
      cycle: result.cycle,
      denominator: result.denominator,
      threads,
      elapsedSeconds: (performance.now() - started) / 1000,
    },
  };
}
