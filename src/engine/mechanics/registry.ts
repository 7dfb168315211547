/**
 * Every pay mechanic, by evaluation kind. The type makes the registry exhaustive: a kind added to
 * `EvaluationKind` without its mechanic, or a mechanic missing a face, does not compile.
 */
import type { EvaluationKind } from '../model.js';
import { ANYWHERE } from './anywhere/anywhere-mechanic.js';
import { CLUSTER } from './cluster/cluster-mechanic.js';
import { LINES } from './lines/lines-mechanic.js';
import type { PayMechanic } from './pay-mechanic.js';
import { WAYS } from './ways/ways-mechanic.js';

export const PAY_MECHANICS: { readonly [K in EvaluationKind]: PayMechanic<K> } = {
  lines: LINES,
  ways: WAYS,
  cluster: CLUSTER,
  anywhere: ANYWHERE,
};

/** The mechanic of a game's evaluation kind. */
export function payMechanic(kind: EvaluationKind): PayMechanic {
  return PAY_MECHANICS[kind];
}
