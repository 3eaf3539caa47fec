/**
 * Dates of a long series as epoch milliseconds (8 bytes a row instead of a string each), printed back exactly as
 * the loaders' ISO strings (see dates.ts): `YYYY-MM-DD` when no date of the series has a time of day, else
 * `YYYY-MM-DDTHH:MM:SS` with a fraction of a second (no trailing zeros) where it is not zero.
 */

/**
 * Milliseconds in a day.
 *
 * @example
 * msOfIso('2020-01-03') - msOfIso('2020-01-02') === DAY_MS; // true
 */
export const DAY_MS = 86_400_000;

const FORM_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?)?$/;

/**
 * The epoch milliseconds (UTC) of a loader's ISO date, or `NaN` when it cannot be printed back exactly from
 * them (not one of the ISO forms, or a fraction of a second finer than a millisecond).
 *
 * @throws never.
 * @example
 * msOfIso('2020-01-02'); // 1577923200000
 * msOfIso('2020-01-02T00:00:00.1234'); // NaN (finer than a millisecond)
 */
export function msOfIso(iso: string): number {
  if (!FORM_RE.test(iso)) return Number.NaN;
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : `${iso}Z`);
}

const DATE = new Date(0);

function pad(n: number, w: number): string {
  return String(n).padStart(w, '0');
}

/**
 * The ISO string of epoch milliseconds: `YYYY-MM-DD` without `withTime` (the day's date), else with the time
 * of day and, when not zero, the milliseconds without trailing zeros. One flat string (built with join).
 *
 * @throws never.
 * @example
 * isoOfMs(1577923200000, false); // '2020-01-02'
 * isoOfMs(1577923200500, true); // '2020-01-02T00:00:00.5'
 */
export function isoOfMs(ms: number, withTime: boolean): string {
  DATE.setTime(ms);
  const day = [pad(DATE.getUTCFullYear(), 4), pad(DATE.getUTCMonth() + 1, 2), pad(DATE.getUTCDate(), 2)];
  if (!withTime) return day.join('-');
  const time = [pad(DATE.getUTCHours(), 2), pad(DATE.getUTCMinutes(), 2), pad(DATE.getUTCSeconds(), 2)];
  const milli = DATE.getUTCMilliseconds();
  const frac = milli === 0 ? '' : `.${pad(milli, 3).replace(/0+$/, '')}`;
  return [day.join('-'), 'T', time.join(':'), frac].join('');
}

/**
 * True when epoch milliseconds are not a midnight: the loader's string of that date carries a time of day.
 *
 * @throws never.
 * @example
 * msHasTime(1577923200000); // false
 */
export function msHasTime(ms: number): boolean {
  return ((ms % DAY_MS) + DAY_MS) % DAY_MS !== 0;
}

/** Dates as epoch milliseconds, and whether they print with a time of day (see {@link isoOfMs}). */
export interface DateStore {
  /** Epoch milliseconds (UTC) of each row. */
  readonly ms: Float64Array;
  /** True when the series' dates print with a time of day (some date of the series is not a midnight). */
  readonly withTime: boolean;
}

/**
 * Store a list of loader ISO dates (already in one form, see `unifyDates`) as milliseconds, or `undefined` when
 * some date does not print back exactly (keep the strings then).
 *
 * @throws never.
 * @example
 * const store = dateStoreOf(['2020-01-02', '2020-01-03']); // { ms: Float64Array [...], withTime: false }
 */
export function dateStoreOf(dates: readonly string[]): DateStore | undefined {
  const ms = new Float64Array(dates.length);
  let withTime = false;
  for (let i = 0; i < dates.length; i++) {
    ms[i] = msOfIso(dates[i]);
    if (Number.isNaN(ms[i])) return undefined;
    if (dates[i].length > 10) withTime = true;
  }
  const store = { ms, withTime };
  for (let i = 0; i < dates.length; i++) if (isoOfMs(ms[i], withTime) !== dates[i]) return undefined;
  return store;
}
