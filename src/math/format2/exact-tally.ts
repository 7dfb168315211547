/**
 * Exact sums of non-negative integer weights and credits, kept in doubles while they stay below
 * 2^53 and spilled into bigints beyond: each term is an exact integer (a product is taken in
 * bigints when it would pass 2^53), and a double sum is moved to the bigint part before it could
 * lose a unit. The hot loop adds doubles; the bigint part is touched rarely.
 */

const SAFE = 2 ** 53;

/** key → Σ weight (or Σ weight × credits), exact. */
export class Tally<K> {
  private readonly lo = new Map<K, number>();
  private readonly hi = new Map<K, bigint>();

  /** Adds an exact integer `w` (below 2^53). */
  add(key: K, w: number): void {
    const sum = (this.lo.get(key) ?? 0) + w;
    if (sum < SAFE) this.lo.set(key, sum);
    else this.spill(key, BigInt(w));
  }

  /** Adds w × x (exact integers below 2^53 each). */
  addProduct(key: K, w: number, x: number): void {
    const p = w * x;
    if (p < SAFE) this.add(key, p);
    else this.spill(key, BigInt(w) * BigInt(x));
  }

  addBig(key: K, w: bigint): void {
    this.hi.set(key, (this.hi.get(key) ?? 0n) + w);
  }

  private spill(key: K, w: bigint): void {
    const lo = this.lo.get(key) ?? 0;
    this.lo.set(key, 0);
    this.hi.set(key, (this.hi.get(key) ?? 0n) + BigInt(lo) + w);
  }

  get size(): number {
    return this.lo.size + this.hi.size;
  }

  /** The exact sums (no zero entries). */
  entries(): Map<K, bigint> {
    const out = new Map<K, bigint>();
    for (const [k, v] of this.lo) if (v > 0) out.set(k, BigInt(v));
    for (const [k, v] of this.hi) if (v > 0n) out.set(k, (out.get(k) ?? 0n) + v);
    return out;
  }
}

/** One exact sum (see `Tally`). */
export class ExactSum {
  private lo = 0;
  private hi = 0n;

  add(w: number): void {
    const sum = this.lo + w;
    if (sum < SAFE) this.lo = sum;
    else {
      this.hi += BigInt(this.lo) + BigInt(w);
      this.lo = 0;
    }
  }

  addProduct(w: number, x: number): void {
    const p = w * x;
    if (p < SAFE) this.add(p);
    else this.hi += BigInt(w) * BigInt(x);
  }

  addBig(w: bigint): void {
    this.hi += w;
  }

  get value(): bigint {
    return this.hi + BigInt(this.lo);
  }
}

/** Adds `b` into `a`, key by key. */
export function addInto<K>(a: Map<K, bigint>, b: ReadonlyMap<K, bigint>, scale = 1n): void {
  for (const [k, v] of b) a.set(k, (a.get(k) ?? 0n) + v * scale);
}

/** A `Tally` over the keys 0 … size − 1, in a typed array. */
export class DenseTally {
  private readonly lo: Float64Array;
  private hi: bigint[] | null = null;

  constructor(size: number) {
    this.lo = new Float64Array(size);
  }

  add(key: number, w: number): void {
    const sum = this.lo[key]! + w;
    if (sum < SAFE) this.lo[key] = sum;
    else this.spill(key, BigInt(w));
  }

  addProduct(key: number, w: number, x: number): void {
    const p = w * x;
    if (p < SAFE) this.add(key, p);
    else this.spill(key, BigInt(w) * BigInt(x));
  }

  addBig(key: number, w: bigint): void {
    const hi = (this.hi ??= new Array<bigint>(this.lo.length).fill(0n));
    hi[key] = hi[key]! + w;
  }

  private spill(key: number, w: bigint): void {
    const hi = (this.hi ??= new Array<bigint>(this.lo.length).fill(0n));
    hi[key] = hi[key]! + BigInt(this.lo[key]!) + w;
    this.lo[key] = 0;
  }

  entries(): Map<number, bigint> {
    const out = new Map<number, bigint>();
    for (let k = 0; k < this.lo.length; k++) {
      const v = BigInt(this.lo[k]!) + (this.hi?.[k] ?? 0n);
      if (v > 0n) out.set(k, v);
    }
    return out;
  }
}

/** Keys below this go to the dense part of a `HistogramTally`. */
const DENSE_KEYS = 4096;

/** A `Tally` over non-negative integer keys: small keys in a typed array, the rest in a map. */
export class HistogramTally {
  private readonly dense = new DenseTally(DENSE_KEYS);
  private readonly sparse = new Tally<number>();

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
