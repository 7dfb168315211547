import type { Analysis, Figure } from '../math/analysis-types.js';
import { rtpRanges, volatilityIndex } from '../math/volatility.js';

/**
 * The note `analyzeFormat2` writes about its own stand-in simulation. Certify runs that analysis
 * with a token stand-in and uses none of its simulated figures (its own simulation gives them), so
 * the note would describe figures the report does not show.
 */
const STAND_IN_NOTE = 'figures marked "simulated" come from';

/**
 * The enumeration notes' threads and seconds ("…, on the calling thread, 0.01 s)"): report.json
 * holds only what the game, seed and rounds decide (the run's threads and timings have their own
 * members), so they are left out.
 */
const RUN_DETAILS = /, (?:on the calling thread|\d+ threads?), \d+(?:\.\d+)? s\)/g;

/** A figure the exact analysis gave (exact, exact-double or exact-expectation), not simulated. */
function given(figure: Figure | null | undefined): figure is Figure {
  return figure !== null && figure !== undefined && figure.precision !== 'simulated';
}

/**
 * A format-2 game's analysis for `certify`: `simulated` (this run's simulation, `simulatedAnalysis`,
 * which keeps the tables: reel sets, observed combinations, distribution) with every headline
 * figure that `exact` (`analyzeFormat2`) gives without simulating taken from it, with its label —
 * the RTP and its parts, the sd, the hit frequency, the trigger rates, free spins per trigger, the
 * cap's rate and the largest enumerated wins. What the exact analysis could not give stays this
 * run's simulated figure (never the exact analysis's own stand-in simulation), and the notes say
 * which figure is which. `simulatedOnly` stays true: the PAR tables are the simulation's.
 */
export function withExactFigures(simulated: Analysis, exact: Analysis): Analysis {
  const taken: string[] = [];
  const kept: string[] = [];
  const pick = <F extends Figure | null | undefined>(
    name: string,
    own: F,
    other: Figure | null | undefined,
  ): F | Figure => {
    if (given(other)) {
      taken.push(`${name} (${other.precision})`);
      return other;
    }
    if (own !== null && own !== undefined) kept.push(name);
    return own;
  };
  const c = simulated.components;
  const e = exact.components;
  const components = {
    lines: pick('components.lines', c.lines, e.lines),
    scatter: pick('components.scatter', c.scatter, e.scatter),
    freeSpins: pick('components.freeSpins', c.freeSpins, e.freeSpins),
    bonus: pick('components.bonus', c.bonus, e.bonus),
  };
  // The format-2 analysis gives the hold-and-win part among its components, and its rate in its
  // hold-and-win table.
  const holdAndWin =
    simulated.holdAndWin === undefined
      ? {}
      : {
          holdAndWin: pick('components.holdAndWin', simulated.holdAndWin, e.holdAndWin ?? exact.holdAndWin),
        };
  const rtp = pick('rtp', simulated.rtp, exact.rtp);
  const sd = pick('sd', simulated.sd, exact.sd);
  const hitFrequency = pick('hitFrequency', simulated.hitFrequency, exact.hitFrequency);
  const pFreeSpinsTrigger = pick('pFreeSpinsTrigger', simulated.pFreeSpinsTrigger, exact.pFreeSpinsTrigger);
  const expectedFreeSpinsPerTrigger = pick(
    'expectedFreeSpinsPerTrigger',
    simulated.expectedFreeSpinsPerTrigger,
    exact.expectedFreeSpinsPerTrigger,
  );
  const pBonusTrigger = pick('pBonusTrigger', simulated.pBonusTrigger, exact.pBonusTrigger);
  // Not shown by the report (its hold-and-win table is the simulation's), so not listed.
  const hwRate = exact.pHoldAndWinTrigger ?? exact.format2?.holdAndWin?.pTrigger;
  const pHoldAndWinTrigger = given(hwRate) ? { pHoldAndWinTrigger: hwRate } : {};
  // The enumerated bound on a round's win is tighter than the per-reel one, and is what proves
  // that the cap cannot bind (an exact expectation's condition); without it the per-reel bound stays.
  const m = exact.maxWin;
  const bounded = Number.isFinite(m.roundBound) && m.roundBound < Number.MAX_VALUE;
  const maxWin = {
    ...(bounded ? m : simulated.maxWin),
    capHit: pick('capHit', simulated.maxWin.capHit, m.capHit),
    largestPaidSpin: m.largestPaidSpin,
    largestFreeSpin: m.largestFreeSpin,
  };
  if (taken.length === 0) {
    // Nothing exact: the simulated analysis, with the exact analysis's reasons.
    return { ...simulated, notExact: exact.notExact.length === 0 ? simulated.notExact : exact.notExact };
  }
  const run = simulated.simulation;
  const where =
    run === null
      ? 'this run’s simulation'
      : `this run’s ${run.spins.toLocaleString('en-US')} simulated rounds (seed "${run.seed}", ${run.rng}), labelled "simulated" with their 99% intervals`;
  const modeNotes = simulated.notes.filter((n) => n.startsWith('mode "'));
  return {
    ...simulated,
    exact: exact.exact,
    notExact: exact.notExact,
    notes: [
      `from the exact format-2 analysis, with their labels: ${taken.join(', ')}`,
      `${kept.length === 0 ? 'no headline figure is simulated' : `simulated, from ${where}: ${kept.join(', ')}`}; the paying combinations and the win distribution are the simulation's (observed), not exact`,
      ...exact.notes.filter((n) => !n.startsWith(STAND_IN_NOTE)).map((n) => n.replaceAll(RUN_DETAILS, ')')),
      ...modeNotes,
    ],
    rtp,
    components,
    ...holdAndWin,
    ...pHoldAndWinTrigger,
    sd,
    hitFrequency,
    pFreeSpinsTrigger,
    expectedFreeSpinsPerTrigger,
    pBonusTrigger,
    volatility: sd === null ? null : volatilityIndex(sd.value),
    rtpRanges: sd === null ? null : rtpRanges(rtp.value, sd.value),
    uncapped: exact.uncapped,
    maxWin,
  };
}
