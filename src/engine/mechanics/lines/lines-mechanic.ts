/**
 * The lines mechanic: every interpretation of line pays, in one object (see `pay-mechanic.ts`).
 */
import type { PayMechanic } from '../pay-mechanic.js';
import { evaluateLines } from './lines-evaluate.js';
import { LINES_CYCLE } from './lines-cycle.js';
import { LINES_KERNEL } from './lines-kernel.js';

export const LINES: PayMechanic<'lines'> = {
  kind: 'lines',
  winKind: 'line',
  evaluate: evaluateLines,
  combinationKey: (rule, count, wildMultiplier) => `line:${rule}:${count}:${wildMultiplier}`,
  fastKernel: LINES_KERNEL,
  fullCycle: LINES_CYCLE,
  perReel: null,
};
