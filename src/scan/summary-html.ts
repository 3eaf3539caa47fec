import type { Series } from '../data/series';
import { escapeHtml, formatNumber } from '../report/escape';
import { REPORT_CSP } from '../report/page';
import type { ScanSummary, SummaryRow } from './summary';

const SPARK_POINTS = 120;
const W = 160;
const H = 32;

/**
 * A small inline SVG line of a series' first column (at most 120 points: the minimum and maximum of each
 * bucket alternate so spikes stay visible), red dots on the given dates.
 *
 * @example
 * sparkline(series, new Set(['2020-03-16'])); // '<svg ...><polyline .../></svg>'
 */
export function sparkline(s: Series, marks: Set<string>): string {
  const n = s.values.length;
  if (n < 2) return '';
  const v = s.values.map((r) => r[0]);
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of v) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  const span = hi - lo || 1;
  const step = Math.max(1, Math.ceil(n / SPARK_POINTS));
  const pt = (i: number) => `${((i / (n - 1)) * W).toFixed(1)},${(H - 1 - ((v[i] - lo) / span) * (H - 2)).toFixed(1)}`;
  const pts: string[] = [];
  for (let b = 0; b < n; b += step) {
    let a = b;
    let z = b;
    for (let i = b; i < Math.min(n, b + step); i++) {
      if (v[i] < v[a]) a = i;
      if (v[i] > v[z]) z = i;
    }
    for (const i of a < z ? [a, z] : a > z ? [z, a] : [a]) pts.push(pt(i));
  }
  const dots = s.dates
    .flatMap((d, i) => (marks.has(d) ? [i] : []))
    .slice(-20)
    .map((i) => {
      const [x, y] = pt(i).split(',');
      return `<circle cx="${x}" cy="${y}" r="1.8"/>`;
    })
    .join('');
  return `<svg width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><polyline points="${pts.join(' ')}"/>${dots}</svg>`;
}

function cell(r: SummaryRow, key: keyof SummaryRow): string {
  const v = r[key];
  if (v === null || v === undefined) return '<td data-v=""></td>';
  const shown = typeof v === 'number' ? formatNumber(v, 4) : String(v);
  return `<td data-v="${escapeHtml(String(v))}">${escapeHtml(shown)}</td>`;
}

const SORT_JS = `document.querySelectorAll('th[data-k]').forEach(function(th,col){th.onclick=function(){
var tb=document.querySelector('tbody'),rows=Array.prototype.slice.call(tb.rows),dir=th.dataset.dir==='a'?-1:1;
document.querySelectorAll('th').forEach(function(h){delete h.dataset.dir});th.dataset.dir=dir>0?'a':'d';
rows.sort(function(a,b){var x=a.cells[col].dataset.v,y=b.cells[col].dataset.v;if(x===y)return 0;
if(x==='')return 1;if(y==='')return -1;var p=Number(x),q=Number(y);
return dir*(isNaN(p)||isNaN(q)?(x<y?-1:1):p-q)});rows.forEach(function(r){tb.appendChild(r)})}})`;

/**
 * summary.html: one offline page (no network, see REPORT_CSP), a table sortable by clicking a header (plain
 * JS), a sparkline per series (red dots: `marks`, its anomaly dates) and a link to each series' report.html.
 *
 * @example
 * fs.writeFileSync('summary.html', summaryHtml(summary, seriesByName));
 */
export function summaryHtml(
  s: ScanSummary,
  series: Map<string, Series>,
  marks: Map<string, string[]> = new Map(),
): string {
  const cols: [keyof SummaryRow, string][] = [
    ['series', 'Series'],
    ['rows', 'Rows'],
    ['lastDate', 'Last date'],
    ['recentEvents', `Events, last ${s.recentDays} days`],
    ['latestEvent', 'Latest event'],
    ['peakScore', 'Peak score'],
    ['events', 'Events (test part)'],
  ];
  const body = s.rows
    .map((r) => {
      const link = r.report
        ? `<a href="${escapeHtml(encodeURI(r.report))}">${escapeHtml(r.series)}</a>`
        : escapeHtml(r.series);
      const first = `<td data-v="${escapeHtml(r.series)}">${link}</td>`;
      const ser = series.get(r.series);
      const chart = r.ok && ser ? sparkline(ser, new Set(marks.get(r.series) ?? [])) : '';
      const tail = r.ok ? `<td class="chart">${chart}</td>` : `<td class="err">${escapeHtml(r.error)}</td>`;
      return `<tr${r.ok ? '' : ' class="failed"'}>${first}${cols
        .slice(1)
        .map(([k]) => cell(r, k))
        .join('')}${tail}</tr>`;
    })
    .join('\n');
  const head = `${cols.map(([k, t]) => `<th data-k="${k}">${escapeHtml(t)}</th>`).join('')}<th>Chart / error</th>`;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>Scan summary: ${s.total} series</title>
<style>body{font:14px system-ui,sans-serif;margin:1.5em}table{border-collapse:collapse}
td,th{padding:3px 8px;border-bottom:1px solid #ddd;text-align:left}
th{cursor:pointer;background:#f4f4f4}th[data-dir=a]::after{content:' \\25B2'}th[data-dir=d]::after{content:' \\25BC'}
tr.failed td{color:#999}td.err{color:#b00}
svg polyline{fill:none;stroke:#1f77b4;stroke-width:1}svg circle{fill:#d62728}</style>
</head><body>
<h1>Scan summary</h1>
<p>${s.total} series, ${s.total - s.failed} scanned, ${s.failed} failed. ${s.eventsFrom === 'events' ? 'Events: runs of flagged windows or steps.' : 'Events are flagged windows (these results hold no events).'}
Peak score: the highest test-window error divided by the threshold.</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table>
<script>${SORT_JS}</script>
</body></html>
`;
}
