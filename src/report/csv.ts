import type { Series } from '../data/series';
import { anomalyValues } from '../plot/figures';
import type { RunResult } from '../result';
import { spreadsheetSafe } from '../util/sanitize';

/**
 * One CSV field: text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, CR first; not a plain number)
 * gets a leading `'`, then the field is quoted (with doubled quotes) when it holds a comma, quote or line break.
 *
 * @throws Nothing.
 * @example
 * csvField('a,b'); // '"a,b"'
 * csvField('=1+2'); // "'=1+2"
 */
export function csvField(v: string | number): string {
  const s = typeof v === 'number' ? String(v) : spreadsheetSafe(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The anomalies of a run as CSV text: header `date,value,mae`, one row per anomaly in time order, numbers with
 * full precision (shortest text that reads back to the same double), `\n` line ends, final newline. Given the
 * series of a multivariate run, one more column per value column (named after it, `value_<name>` if the name
 * is taken) holds that column's raw value at the anomaly's date; `value` stays the first column's.
 *
 * @throws Nothing: a run without anomalies gives the header only.
 * @example
 * anomaliesCsv(result); // 'date,value,mae\n2020-03-16,2386.13,0.0731\n'
 */
export function anomaliesCsv(result: Pick<RunResult, 'anomalies'>, series?: Series): string {
  const multi = series !== undefined && series.columns.length > 1;
  const extra = multi ? anomalyValues(result.anomalies, series) : [];
  const taken = new Set(['date', 'value', 'mae']);
  const names = multi ? series.columns.map((c) => (taken.has(c.toLowerCase()) ? `value_${c}` : c)) : [];
  const header = ['date', 'value', 'mae', ...names].map(csvField).join(',');
  const rows = result.anomalies.map((a, i) => [a.date, a.value, a.mae, ...(extra[i] ?? [])].map(csvField).join(','));
  return `${[header, ...rows].join('\n')}\n`;
}
