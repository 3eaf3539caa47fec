import { scriptJson } from '../plot/html';
import { escapeHtml } from './escape';
import { REVIEW_SCRIPT } from './review-script';

/** What the review controls need of one series' events. */
export interface ReviewTarget {
  /** The run's data file name (or symbol): the key of the exported NAB windows JSON. */
  file: string;
  /** First and last date of the series (an imported CSV's intervals must lie within them). */
  start: string;
  end: string;
  /** Rows of the series (part of the storage key). */
  rows: number;
  /** The events, in the order of the events table's rows. */
  events: { start: string; end: string }[];
  /** Id of the events chart (a Plotly div) that takes the drag. Default `events`. */
  chart?: string;
  /** CSS selector of the events table whose rows get the buttons. Default `#events-table`. */
  table?: string;
  /** Number of this block on the page (for a page with several series). Default 0. */
  n?: number;
}

/**
 * The run's data file name as a marks file names it: the last part of its source path (`data/nyc_taxi.csv` ->
 * `nyc_taxi.csv`), a ticker as it is.
 *
 * @throws never.
 * @example
 * reviewFileName('data\\nab\\nyc_taxi.csv'); // 'nyc_taxi.csv'
 */
export function reviewFileName(source: string): string {
  return source.split(/[\\/]/).pop() || source;
}

/**
 * The browser-storage key of a series' marks: `lstm-anomaly-review:` and the data file name, first and last date
 * and row count, so a report of the same data (a re-scored run too) shows the same marks.
 *
 * @throws never.
 * @example
 * reviewKey({ file: 'a.csv', start: '2020-01-01', end: '2020-12-31', rows: 366, events: [] });
 */
export function reviewKey(t: ReviewTarget): string {
  return `lstm-anomaly-review:${JSON.stringify([t.file, t.start, t.end, t.rows])}`;
}

const STYLE = `<style>.review button{font:inherit;font-size:12px;margin:0 4px 2px 0;padding:2px 8px;border:1px solid #cbd5e1;
border-radius:4px;background:#fff;cursor:pointer}.review button.on,.review-cell button.on{background:#1e3a8a;color:#fff}
.review-cell button{font-size:12px;margin-right:4px;padding:1px 6px;border:1px solid #cbd5e1;border-radius:4px;background:#fff}
.review-msg{color:#b45309}</style>`;

/**
 * The review controls of one series: a line of counts, the drawn intervals, export (NAB windows JSON keyed by the
 * data file name, `start,end,label` CSV), import, clear, and the inline script ({@link REVIEW_SCRIPT}) that adds
 * "anomaly" / "not an anomaly" buttons to each events-table row and a horizontal drag on the events chart. Marks
 * stay in the browser's storage ({@link reviewKey}); nothing is sent anywhere.
 *
 * @throws never; every text from the data is escaped (HTML) or JSON-encoded for the script.
 * @example
 * const html = reviewControls({ file: 'a.csv', start: '2020-01-01', end: '2020-12-31', rows: 366, events });
 */
export function reviewControls(t: ReviewTarget): string {
  const n = t.n ?? 0;
  const data = {
    n,
    key: reviewKey(t),
    file: t.file,
    start: t.start,
    end: t.end,
    chart: t.chart ?? 'events',
    table: t.table ?? '#events-table',
    events: t.events.map((e) => [e.start, e.end]),
  };
  return `${n <= 1 ? STYLE : ''}<div class="review" id="review${n}">
<h3>Review</h3><p class="caption">Mark each event in the table as an anomaly or not, and drag across the chart above
to mark a missed interval. Marks stay in this browser; export them as a labels file for
<code>lstm-anomaly review DIR --labels FILE</code>, <code>--labels</code> or <code>evaluate</code> (the JSON names
the series: <code>${escapeHtml(t.file)}</code>).</p>
<p class="review-count"></p><ul class="review-drawn"></ul>
<p><button class="review-json">export JSON</button><button class="review-csv">export CSV</button>
<label>import <input type="file" class="review-import" accept=".json,.csv,application/json,text/csv"></label>
<button class="review-clear">clear</button> <span class="review-msg"></span></p>
<script>(function(R){${REVIEW_SCRIPT}})(${scriptJson(data)});</script></div>`;
}

/**
 * The review of one file of `evaluation.html`, folded: its events as a table (start, end) and its
 * {@link reviewControls} on the file's chart; the export keys the marks by the file's path under the evaluated
 * folder, as `evaluate --labels` matches them.
 *
 * @throws never; file names and dates are escaped.
 * @example
 * reviewDetails('realKnownCause/nyc_taxi.csv', series.dates, events, 1, 'file-1');
 */
export function reviewDetails(
  file: string,
  dates: ArrayLike<string>,
  events: { start: string; end: string }[],
  n: number,
  chart: string,
): string {
  const rows = events.map(
    (e, i) => `<tr><td>${i + 1}</td><td>${escapeHtml(e.start)}</td><td>${escapeHtml(e.end)}</td></tr>`,
  );
  const table = `<table class="anomalies" id="review${n}-events"><thead><tr><th>#</th><th>start</th><th>end</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
  const controls = reviewControls({
    file,
    start: dates[0] ?? '',
    end: dates[dates.length - 1] ?? '',
    rows: dates.length,
    events,
    chart,
    table: `#review${n}-events`,
    n,
  });
  return `<details class="review-file"><summary>Review ${escapeHtml(file)} (${events.length} event${events.length === 1 ? '' : 's'})</summary>\n${table}\n${controls}</details>`;
}

/**
 * One "export all" button for a page with several series (`evaluation.html`): the marks of every review block
 * in one NAB windows JSON, one key per file, for `evaluate --labels`.
 *
 * @throws never.
 * @example
 * const html = `<h2>Series</h2>${reviewExportAll()}`;
 */
export function reviewExportAll(): string {
  return `<p><button id="review-all">export all marks (JSON)</button></p>
<script>document.getElementById('review-all').onclick=function(){var o={};(window.lstmReview||[]).forEach(function(b){o[b.file]=b.marks();});
var a=document.createElement('a');a.href=URL.createObjectURL(new Blob([JSON.stringify(o,null,1)+'\\n'],{type:'application/json'}));
a.download='marks.json';document.body.appendChild(a);a.click();setTimeout(function(){URL.revokeObjectURL(a.href);a.remove();},0);};</script>`;
}
