import { escapeHtml } from '../report/escape';
import { significant } from '../util/format';
import { showHtml } from './display';

/** Anything with named columns and rows of cells: a danfo DataFrame, or {@link rowsToTable} of records. */
export interface TableLike {
  columns: string[];
  values: unknown[][] | unknown[];
  /** Row labels (danfo's `index`); shown as the first column when given. */
  index?: unknown[];
}

/** Options of {@link tableHtml}. */
export interface TableOptions {
  /** Rows shown; longer tables show the first and last rows around a `…` row. Default 20. */
  maxRows?: number;
  /** Significant digits of non-integer numbers. Default 5. */
  digits?: number;
  /** Show the row labels. Default true when the table has an index. */
  index?: boolean;
  /** A caption above the table. */
  caption?: string;
}

/** Records (e.g. anomalies `{date, value, mae}`) as a table, columns in first-seen key order. */
export function rowsToTable(rows: readonly object[]): TableLike {
  const columns: string[] = [];
  for (const r of rows) for (const k of Object.keys(r)) if (!columns.includes(k)) columns.push(k);
  return { columns, values: rows.map((r) => columns.map((c) => (r as Record<string, unknown>)[c])) };
}

function cell(v: unknown, digits: number): { text: string; numeric: boolean } {
  if (typeof v === 'number') {
    const text = Number.isInteger(v) ? v.toLocaleString('en-US') : significant(v, digits);
    return { text, numeric: true };
  }
  if (v === null || v === undefined) return { text: '', numeric: false };
  if (v instanceof Date) return { text: v.toISOString().slice(0, 10), numeric: false };
  return { text: typeof v === 'object' ? JSON.stringify(v) : String(v), numeric: false };
}

/**
 * An HTML table of a danfo DataFrame (its `columns`, `values` and `index`) or any {@link TableLike}; every cell
 * is escaped. danfo's own `toString()` is console text; this is what notebooks display.
 *
 * @example
 * tableHtml(df.head(5));
 * tableHtml(rowsToTable(result.anomalies), { maxRows: 10 });
 */
export function tableHtml(table: TableLike | readonly object[], opts: TableOptions = {}): string {
  const t: TableLike = isTableLike(table) ? table : rowsToTable(table);
  const digits = opts.digits ?? 5;
  const maxRows = Math.max(2, opts.maxRows ?? 20);
  const rows: unknown[][] = (t.values as unknown[]).map((r) => (Array.isArray(r) ? r : [r]));
  const showIndex = (opts.index ?? t.index !== undefined) && t.index !== undefined;
  const label = (i: number): string => escapeHtml(String(t.index?.[i] ?? i));
  const head = Math.ceil(maxRows / 2);
  const picked =
    rows.length > maxRows
      ? [...range(0, head), -1, ...range(rows.length - (maxRows - head), rows.length)]
      : range(0, rows.length);
  const th = (s: string, right = false): string => `<th${right ? ' style="text-align:right"' : ''}>${s}</th>`;
  const out: string[] = ['<table class="lstm-anomaly-table">'];
  if (opts.caption) out.push(`<caption style="text-align:left">${escapeHtml(opts.caption)}</caption>`);
  out.push(
    `<thead><tr>${showIndex ? th('') : ''}${t.columns.map((c) => th(escapeHtml(String(c)))).join('')}</tr></thead><tbody>`,
  );
  for (const i of picked) {
    if (i < 0) {
      out.push(`<tr>${showIndex ? th('…') : ''}${t.columns.map(() => '<td>…</td>').join('')}</tr>`);
      continue;
    }
    const tds = rows[i].map((v) => {
      const c = cell(v, digits);
      return `<td${c.numeric ? ' style="text-align:right"' : ''}>${escapeHtml(c.text)}</td>`;
    });
    out.push(`<tr>${showIndex ? th(label(i)) : ''}${tds.join('')}</tr>`);
  }
  out.push('</tbody></table>');
  if (rows.length > maxRows)
    out.push(`<p><small>${rows.length.toLocaleString('en-US')} rows × ${t.columns.length} columns</small></p>`);
  return out.join('');
}

/**
 * Display a table as the cell's output (see {@link tableHtml}).
 *
 * @example
 * showTable(df.describe());
 */
export function showTable(table: TableLike | readonly object[], opts: TableOptions = {}): void {
  showHtml(tableHtml(table, opts));
}

function isTableLike(t: TableLike | readonly object[]): t is TableLike {
  return !Array.isArray(t);
}

function range(a: number, b: number): number[] {
  return Array.from({ length: Math.max(0, b - a) }, (_, i) => a + i);
}
