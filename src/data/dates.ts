/**
 * Date parsing for series files. Every date becomes an ISO string:
 * - `YYYY-MM-DD` when there is no time of day, or the time is exactly midnight (00:00:00);
 * - `YYYY-MM-DDTHH:MM:SS` otherwise (a fraction of a second is kept, without trailing zeros, when it is not zero).
 * Times ending in `Z` are taken as given; times with an offset (`+02:00`) are converted to UTC.
 * A series uses one form for all rows: see {@link unifyDates}.
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})?)?$/;
const MON_RE = /^(\d{1,2})-([A-Za-z]{3})-(\d{2}|\d{4})$/;

/** The date formats {@link parseDate} accepts, for error messages. */
export const DATE_FORMATS = 'YYYY-MM-DD, YYYY-MM-DD HH:MM:SS, YYYY-MM-DDTHH:MM:SS(.sss)(Z) or DD-Mon-YY';

/**
 * Days in a month (1-12) of a year, Gregorian calendar.
 *
 * @throws Nothing.
 * @example
 * daysInMonth(2020, 2); // 29
 */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Expand a two-digit year like Python's `strptime('%y')`: 69-99 are 1969-1999, 00-68 are 2000-2068.
 *
 * @throws Nothing.
 * @example
 * expandYear(86); // 1986
 * expandYear(16); // 2016
 */
export function expandYear(yy: number): number {
  return yy >= 69 ? 1900 + yy : 2000 + yy;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

function isoOf(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: string): string | null {
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
  // Built with join: one flat string per date (a template literal this long is a chain of string pieces, several
  // times the memory, and a series holds millions of dates).
  const day = [pad(y, 4), pad(mo), pad(d)].join('-');
  const digits = ms.replace(/0+$/, '');
  const frac = digits ? `.${digits}` : '';
  if (h === 0 && mi === 0 && s === 0 && !frac) return day;
  return [day, 'T', pad(h), ':', pad(mi), ':', pad(s), frac].join('');
}

function applyOffset(y: number, mo: number, d: number, h: number, mi: number, s: number, tz: string): number[] {
  if (tz === 'Z') return [y, mo, d, h, mi, s];
  const sign = tz[0] === '-' ? -1 : 1;
  const digits = tz.slice(1).replace(':', '');
  const minutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
  const t = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - minutes * 60000);
  return [
    t.getUTCFullYear(),
    t.getUTCMonth() + 1,
    t.getUTCDate(),
    t.getUTCHours(),
    t.getUTCMinutes(),
    t.getUTCSeconds(),
  ];
}

/**
 * Parse one date cell into an ISO string, or `null` when it is not a valid date in a known format.
 * Accepts `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM(:SS(.sss))(Z|+HH:MM)`, `YYYY-MM-DD HH:MM:SS`, `D-Mon-YY`,
 * `DD-Mon-YY` (two-digit years pivot like Python: 69-99 -> 19xx, 00-68 -> 20xx) and `DD-Mon-YYYY`.
 * Impossible dates (2019-02-30, 25:00) give `null`.
 *
 * @throws Nothing: invalid input gives `null`.
 * @example
 * parseDate('02-Jan-86');            // '1986-01-02'
 * parseDate('2014-07-01 00:30:00');  // '2014-07-01T00:30:00'
 * parseDate('2014-07-01 00:00:00');  // '2014-07-01'
 * parseDate('2019-02-30');           // null
 */
export function parseDate(text: string): string | null {
  const t = text.trim();
  const m = ISO_RE.exec(t);
  if (m) {
    let parts = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number);
    const [y, mo, d, h, mi, s] = parts;
    if (isoOf(y, mo, d, h, mi, s, '') === null) return null;
    if (m[8]) parts = applyOffset(y, mo, d, h, mi, s, m[8]);
    return isoOf(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], m[7] ?? '');
  }
  const n = MON_RE.exec(t);
  if (n) {
    const month = MONTHS.indexOf(n[2].toLowerCase()) + 1;
    if (month === 0) return null;
    const year = n[3].length === 2 ? expandYear(Number(n[3])) : Number(n[3]);
    return isoOf(year, month, Number(n[1]), 0, 0, 0, '');
  }
  return null;
}

/**
 * True when an ISO date from {@link parseDate} carries a time of day.
 *
 * @throws Nothing.
 * @example
 * hasTime('2020-01-01T09:30:00'); // true
 */
export function hasTime(iso: string): boolean {
  return iso.length > 10;
}

/**
 * Put all dates of a series in one form: if any carries a time of day, midnight dates become
 * `YYYY-MM-DDT00:00:00`; otherwise they stay `YYYY-MM-DD`. String order then equals time order.
 *
 * @throws Nothing.
 * @example
 * unifyDates(['2014-07-01', '2014-07-01T00:30:00']); // ['2014-07-01T00:00:00', '2014-07-01T00:30:00']
 */
export function unifyDates(dates: string[]): string[] {
  if (!dates.some(hasTime) || dates.every(hasTime)) return dates;
  return dates.map((d) => (hasTime(d) ? d : `${d}T00:00:00`));
}

/**
 * Add whole days to an ISO date (`YYYY-MM-DD`, or with a time, which is kept).
 *
 * @throws Error if `iso` does not start with a valid `YYYY-MM-DD`.
 * @example
 * addDays('2020-02-28', 2); // '2020-03-01'
 */
export function addDays(iso: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m || parseDate(m[0]) === null) throw new Error(`addDays: not an ISO date: ${iso}`);
  const t = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}${iso.slice(10)}`;
}

/**
 * Today's date (UTC) as `YYYY-MM-DD`.
 *
 * @throws Nothing.
 * @example
 * todayIso(); // e.g. '2025-01-31'
 */
export function todayIso(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}
