import { csvField } from '../report/csv';
import type { ScanItemResult } from './job';

/**
 * One row of a scan's summary. The event fields count the run's events (`result.events`: runs of flagged windows
 * or steps); a result written without events (an older version) counts its flagged windows instead, and the
 * summary's `eventsFrom` says which.
 */
export interface SummaryRow {
  series: string;
  ok: boolean;
  /** The one-line error of a failed series, '' otherwise. */
  error: string;
  rows: number | null;
  lastDate: string | null;
  /** Events that end in the last `recentDays` days before the series' last date. */
  recentEvents: number | null;
  /** End date of the latest event, or null. */
  latestEvent: string | null;
  /** Highest test-window MAE divided by the threshold (above 1: flagged). */
  peakScore: number | null;
  /** All events in the scored part. */
  events: number | null;
  /** The series' report, relative to the summary. */
  report: string | null;
}

/** The summary of a whole scan (summary.json). */
export interface ScanSummary {
  recentDays: number;
  /** `events` when every result had events, else `anomalies` (flagged windows counted as events). */
  eventsFrom: 'events' | 'anomalies';
  total: number;
  failed: number;
  rows: SummaryRow[];
}

const DAY = 86400000;

/**
 * The summary row of one scanned series.
 *
 * @example
 * summaryRow(item, 30).recentEvents; // events ending in the 30 days up to the last date
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
  const ends = r.events ? r.events.map((e) => e.end) : r.anomalies.map((a) => a.date);
  const recent = ends.filter((d) => last - Date.parse(d.slice(0, 10)) < recentDays * DAY).length;
  const peak = r.test.reduce((m, w) => Math.max(m, w.mae), -Infinity);
  return {
    series: item.name,
    ok: true,
    error: '',
    rows: r.data.rows,
    lastDate: r.data.end,
    recentEvents: recent,
    latestEvent: ends.length ? ends[ends.length - 1] : null,
    peakScore: r.test.length && r.threshold.value > 0 ? peak / r.threshold.value : null,
    events: ends.length,
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
  const withEvents = items.every((i) => !i.ok || i.result.events !== undefined);
  const eventsFrom = withEvents ? 'events' : 'anomalies';
  return { recentDays, eventsFrom, total: rows.length, failed: rows.filter((r) => !r.ok).length, rows };
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
