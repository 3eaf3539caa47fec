import type { AnomalyRecord } from '../result';
import { escapeHtml, formatNumber } from './escape';

/** A column of {@link htmlTable}: header text and whether it holds numbers (right-aligned). */
export interface TableColumn {
  /** Header text (escaped). */
  title: string;
  /** Right-align the column. Default false. */
  numeric?: boolean;
}

/**
 * An HTML table; every header and cell is escaped, so data can hold any text.
 *
 * @param className optional CSS class of the table. Default none.
 * @throws Nothing: short rows leave empty cells.
 * @example
 * htmlTable([{ title: 'date' }, { title: 'mae', numeric: true }], [['2020-01-02', '0.1']]);
 */
export function htmlTable(columns: TableColumn[], rows: Array<Array<string | number>>, className = ''): string {
  const cls = (c: TableColumn) => (c.numeric ? ' class="num"' : '');
  const head = columns.map((c) => `<th${cls(c)}>${escapeHtml(c.title)}</th>`).join('');
  const body = rows
    .map((r) => `<tr>${columns.map((c, j) => `<td${cls(c)}>${escapeHtml(r[j] ?? '')}</td>`).join('')}</tr>`)
    .join('\n');
  return `<table${className ? ` class="${escapeHtml(className)}"` : ''}><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>`;
}

/**
 * The anomalies table (date, value, MAE), or the sentence "No anomalies ..." when there are none.
 *
 * @throws Nothing.
 * @example
 * anomaliesTable(result.anomalies, 'Close');
 */
export function anomaliesTable(anomalies: AnomalyRecord[], valueName = 'value'): string {
  if (anomalies.length === 0)
    return '<p class="empty">No anomalies: no test window has a reconstruction error above the threshold.</p>';
  const rows = anomalies.map((a) => [a.date, formatNumber(a.value), formatNumber(a.mae, 4)]);
  return `<div class="scroll">${htmlTable([{ title: 'date' }, { title: valueName, numeric: true }, { title: 'MAE', numeric: true }], rows)}</div>`;
}

/**
 * Show one setting: strings as-is, numbers readable, null/undefined as `-`, arrays and objects as JSON.
 *
 * @throws Nothing.
 * @example
 * settingText([64, 32]); // '[64,32]'
 */
export function settingText(v: unknown): string {
  if (v === null || v === undefined) return '-';
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v) ?? String(v);
}

/**
 * The settings table of a run: one row per key of `result.config`, in its order.
 *
 * @throws Nothing.
 * @example
 * settingsTable({ window: 30, epochs: 20 });
 */
export function settingsTable(config: Record<string, unknown>): string {
  const rows = Object.entries(config)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => [k, settingText(v)]);
  if (rows.length === 0) return '<p class="empty">No settings recorded.</p>';
  return htmlTable([{ title: 'setting' }, { title: 'value' }], rows, 'kv');
}
