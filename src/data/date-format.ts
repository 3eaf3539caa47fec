import { InputError } from '../util/errors';
import { stripControl } from '../util/sanitize';
import { daysInMonth, expandYear } from './dates';

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The tokens of a `--date-format`, longest first, with the pattern each matches. */
const TOKENS: [string, string][] = [
  ['YYYY', '(\\d{4})'],
  ['Mon', '([A-Za-z]{3})'],
  ['YY', '(\\d{2})'],
  ['MM', '(\\d{2})'],
  ['DD', '(\\d{2})'],
  ['HH', '(\\d{2})'],
  ['mm', '(\\d{2})'],
  ['ss', '(\\d{2})'],
  ['M', '(\\d{1,2})'],
  ['D', '(\\d{1,2})'],
  ['H', '(\\d{1,2})'],
];

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/**
 * A parser for dates written in one explicit format (`--date-format`): `YYYY` or `YY` (two-digit years pivot as
 * Python's `%y`), `MM`/`M` or `Mon` (Jan..Dec), `DD`/`D`, and optionally `HH`/`H`, `mm`, `ss`; any other character
 * is literal. The parser gives the same ISO form as `parseDate` (`YYYY-MM-DD`, or with `THH:MM:SS`), or null for a
 * cell that does not match or is no real date.
 *
 * @throws InputError naming the format when it has no year, month or day, or a token twice.
 * @example
 * dateParser('DD.MM.YYYY')('24.12.2020'); // '2020-12-24'
 * dateParser('MM/DD/YYYY HH:mm')('12/24/2020 18:30'); // '2020-12-24T18:30:00'
 */
export function dateParser(format: string): (text: string) => string | null {
  const fields: string[] = [];
  let re = '';
  for (let i = 0; i < format.length; ) {
    const t = TOKENS.find(([tok]) => format.startsWith(tok, i));
    if (t) {
      fields.push(t[0]);
      re += t[1];
      i += t[0].length;
    } else {
      re += format[i].replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      i++;
    }
  }
  const has = (...names: string[]): boolean => names.some((n) => fields.includes(n));
  const shown = stripControl(format);
  if (!has('YYYY', 'YY') || !has('MM', 'M', 'Mon') || !has('DD', 'D')) {
    throw new InputError(
      `--date-format ${shown}: needs a year (YYYY or YY), a month (MM, M or Mon) and a day (DD or D)`,
    );
  }
  if (new Set(fields).size !== fields.length) throw new InputError(`--date-format ${shown}: a part appears twice`);
  const rx = new RegExp(`^${re}$`);
  return (text: string): string | null => {
    const m = rx.exec(text.trim());
    if (!m) return null;
    const v: Record<string, string> = {};
    fields.forEach((f, i) => {
      v[f] = m[i + 1];
    });
    const y = v.YYYY !== undefined ? Number(v.YYYY) : expandYear(Number(v.YY));
    const mo = v.Mon !== undefined ? MONTHS.indexOf(v.Mon.toLowerCase()) + 1 : Number(v.MM ?? v.M);
    const d = Number(v.DD ?? v.D);
    const h = Number(v.HH ?? v.H ?? 0);
    const mi = Number(v.mm ?? 0);
    const s = Number(v.ss ?? 0);
    if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
    const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
    return h === 0 && mi === 0 && s === 0 ? day : `${day}T${pad(h)}:${pad(mi)}:${pad(s)}`;
  };
}
