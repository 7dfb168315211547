import { randomBytes } from 'node:crypto';

/** A fresh seed from the CSPRNG: 16 lowercase hex digits (64 bits), to print so a run can be repeated. */
export function randomSeed(): string {
  return randomBytes(8).toString('hex');
}
