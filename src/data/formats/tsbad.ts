import { InputError } from '../../util/errors';
import { stripControl } from '../../util/sanitize';
import { eachCsvFileRecord } from '../csv';
import type { Series } from '../series';
import { indexDates } from './index-dates';

/** What a TSB-AD file name says (see {@link parseTsbAdName}). */
export interface TsbAdName {
  /** Rows `0 .. trainEnd-1` are the training part (TSB-AD's `data[:train_index]`). */
  trainEnd: number;
  /** The 0-based row of the first anomaly, as the name gives it (the `Label` column is what is scored). */
  firstAnomaly: number;
}

const TSBAD_RE = /_tr_(\d+)_1st_(\d+)\.csv$/i;

/**
 * Parse a TSB-AD file name, `<index>_<dataset>_id_<id>_<domain>_tr_<trainEnd>_1st_<firstAnomaly>.csv`
 * (e.g. `001_NAB_id_1_Facility_tr_1007_1st_2014.csv`; the folder part is ignored). Undefined for another name.
 *
 * @throws InputError for a train end of 0.
 * @example
 * parseTsbAdName('001_NAB_id_1_Facility_tr_1007_1st_2014.csv'); // { trainEnd: 1007, firstAnomaly: 2014 }
 */
export function parseTsbAdName(file: string): TsbAdName | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const m = TSBAD_RE.exec(base);
  if (!m) return undefined;
  const trainEnd = Number(m[1]);
  if (trainEnd < 1) throw new InputError(`${stripControl(base)}: TSB-AD name with train end 0 (no training rows)`);
  return { trainEnd, firstAnomaly: Number(m[2]) };
}

/** A TSB-AD file read: its series (dated by row index) and its `Label` cells, one per row. */
export interface TsbAdData {
  series: Series;
  labels: string[];
}

const NUMBER_RE = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Read a TSB-AD CSV: a header, value columns and a `Label` column (0/1), no time column. The series holds every
 * column but `Label` (or `valueCols`), dated by row index ({@link indexDates}); streamed like any CSV.
 *
 * @throws InputError when the file cannot be read, has no `Label` column or no data rows, a row has the wrong
 *   number of fields, or a value is not a finite number (naming its line and column).
 * @example
 * const { series, labels } = loadTsbAd('tsb/001_NAB_id_1_Facility_tr_1007_1st_2014.csv');
 */
export function loadTsbAd(path: string, source = path, valueCols?: string[]): TsbAdData {
  const file = stripControl(source);
  let header: string[] = [];
  let label = -1;
  let cols: number[] = [];
  const values: number[][] = [];
  const labels: string[] = [];
  const onRecord = (fields: string[], line: number): void => {
    if (header.length === 0) {
      header = fields.map((h) => stripControl(h.trim()));
      label = header.findIndex((h) => h.toLowerCase() === 'label');
      if (label < 0) throw new InputError(`${file}: no Label column (columns: ${header.join(', ')})`);
      cols = valueCols
        ? valueCols.map((c) => {
            const i = header.findIndex((h) => h.toLowerCase() === c.trim().toLowerCase());
            if (i < 0 || i === label) throw new InputError(`${file}: no value column "${stripControl(c)}"`);
            return i;
          })
        : header.map((_, i) => i).filter((i) => i !== label);
      if (cols.length === 0) throw new InputError(`${file}: no value column besides Label`);
      return;
    }
    if (fields.length !== header.length)
      throw new InputError(`${file} line ${line}: ${fields.length} fields but the header has ${header.length}`);
    values.push(
      cols.map((c) => {
        const t = fields[c].trim();
        const v = NUMBER_RE.test(t) ? Number(t) : Number.NaN;
        if (!Number.isFinite(v))
          throw new InputError(
            `${file} line ${line}, column "${header[c]}": ${JSON.stringify(stripControl(t))} is not a number`,
          );
        return v;
      }),
    );
    labels.push(fields[label]);
  };
  try {
    eachCsvFileRecord(path, onRecord, file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (header.length === 0) throw new InputError(`${file}: empty file`);
  if (values.length === 0) throw new InputError(`${file}: no data rows`);
  const series = { dates: indexDates(values.length), values, columns: cols.map((c) => header[c]), source: file };
  return { series, labels };
}
