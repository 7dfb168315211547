import { DenseTally, ExactSum, HistogramTally, Tally, WeightScale } from './exact-tally.js';
import type { SignaturePart } from './spin-types.js';

/** Wild multipliers below this share a numeric win key with the rule and count. */
const MULTIPLIER_DIGIT = 2 ** 20;
/** Counts (run, reels, cluster size, n) stay at or below 100,000 cells. */
const COUNT_DIGIT = 2 ** 17;

/** A paying combination's key: a number when small (rule, count, wild multiplier), else its text. */
export function winKey(rule: number, count: number, multiplier: number): number | string {
  if (Number.isInteger(multiplier) && multiplier < MULTIPLIER_DIGIT && rule < 1024) {
    return (rule * COUNT_DIGIT + count) * MULTIPLIER_DIGIT + multiplier;
  }
  return `${rule}:${count}:${multiplier}`;
}

/** `rule:count:wildMultiplier`. */
function winKeyText(key: number | string): string {
  if (typeof key === 'string') return key;
  const multiplier = key % MULTIPLIER_DIGIT;
  const rest = (key - multiplier) / MULTIPLIER_DIGIT;
  const count = rest % COUNT_DIGIT;
  return `${(rest - count) / COUNT_DIGIT}:${count}:${multiplier}`;
}

/** Leaves of one signature, while the task runs. */
export class SignatureTally {
  readonly histogram = new Map<number, HistogramTally>();
  readonly pay: ExactSum;
  readonly scatter: ExactSum;
  readonly overCap: (readonly [number, number, bigint])[] = [];
  readonly winHits: Tally<number | string>;
  readonly winCredits: Tally<number | string>;
  readonly evaluations: DenseTally;
  readonly cascadePay: DenseTally;
  readonly factors: Tally<number>;
  readonly multiplierCells: DenseTally;
  readonly scatterCounts: DenseTally;
  readonly coinCounts: DenseTally;

  /** Weights added with `add…(…, w)` are in units of `scale`'s current factor (`WeightScale`). */
  constructor(
    readonly draws: readonly number[],
    evaluations: number,
    cells: number,
    private readonly scale: WeightScale = new WeightScale(),
  ) {
    this.pay = new ExactSum(scale);
    this.scatter = new ExactSum(scale);
    this.winHits = new Tally(scale);
    this.winCredits = new Tally(scale);
    this.factors = new Tally(scale);
    this.evaluations = new DenseTally(evaluations + 1, scale);
    this.cascadePay = new DenseTally(evaluations, scale);
    this.multiplierCells = new DenseTally(cells + 1, scale);
    this.scatterCounts = new DenseTally(cells + 1, scale);
    this.coinCounts = new DenseTally(cells + 1, scale);
  }

  classTally(cls: number): HistogramTally {
    let t = this.histogram.get(cls);
    if (t === undefined) {
      t = new HistogramTally(this.scale);
      this.histogram.set(cls, t);
    }
    return t;
  }

  part(): SignaturePart {
    const wins = new Map<string, readonly [bigint, bigint]>();
    const credits = this.winCredits.entries();
    for (const [key, hits] of this.winHits.entries())
      wins.set(winKeyText(key), [hits, credits.get(key) ?? 0n]);
    return {
      draws: this.draws,
      histogram: new Map([...this.histogram].map(([cls, t]) => [cls, t.entries()])),
      pay: this.pay.value,
      scatter: this.scatter.value,
      overCap: this.overCap,
      par: {
        wins,
        evaluations: this.evaluations.entries(),
        cascadePay: this.cascadePay.entries(),
        factors: this.factors.entries(),
        multiplierCells: this.multiplierCells.entries(),
        scatterCounts: this.scatterCounts.entries(),
        coinCounts: this.coinCounts.entries(),
      },
    };
  }
}
