import { createHash } from 'node:crypto';

/**
 * The report ID: SHA-256, in lowercase hex, of `report.json` exactly as written — its UTF-8
 * bytes, final newline included — so `sha256sum report.json` prints it. It is shown in
 * report.html and report.md (whose bytes are not hashed), never inside report.json itself.
 */
export function reportId(reportJson: string): string {
  return createHash('sha256').update(reportJson, 'utf8').digest('hex');
}
