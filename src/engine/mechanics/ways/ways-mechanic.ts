/**
 * The ways mechanic: every interpretation of ways pays, in one object (see `pay-mechanic.ts`).
 */
import type { PayMechanic } from '../pay-mechanic.js';
import { evaluateWays } from './ways-evaluate.js';
import { WAYS_CYCLE } from './ways-cycle.js';
import { WAYS_KERNEL } from './ways-kernel.js';

export const WAYS: PayMechanic<'ways'> = {
  kind: 'ways',
  winKind: 'ways',
  evaluate: evaluateWays,
  combinationKey: (rule, count) => `ways:${rule}:${count}`,
  fastKernel: WAYS_KERNEL,
  fullCycle: WAYS_CYCLE,
  perReel: null,
};
