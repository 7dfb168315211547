/**
 * Exact sums of non-negative integer weights and credits, kept in doubles while they stay below
 * 2^53 and spilled into bigints beyond: each term is an exact integer (a product is taken in
 * bigints when it would pass 2^53), and a double sum is moved to the bigint part before it could
 * lose a unit. The hot loop adds doubles; the bigint part is touched rarely.
 *
 * A `WeightScale` lets the hot loop add weights that are exact only up to a common factor: while
 * the enumeration walks the last reel, every leaf's weight is (the weight of the first reels'
 * states, a bigint that can pass 2^53) × (a double below 2^53). The tallies keep each double sum
 * with the scale it was added under, and multiply it in (one bigint product) when a later leaf of
 * another scale touches the same entry, or at the end. With one scale (factor 1) this is the
 * plain exact sum.
 */

const SAFE = 2 ** 53;

/** The common factor of the weights being added now: scale `id`, `factor`; earlier ones kept. */
export class WeightScale {
  id = 0;
  factor = 1n;
  readonly factors: bigint[] = [1n];

  /** From now on weights are in units of `factor`. */
  next(factor: bigint): void {
    this.factors.push(factor);
    this.id = this.factors.length - 1;
    this.factor = factor;
  }
}

interface Cell {
  lo: number;
  scale: number;
}

/** key → Σ weight (or Σ weight × credits), exact. */
export class Tally<K> {
  private readonly lo = new Map<K, Cell>();
  private readonly hi = new Map<K, bigint>();

  constructor(private readonly scale: WeightScale = new WeightScale()) {}

  /** Adds an exact integer `w` (below 2^53), in units of the current scale. */
  add(key: K, w: number): void {
    const s = this.scale;
    let cell = this.lo.get(key);
    if (cell === undefined) {
      cell = { lo: 0, scale: s.id };
      this.lo.set(key, cell);
    } else if (cell.scale !== s.id) {
      if (cell.lo > 0) this.addBig(key, BigInt(cell.lo) * s.factors[cell.scale]!);
      cell.lo = 0;
      cell.scale = s.id;
    }
    const sum = cell.lo + w;
    if (sum < SAFE) cell.lo = sum;
    else {
      this.addBig(key, (BigInt(cell.lo) + BigInt(w)) * s.factor);
      cell.lo = 0;
    }
  }

  /** Adds w × x (exact integers below 2^53 each), w in units of the current scale. */
  addProduct(key: K, w: number, x: number): void {
    const p = w * x;
    if (p < SAFE) this.add(key, p);
    else this.addBig(key, BigInt(w) * BigInt(x) * this.scale.factor);
  }

  /** Adds an exact bigint (not scaled). */
  addBig(key: K, w: bigint): void {
    this.hi.set(key, (this.hi.get(key) ?? 0n) + w);
  }

  get size(): number {
    return this.lo.size + this.hi.size;
  }

  /** The exact sums (no zero entries). */
  entries(): Map<K, bigint> {
    const factors = this.scale.factors;
    const out = new Map<K, bigint>();
    for (const [k, c] of this.lo) if (c.lo > 0) out.set(k, BigInt(c.lo) * factors[c.scale]!);
    for (const [k, v] of this.hi) if (v > 0n) out.set(k, (out.get(k) ?? 0n) + v);
    return out;
  }
}

/** One exact sum (see `Tally`). */
export class ExactSum {
  private lo = 0;
  private loScale = 0;
  private hi = 0n;

  constructor(private readonly scale: WeightScale = new WeightScale()) {}

  add(w: number): void {
    const s = this.scale;
    if (this.loScale !== s.id) {
      if (this.lo > 0) this.hi += BigInt(this.lo) * s.factors[this.loScale]!;
      this.lo = 0;
      this.loScale = s.id;
    }
    const sum = this.lo + w;
    if (sum < SAFE) this.lo = sum;
    else {
      this.hi += (BigInt(this.lo) + BigInt(w)) * s.factor;
      this.lo = 0;
    }
  }

  addProduct(w: number, x: number): void {
    const p = w * x;
    if (p < SAFE) this.add(p);
    else this.hi += BigInt(w) * BigInt(x) * this.scale.factor;
  }

  addBig(w: bigint): void {
    this.hi += w;
  }

  get value(): bigint {
    return this.hi + BigInt(this.lo) * this.scale.factors[this.loScale]!;
  }
}

/** Adds `b` into `a`, key by key. */
export function addInto<K>(a: Map<K, bigint>, b: ReadonlyMap<K, bigint>, scale = 1n): void {
  for (const [k, v] of b) a.set(k, (a.get(k) ?? 0n) + v * scale);
}

/** A `Tally` over the keys 0 … size − 1, in typed arrays. */
export class DenseTally {
  private readonly lo: Float64Array;
  private readonly loScale: Int32Array;
  private hi: bigint[] | null = null;

  constructor(
    size: number,
    private readonly scale: WeightScale = new WeightScale(),
  ) {
    this.lo = new Float64Array(size);
    this.loScale = new Int32Array(size);
  }

  add(key: number, w: number): void {
    const s = this.scale;
    if (this.loScale[key] !== s.id) {
      const lo = this.lo[key]!;
      if (lo > 0) this.addBig(key, BigInt(lo) * s.factors[this.loScale[key]!]!);
      this.lo[key] = 0;
      this.loScale[key] = s.id;
    }
    const sum = this.lo[key]! + w;
    if (sum < SAFE) this.lo[key] = sum;
    else {
      this.addBig(key, (BigInt(this.lo[key]!) + BigInt(w)) * s.factor);
      this.lo[key] = 0;
    }
  }

  addProduct(key: number, w: number, x: number): void {
    const p = w * x;
    if (p < SAFE) this.add(key, p);
    else this.addBig(key, BigInt(w) * BigInt(x) * this.scale.factor);
  }

  addBig(key: number, w: bigint): void {
    const hi = (this.hi ??= new Array<bigint>(this.lo.length).fill(0n));
    hi[key] = hi[key]! + w;
  }

  entries(): Map<number, bigint> {
    const factors = this.scale.factors;
    const out = new Map<number, bigint>();
    for (let k = 0; k < this.lo.length; k++) {
      const lo = this.lo[k]!;
      const v = (lo > 0 ? BigInt(lo) * factors[this.loScale[k]!]! : 0n) + (this.hi?.[k] ?? 0n);
      if (v > 0n) out.set(k, v);
    }
    return out;
  }
}

/** Keys below this go to the dense part of a `HistogramTally`. */
const DENSE_KEYS = 4096;

/** A `Tally` over non-negative integer keys: small keys in a typed array, the rest in a map. */
export class HistogramTally {
  private readonly dense: DenseTally;
  private readonly sparse: Tally<number>;

  constructor(scale: WeightScale = new WeightScale()) {
    this.dense = new DenseTally(DENSE_KEYS, scale);
    this.sparse = new Tally<number>(scale);
  }

  add(key: number, w: number): void {
    if (key < DENSE_KEYS) this.dense.add(key, w);
    else this.sparse.add(key, w);
  }

  addBig(key: number, w: bigint): void {
    if (key < DENSE_KEYS) this.dense.addBig(key, w);
    else this.sparse.addBig(key, w);
  }

  entries(): Map<number, bigint> {
    const out = this.dense.entries();
    for (const [k, v] of this.sparse.entries()) out.set(k, v);
    return out;
  }
}
