import { parseCsv } from '../data/csv';
import { parseDate } from '../data/dates';
import { InputError } from '../util/errors';

/** A labeled anomaly: an inclusive `[start, end]` span of ISO dates. */
export interface LabelInterval {
  start: string;
  end: string;
}

/**
 * Milliseconds since the epoch (UTC) of an ISO date from `parseDate` (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS(.f)`).
 *
 * @throws never; an unparseable date gives NaN.
 * @example
 * isoMillis('1970-01-02'); // 86400000
 */
export function isoMillis(iso: string): number {
  return Date.parse(iso.length <= 10 ? `${iso}T00:00:00Z` : /Z$/.test(iso) ? iso : `${iso}Z`);
}

function dateOf(text: unknown, where: string): string {
  const iso = typeof text === 'string' ? parseDate(text) : null;
  if (iso === null) throw new InputError(`${where}: invalid date ${JSON.stringify(text)}`);
  return iso;
}

function interval(a: unknown, b: unknown, where: string): LabelInterval {
  const start = dateOf(a, where);
  const end = dateOf(b, where);
  if (isoMillis(end) < isoMillis(start)) {
    throw new InputError(`${where}: label ends (${end}) before it starts (${start})`);
  }
  return { start, end };
}

/**
 * Parse NAB's windows JSON, `{"subset/file.csv": [["2014-02-19 10:50:00.000000", "..."], ...]}` (timestamps with
 * or without the fractional `.000000`), into intervals per key.
 *
 * @throws InputError `<name>: malformed JSON (...)`, or one line naming the key and the bad window.
 * @example
 * parseNabWindows('{"a.csv": [["2014-01-01 00:00:00.000000", "2014-01-02"]]}')['a.csv'][0].start;
 * // '2014-01-01'
 */
export function parseNabWindows(text: string, name = 'labels'): Record<string, LabelInterval[]> {
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${name}: malformed JSON (${(e as Error).message.split('\n')[0]})`);
  }
  if (j === null || typeof j !== 'object' || Array.isArray(j)) {
    throw new InputError(`${name}: expected an object {"file.csv": [[start, end], ...]}`);
  }
  const out: Record<string, LabelInterval[]> = {};
  for (const [key, wins] of Object.entries(j as Record<string, unknown>)) {
    if (!Array.isArray(wins)) throw new InputError(`${name}: "${key}" is not a list of [start, end] windows`);
    out[key] = wins.map((w, i) => {
      const where = `${name}: "${key}" window ${i + 1}`;
      if (!Array.isArray(w) || w.length !== 2) throw new InputError(`${where}: expected [start, end]`);
      return interval(w[0], w[1], where);
    });
  }
  return out;
}

/**
 * The labels of one data file in NAB windows: the key equal to its path relative to the data root
 * (`realKnownCause/nyc_taxi.csv`), else to a key whose last path part is its file name.
 *
 * @throws InputError `<name>: no labels for <file>` when no key matches, or when its file name matches several keys.
 * @example
 * labelsForFile({ 'x/a.csv': [] }, 'a.csv'); // []
 */
export function labelsForFile(
  windows: Record<string, LabelInterval[]>,
  relPath: string,
  name = 'labels',
): LabelInterval[] {
  const rel = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  if (windows[rel]) return windows[rel];
  const base = rel.split('/').pop()!;
  const keys = Object.keys(windows).filter((k) => k.replace(/\\/g, '/').split('/').pop() === base);
  if (keys.length === 1) return windows[keys[0]];
  if (keys.length > 1) {
    throw new InputError(`${name}: ${rel} matches several keys (${keys.join(', ')}); use its relative path`);
  }
  throw new InputError(`${name}: no labels for ${rel}`);
}

/**
 * Parse a CSV of labeled intervals, one `start,end` per row, with or without a header row.
 *
 * @throws InputError `<name> line N: ...` for a row without two dates, or an interval that ends before it starts.
 * @example
 * parseIntervalCsv('start,end\n2020-03-01,2020-03-31\n')[0].end; // '2020-03-31'
 */
export function parseIntervalCsv(text: string, name = 'labels'): LabelInterval[] {
  const t = parseCsv(text, name);
  const rows =
    t.header.length >= 2 && parseDate(t.header[0]) !== null
      ? [{ r: t.header, line: t.headerLine }, ...t.rows.map((r, i) => ({ r, line: t.lines[i] }))]
      : t.rows.map((r, i) => ({ r, line: t.lines[i] }));
  return rows.map(({ r, line }) => {
    if (r.length < 2) throw new InputError(`${name} line ${line}: expected start,end`);
    return interval(r[0], r[1], `${name} line ${line}`);
  });
}
