import * as fs from 'fs';
import * as path from 'path';
import type { Series } from '../data/series';
import { eventsCsv } from '../events/csv';
import { anomaliesCsv } from '../report/csv';
import { renderReport } from '../report/html';
import { OUT_MARKER, readMarker, writeMarkedDir } from '../util/out-marker';
import { VERSION } from '../version';
import type { ScanItemResult } from './job';
import { buildSummary, type ScanSummary, summaryCsv } from './summary';
import { summaryHtml } from './summary-html';

/** The marker file of an output folder of lstm-anomaly (the CLI's detect and score outputs carry it too). */
export const SCAN_MARKER = OUT_MARKER;

/**
 * True when a folder is an earlier scan output: its marker file ({@link SCAN_MARKER}) says `scan`.
 *
 * @throws Nothing.
 * @example
 * isScanOutput('reports/scan-2026-12-02'); // true after a scan wrote it
 */
export function isScanOutput(dir: string): boolean {
  return readMarker(dir)?.command === 'scan';
}

/**
 * Write a whole scan's outputs into `out`, atomically (nothing half-written; an existing folder is replaced
 * only on success): the marker file ({@link SCAN_MARKER}, listing every entry written), one sub-folder per scanned series as a detect run
 * writes it (result.json, anomalies.csv, report.html; no model/ folder: scan results carry no weights), then
 * summary.csv, summary.json and summary.html. Failed series get no sub-folder, only their summary row.
 *
 * @throws Error when the folder cannot be written.
 * @example
 * const summary = await writeScanOutputs('reports/scan', items, seriesByName, 30);
 */
export async function writeScanOutputs(
  out: string,
  items: ScanItemResult[],
  series: Map<string, Series>,
  recentDays: number,
): Promise<ScanSummary> {
  const summary = buildSummary(items, recentDays);
  await writeMarkedDir(out, 'scan', VERSION, (tmp) => {
    for (const item of items) {
      if (!item.ok) continue;
      const s = series.get(item.name);
      const dir = path.join(tmp, item.name);
      fs.mkdirSync(dir);
      fs.writeFileSync(path.join(dir, 'result.json'), JSON.stringify(item.result, null, 1));
      fs.writeFileSync(path.join(dir, 'anomalies.csv'), anomaliesCsv(item.result, s));
      if (item.result.events) fs.writeFileSync(path.join(dir, 'events.csv'), eventsCsv(item.result.events));
      if (s) fs.writeFileSync(path.join(dir, 'report.html'), renderReport({ result: item.result, series: s }));
    }
    const marks = new Map(
      items.flatMap((i) => (i.ok ? [[i.name, i.result.anomalies.map((a) => a.date)] as [string, string[]]] : [])),
    );
    writeSummary(tmp, summary, series, marks);
  });
  return summary;
}

/**
 * The exit status of a scan: 0, or 1 when every series failed.
 *
 * @example
 * process.exitCode = scanExitCode(summary);
 */
export function scanExitCode(s: Pick<ScanSummary, 'total' | 'failed'>): number {
  return s.total > 0 && s.failed === s.total ? 1 : 0;
}

/**
 * Write summary.csv, summary.json and summary.html into `dir` (which exists); `series` gives the rows drawn
 * as sparklines (by series name; a series without rows gets none), `marks` the dates dotted on them.
 *
 * @throws Error when the folder cannot be written.
 * @example
 * writeSummary('reports/scan', buildSummary(items, 30), seriesByName);
 */
export function writeSummary(
  dir: string,
  s: ScanSummary,
  series: Map<string, Series>,
  marks?: Map<string, string[]>,
): void {
  fs.writeFileSync(path.join(dir, 'summary.csv'), summaryCsv(s));
  fs.writeFileSync(path.join(dir, 'summary.json'), JSON.stringify(s, null, 1));
  fs.writeFileSync(path.join(dir, 'summary.html'), summaryHtml(s, series, marks));
}
