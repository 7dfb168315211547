/**
 * The free-spin process of one round, exactly as `engine/round.ts` plays it, as a Markov chain over
 * (spins played p, spins allotted T = played + remaining). Each free spin plays one spin (p + 1)
 * and, by its count of trigger cells, may add spins: T grows by min(retrigger, maxSpins − T), so
 * T never passes the cap. The round's free spins end when p = T.
 *
 * The chain carries, for every state, its probability π, and the first and second moments of the
 * accumulated win (μ = E[F·1{state}], ν = E[F²·1{state}]) and the probability that nothing has
 * been won yet. A spin's win W and its retrigger are dependent (both come from its window), so the
 * step uses the joint moments per retrigger class: P(A = a), E[W·1{A = a}], E[W²·1{A = a}],
 * P(W = 0, A = a):
 *   π' = π·p_a,  μ' = μ·p_a + π·e1_a,  ν' = ν·p_a + 2μ·e1_a + π·e2_a.
 * Doubles: every quantity is a probability or a moment summed over at most maxSpins² / 2 states
 * with non-negative terms, so the relative error stays around 1e-13, far below printed digits.
 */

/** One retrigger class of a free spin: the spins it adds (before the cap's cut) and its moments. */
export interface RetriggerClass {
  readonly adds: number;
  /** P(A = adds) */
  readonly p: number;
  /** E[W·1{A = adds}], E[W²·1{A = adds}], P(W = 0, A = adds); W = the spin's win (× multiplier). */
  readonly e1: number;
  readonly e2: number;
  readonly zero: number;
}

export interface ChainResult {
  /** E[spins played] */
  readonly spins: number;
  /** E[(spins played)²] */
  readonly spinsSquare: number;
  /** E[F], E[F²] and P(F = 0) of the free spins' total win F. */
  readonly win: number;
  readonly winSquare: number;
  readonly pZero: number;
}

/** Runs the chain from `awarded` spins (already cut to maxSpins). */
export function freeSpinsChain(
  awarded: number,
  maxSpins: number,
  classes: readonly RetriggerClass[],
): ChainResult {
  const size = maxSpins + 1;
  let pi = new Float64Array(size);
  let mu = new Float64Array(size);
  let nu = new Float64Array(size);
  let zero = new Float64Array(size);
  let nextPi = new Float64Array(size);
  let nextMu = new Float64Array(size);
  let nextNu = new Float64Array(size);
  let nextZero = new Float64Array(size);
  pi[awarded] = 1;
  zero[awarded] = 1;
  let spins = 0;
  let spinsSquare = 0;
  let win = 0;
  let winSquare = 0;
  let pZero = 0;
  for (let p = 0; p < maxSpins; p++) {
    nextPi.fill(0);
    nextMu.fill(0);
    nextNu.fill(0);
    nextZero.fill(0);
    let live = false;
    for (let t = p + 1; t <= maxSpins; t++) {
      const a = pi[t]!;
      if (a === 0) continue;
      const m1 = mu[t]!;
      const m2 = nu[t]!;
      const z = zero[t]!;
      for (const c of classes) {
        const to = t + Math.min(c.adds, maxSpins - t);
        const sPi = a * c.p;
        const sMu = m1 * c.p + a * c.e1;
        const sNu = m2 * c.p + 2 * m1 * c.e1 + a * c.e2;
        const sZero = z * c.zero;
        if (to === p + 1) {
          spins += sPi * to;
          spinsSquare += sPi * to * to;
          win += sMu;
          winSquare += sNu;
          pZero += sZero;
        } else {
          nextPi[to]! += sPi;
          nextMu[to]! += sMu;
          nextNu[to]! += sNu;
          nextZero[to]! += sZero;
          live = true;
        }
      }
    }
    [pi, nextPi] = [nextPi, pi];
    [mu, nextMu] = [nextMu, mu];
    [nu, nextNu] = [nextNu, nu];
    [zero, nextZero] = [nextZero, zero];
    if (!live) break;
  }
  return { spins, spinsSquare, win, winSquare, pZero };
}
