import type { CheckReport } from '../check/check-types.js';

/** `check --json`: the report data (non-finite numbers, which JSON lacks, become null). */
export function checkJson(report: CheckReport): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
