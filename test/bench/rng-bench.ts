/**
 * Cost of one unbiased `int(50)` per generator: 50 M draws each, one child process per generator
 * so no generator runs with another's JIT feedback.
 *
 *   node --import tsx test/bench/rng-bench.ts            all generators
 *   node --import tsx test/bench/rng-bench.ts chacha20   one (also what the children run)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  createProductionRng,
  createRng,
  isRngName,
  PRODUCTION_RNG_NAME,
  RNG_NAMES,
  type Rng,
} from '../../src/rng/index.js';

const DRAWS = 50_000_000;
const BOUND = 50;

function makeRng(name: string): Rng {
  if (name === PRODUCTION_RNG_NAME) return createProductionRng();
  if (isRngName(name)) return createRng(name, 'bench', 0);
  throw new Error(`unknown rng ${name}`);
}

function draw(rng: Rng, count: number): number {
  let sum = 0;
  for (let i = 0; i < count; i++) sum += rng.int(BOUND);
  return sum;
}

function measure(name: string): void {
  const rng = makeRng(name);
  draw(rng, 2_000_000); // warm-up: let the JIT optimise int() and the loop
  const start = process.hrtime.bigint();
  const sum = draw(rng, DRAWS);
  const ns = Number(process.hrtime.bigint() - start);
  const mean = sum / DRAWS; // expected (BOUND − 1) / 2; printed so the loop cannot be dropped
  console.log(`${name.padEnd(12)} ${(ns / DRAWS).toFixed(2).padStart(6)} ns/int   mean ${mean.toFixed(4)}`);
}

const only = process.argv[2];
if (only !== undefined) {
  measure(only);
} else {
  console.log(`${DRAWS / 1e6} M × int(${BOUND}), node ${process.version}`);
  const self = fileURLToPath(import.meta.url);
  for (const name of [PRODUCTION_RNG_NAME, ...RNG_NAMES]) {
    execFileSync(process.execPath, [...process.execArgv, self, name], { stdio: 'inherit' });
  }
}
