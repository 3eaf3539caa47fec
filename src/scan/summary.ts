import { csvField } from '../report/csv';
import type { ScanItemResult } from './job';

/**
 * One row of a scan's summary. Until "events" (runs of anomalies) exist in the library, the event fields count
 * flagged windows (anomalies); `eventsFrom` says which, and the field names stay when events replace them.
 */
export interface SummaryRow {
  series: string;
  ok: boolean;
  /** The one-line error of a failed series, '' otherwise. */
  error: string;
  rows: number | null;
  lastDate: string | null;
  /** Events in the last `recentDays` days before the series' last date (anomalies for now). */
  recentEvents: number | null;
  /** Date of the latest event (anomaly), or null. */
  latestEvent: string | null;
  /** Highest test-window MAE divided by the threshold (above 1: flagged). */
  peakScore: number | null;
  /** All events (anomalies) in the test part. */
  events: number | null;
  /** The series' report, relative to the summary. */
  report: string | null;
}

/** The summary of a whole scan (summary.json). */
export interface ScanSummary {
  recentDays: number;
  eventsFrom: 'anomalies';
  total: number;
  failed: number;
  rows: SummaryRow[];
}

const DAY = 86400000;

/**
 * The summary row of one scanned series.
 *
 * @example
 * summaryRow(item, 30).recentEvents; // anomalies in the 30 days up to the last date
 */
export function summaryRow(item: ScanItemResult, recentDays: number): SummaryRow {
  if (!item.ok) {
    return {
      series: item.name,
      ok: false,
      error: item.error,
      rows: null,
      lastDate: null,
      recentEvents: null,
      latestEvent: null,
      peakScore: null,
      events: null,
      report: null,
    };
  }
  const r = item.result;
  const last = Date.parse(r.data.end.slice(0, 10));
  const recent = r.anomalies.filter((a) => last - Date.parse(a.date.slice(0, 10)) < recentDays * DAY).length;
  const peak = r.test.reduce((m, w) => Math.max(m, w.mae), -Infinity);
  return {
    series: item.name,
    ok: true,
    error: '',
    rows: r.data.rows,
    lastDate: r.data.end,
    recentEvents: recent,
    latestEvent: r.anomalies.length ? r.anomalies[r.anomalies.length - 1].date : null,
    peakScore: r.test.length && r.threshold.value > 0 ? peak / r.threshold.value : null,
    events: r.anomalies.length,
    report: `${item.name}/report.html`,
  };
}

/**
 * The summary of a scan, rows in scan order.
 *
 * @example
 * const s = buildSummary(items, 30); // s.failed: series that failed
 */
export function buildSummary(items: ScanItemResult[], recentDays: number): ScanSummary {
  const rows = items.map((i) => summaryRow(i, recentDays));
  return { recentDays, eventsFrom: 'anomalies', total: rows.length, failed: rows.filter((r) => !r.ok).length, rows };
}

const CSV_COLS: (keyof SummaryRow)[] = [
  'series',
  'ok',
  'rows',
  'lastDate',
  'recentEvents',
  'latestEvent',
  'peakScore',
  'events',
  'report',
  'error',
];

/**
 * summary.csv: one line per series, empty fields for a failed series' numbers.
 *
 * @example
 * summaryCsv(summary).split('\n')[0]; // 'series,ok,rows,lastDate,recentEvents,...'
 */
export function summaryCsv(s: ScanSummary): string {
  const lines = s.rows.map((r) => CSV_COLS.map((c) => csvField(r[c] === null ? '' : String(r[c]))).join(','));
  return `${[CSV_COLS.join(','), ...lines].join('\n')}\n`;
}
