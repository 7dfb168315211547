import type { CertifyVariantsRun } from '../certify/certify-variants.js';
import type { CertifyReport } from '../certify/report-types.js';
import { distributionCsv, parCsv } from './certify-csv.js';
import { certifyJson } from './certify-json.js';
import { certifyMarkdown } from './certify-md.js';
import { variantsJson, variantsJsonText } from './certify-variants.js';
import { certifyVariantsMarkdown } from './certify-variants-md.js';
import { certifyVariantsHtml } from './html/certify-variants-html.js';
import { certifyHtml } from './html/certify-html.js';
import { reportId } from './report-id.js';

/** A report folder's files: relative path → content. */
export type ReportFiles = Readonly<Record<string, string>>;

/**
 * The five files of one certification report. report.json is rendered first: its SHA-256 is the
 * report ID that report.html and report.md show.
 */
export function certifyReportFiles(report: CertifyReport): ReportFiles {
  const json = certifyJson(report);
  const id = reportId(json);
  return {
    'report.html': certifyHtml(report, { reportId: id }),
    'report.md': certifyMarkdown(report, { reportId: id }),
    'report.json': json,
    'par.csv': parCsv(report),
    'distribution.csv': distributionCsv(report),
  };
}

/**
 * The folder of `certify --all-variants`: report.html, report.md and report.json at the top (the
 * summary and every variant in full; report.json the summary with each variant's report ID), and
 * each variant's own five files in its sub-folder, as `certify --variant V` writes them.
 */
export function certifyVariantsFiles(run: CertifyVariantsRun): ReportFiles {
  const files: Record<string, string> = {};
  const ids: string[] = [];
  for (const { folder, report } of run.reports) {
    const own = certifyReportFiles(report);
    ids.push(reportId(own['report.json']!));
    for (const [name, content] of Object.entries(own)) files[`${folder}/${name}`] = content;
  }
  const summary = variantsJson(run, ids);
  const json = variantsJsonText(summary);
  const id = reportId(json);
  return {
    'report.html': certifyVariantsHtml(run, summary, { reportId: id }),
    'report.md': certifyVariantsMarkdown(run, summary, { reportId: id }),
    'report.json': json,
    ...files,
  };
}
