import type { CertifyReport } from '../certify/report-types.js';

/** `report.json`: the report data itself (non-finite numbers, which JSON lacks, become null). */
export function certifyJson(report: CertifyReport): string {
  return `${JSON.stringify(report, (_key, value: unknown) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
