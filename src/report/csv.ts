import type { RunResult } from '../result';

/**
 * One CSV field: quoted (with doubled quotes) when it holds a comma, quote or line break.
 *
 * @throws Nothing.
 * @example
 * csvField('a,b'); // '"a,b"'
 */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * The anomalies of a run as CSV text: header `date,value,mae`, one row per anomaly in time order, numbers with
 * full precision (shortest text that reads back to the same double), `\n` line ends, final newline.
 *
 * @throws Nothing: a run without anomalies gives the header only.
 * @example
 * anomaliesCsv(result); // 'date,value,mae\n2020-03-16,2386.13,0.0731\n'
 */
export function anomaliesCsv(result: Pick<RunResult, 'anomalies'>): string {
  const rows = result.anomalies.map((a) => [a.date, a.value, a.mae].map(csvField).join(','));
  return ['date,value,mae', ...rows].join('\n') + '\n';
}
