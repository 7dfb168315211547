import type { PrizeNode } from '../engine/model.js';

/** The largest prize of a bonus tree. */
export function prizeBound(node: PrizeNode): number {
  return node.kind === 'pick'
    ? Math.max(0, ...node.values)
    : Math.max(0, ...node.counts) * prizeBound(node.each);
}

/** The most draws one evaluation of a prize tree can make. */
export function prizeDraws(node: PrizeNode): number {
  return node.kind === 'pick' ? 1 : 1 + Math.max(0, ...node.counts) * prizeDraws(node.each);
}
