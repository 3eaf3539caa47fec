import { InputError } from '../util/errors';
import { stripControl } from '../util/sanitize';
import type { CsvSeriesOptions } from './csv-series-options';

const DATE_NAMES = ['Date', 'timestamp', 'time', 'Datetime'];
const VALUE_NAMES = ['Close', 'Adj Close', 'value', 'price'];

function findColumn(header: string[], name: string): number {
  const exact = header.indexOf(name.trim());
  return exact >= 0 ? exact : header.findIndex((h) => h.toLowerCase() === name.trim().toLowerCase());
}

/** Separators a header of one field may hold when the file was split on the wrong one. */
const OTHER_SEPS: [string, string][] = [
  [';', ';'],
  ['\t', 'tab'],
  ['|', '|'],
  [',', ','],
];

/** The hint for a header that is one field holding another separator: name it with --sep. */
function splitHint(header: string[], opts: CsvSeriesOptions): string {
  if (header.length !== 1) return '';
  const sep = opts.sep === undefined ? ',' : opts.sep === 'tab' || opts.sep === '\\t' ? '\t' : opts.sep;
  const found = OTHER_SEPS.find(([c]) => c !== sep && header[0].includes(c));
  return found ? `; the header was not split into columns: it holds "${found[1]}", try --sep '${found[1]}'` : '';
}

/**
 * The date column and the value columns of a CSV header (`--date-col`, `--value-col`, else the usual names):
 * indices into the header. `raw` is the header as read, for the hint when it was split on the wrong separator.
 *
 * @throws InputError naming the file: a column named twice in the header, a column not found, no date or value
 * column among the usual names, a column both date and value, a value column given twice.
 * @example
 * resolveColumns(['Date', 'Close'], 'x.csv', {}); // { dateIdx: 0, valueIdx: [1] }
 */
export function resolveColumns(
  header: string[],
  file: string,
  opts: CsvSeriesOptions,
  raw: string[] = header,
): { dateIdx: number; valueIdx: number[] } {
  const cols = `columns: ${header.join(', ')}${splitHint(raw, opts)}`;
  header.forEach((h, i) => {
    const j = header.indexOf(h);
    if (h !== '' && j < i) {
      throw new InputError(
        `${file}: column "${h}" appears twice in the header (columns ${j + 1} and ${i + 1}); rename one`,
      );
    }
  });
  const need = (name: string): number => {
    const i = findColumn(header, name);
    if (i < 0) throw new InputError(`${file}: column "${stripControl(name)}" not found (${cols})`);
    return i;
  };
  const pick = (names: string[], what: string, flag: string): number => {
    for (const n of names) {
      const i = findColumn(header, n);
      if (i >= 0) return i;
    }
    throw new InputError(`${file}: no ${what} column (looked for ${names.join(', ')}; ${cols}); name one with ${flag}`);
  };
  const dateIdx = opts.dateCol !== undefined ? need(opts.dateCol) : pick(DATE_NAMES, 'date', '--date-col');
  const valueIdx =
    opts.valueCols !== undefined ? opts.valueCols.map(need) : [pick(VALUE_NAMES, 'value', '--value-col')];
  if (valueIdx.length === 0) throw new InputError(`${file}: no value columns given (${cols})`);
  if (valueIdx.includes(dateIdx))
    throw new InputError(`${file}: column "${header[dateIdx]}" cannot be both the date and a value column`);
  if (new Set(valueIdx).size !== valueIdx.length) {
    throw new InputError(`${file}: a value column is named twice (${stripControl(opts.valueCols?.join(', ') ?? '')})`);
  }
  return { dateIdx, valueIdx };
}
