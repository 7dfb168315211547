import type { DrawTest } from './draw-tests.js';
import type { ReelStopTest } from './reel-test.js';
import type { RngScope } from './report-types.js';
import type { SerialTest } from './serial-test.js';
import type { Verdict } from './verdict.js';
import { ALPHA } from './verdict.js';
import { formatP } from './verdict-combinations.js';
import { signedFixed } from '../report/format.js';

export interface RngVerdictInput {
  readonly reels: readonly ReelStopTest[];
  readonly serial: SerialTest | null;
  readonly rounds: number;
  /** The seeded generator the simulation drew from, and the production RNG's certificate as given. */
  readonly scope?: RngScope;
  /** Format 2: the other weighted draws of every spin (reel heights, drawn values) against their weights. */
  readonly draws?: readonly DrawTest[];
}

const TITLE = 'Reel stops are drawn with their weights, and successive draws are uncorrelated';

/**
 * Verdict 4: one χ² per paid-spin reel (stop counts against weights) and the lag-1 serial
 * correlation of all draws. With m tests, each must have p ≥ 0.01 / m (Bonferroni), so the whole
 * verdict fails a sound generator at most 1% of the time.
 */
export function rngVerdict(input: RngVerdictInput): Verdict {
  const { reels, serial, rounds } = input;
  const method = `χ² of each paid-spin reel’s stop counts against its weights (classes merged to expect ≥ 5)${(input.draws ?? []).length > 0 ? ', of each other weighted draw of a spin (reel heights, drawn values) against its weights,' : ''} and the lag-1 correlation of the normalized draws (z = r·√pairs); Bonferroni: each of the m tests must have p ≥ 0.01 / m.`;
  const base = { id: 'rng' as const, title: TITLE, method };
  const scopeNotes = input.scope === undefined ? [] : [scopeNote(input.scope)];
  const draws = input.draws ?? [];
  const tested = reels.filter((t) => t.fit.pValue !== null);
  const drawn = draws.filter((t) => t.fit.pValue !== null);
  const m = tested.length + drawn.length + (serial === null ? 0 : 1);
  if (rounds === 0 || m === 0) {
    return {
      ...base,
      status: 'INCONCLUSIVE',
      summary:
        rounds === 0
          ? 'not tested: no round was played with per-round detail (--detail-spins)'
          : `too few rounds (${rounds.toLocaleString('en-US')}) to test`,
      figures: { rounds },
      details: [],
      notes: scopeNotes,
    };
  }
  const threshold = ALPHA / m;
  const failures: string[] = [];
  const details: [string, string][] = [];
  for (const t of reels) {
    const p = t.fit.pValue;
    const text =
      p === null
        ? 'too few draws'
        : `χ² = ${t.fit.statistic.toFixed(2)}, ${t.fit.dof} dof, p = ${formatP(p)}`;
    details.push([`reel ${t.reel} (${t.stops} stops${t.weighted ? ', weighted' : ''})`, text]);
    if (p !== null && p < threshold) failures.push(`reel ${t.reel} (p = ${formatP(p)})`);
  }
  for (const t of draws) {
    const p = t.fit.pValue;
    details.push([
      `${t.name} (${t.draws.toLocaleString('en-US')} draws)`,
      t.fit.impossible.length > 0
        ? `impossible outcomes seen: ${t.fit.impossible.map((c) => `${c.label} (${c.observed}×)`).join(', ')}`
        : p === null
          ? 'too few draws'
          : `χ² = ${t.fit.statistic.toFixed(2)}, ${t.fit.dof} dof, p = ${formatP(p)}`,
    ]);
    if (p !== null && p < threshold) failures.push(`${t.name} (p = ${formatP(p)})`);
  }
  if (serial !== null) {
    details.push([
      'serial correlation (lag 1)',
      `r = ${serial.correlation.toExponential(3)}, z = ${signedFixed(serial.z, 3)}, p = ${formatP(serial.pValue)} over ${serial.pairs.toLocaleString('en-US')} pairs`,
    ]);
    if (serial.pValue < threshold) failures.push(`serial correlation (p = ${formatP(serial.pValue)})`);
  }
  const minP = Math.min(
    ...tested.map((t) => t.fit.pValue!),
    ...drawn.map((t) => t.fit.pValue!),
    ...(serial === null ? [] : [serial.pValue]),
  );
  const pass = failures.length === 0;
  return {
    ...base,
    status: pass ? 'PASS' : 'FAIL',
    summary: pass
      ? `${m} tests, smallest p = ${formatP(minP)} ≥ ${formatP(threshold)} (0.01 / ${m})`
      : `${failures.join(', ')} below ${formatP(threshold)} (0.01 / ${m})`,
    figures: {
      rounds,
      tests: m,
      threshold,
      smallestP: minP,
      serialCorrelation: serial?.correlation ?? null,
      serialZ: serial?.z ?? null,
      serialP: serial?.pValue ?? null,
      ...Object.fromEntries(reels.map((t) => [`reel${t.reel}P`, t.fit.pValue])),
      ...(draws.length === 0 ? {} : { drawTests: drawn.length }),
    },
    details,
    notes: scopeNotes,
  };
}

/** What verdict 4 covers: the seeded generator of this simulation, not the production RNG. */
export function scopeNote(scope: RngScope): string {
  const production =
    scope.productionCertificate === null
      ? 'no certificate of the production RNG was given (--rng-certificate)'
      : `the production RNG's certificate, as given: ${scope.productionCertificate}`;
  return `scope: these tests check the seeded simulation generator ${scope.generator} (${scope.quality.note}) as the simulator draws reel stops from it, and the engine's mapping of draws to stops; they do not test the production RNG, which needs its own certification; ${production}`;
}
