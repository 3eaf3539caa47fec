import * as fs from 'fs';
import { InputError } from '../../util/errors';
import { stripControl } from '../../util/sanitize';
import type { Series } from '../series';
import { indexDates } from './index-dates';

/** What a UCR anomaly archive file name says, as 0-based row indices (see {@link parseUcrName}). */
export interface UcrName {
  /** The archive's number, e.g. `001`. */
  id: string;
  /** The series' name, e.g. `DISTORTED1sddb40`. */
  name: string;
  /** Rows `0 .. trainEnd-1` are the training part (the archive's "1 to trainEnd"); the test part starts here. */
  trainEnd: number;
  /** First anomalous row. */
  begin: number;
  /** Last anomalous row (inclusive). */
  end: number;
}

const UCR_RE = /^(\d+)_UCR_Anomaly_(.+)_(\d+)_(\d+)_(\d+)\.txt$/i;

/**
 * Parse a UCR anomaly archive file name, `NNN_UCR_Anomaly_<name>_<trainEnd>_<begin>_<end>.txt` (the folder part
 * of a path is ignored). The training part is the first `trainEnd` values (`data[:trainEnd]`, as TSB-AD and the
 * archive's loaders take it); `begin` and `end` are used as 0-based row indices, both included, as TSB-AD does
 * in its converted UCR files (e.g. `136_UCR_Anomaly_InternalBleeding17_1600_3198_3309.txt` became a file whose
 * first anomalous row is `1st_3198`). Undefined for a name of another form.
 *
 * @throws InputError `<file>: UCR name with begin <b> after end <e>` or a train end of 0.
 * @example
 * parseUcrName('001_UCR_Anomaly_Tiny_300_520_540.txt'); // { id: '001', name: 'Tiny', trainEnd: 300, begin: 520, end: 540 }
 */
export function parseUcrName(file: string): UcrName | undefined {
  const base = file.split(/[\\/]/).pop() ?? file;
  const m = UCR_RE.exec(base);
  if (!m) return undefined;
  const [trainEnd, begin, end] = [m[3], m[4], m[5]].map(Number);
  const shown = stripControl(base);
  if (begin > end) throw new InputError(`${shown}: UCR name with begin ${begin} after end ${end}`);
  if (trainEnd < 1) throw new InputError(`${shown}: UCR name with train end 0 (no training rows)`);
  return { id: m[1], name: m[2], trainEnd, begin, end };
}

/**
 * Read a UCR archive file: whitespace-separated numbers (one a line, or several), no header, no time column,
 * as a one-column series named `value` dated by row index ({@link indexDates}).
 *
 * @throws InputError when the file cannot be read, is empty, or holds a token that is not a finite number
 *   (naming its line).
 * @example
 * const s = loadUcrSeries('ucr/001_UCR_Anomaly_Tiny_300_520_540.txt');
 */
export function loadUcrSeries(path: string, source = path): Series {
  const file = stripControl(source);
  let text: string;
  try {
    text = fs.readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const values: number[][] = [];
  const lines = text.split('\n');
  for (let l = 0; l < lines.length; l++) {
    const line = lines[l].trim();
    if (line === '') continue;
    for (const tok of /\s/.test(line) ? line.split(/\s+/) : [line]) {
      const v = Number(tok);
      if (!Number.isFinite(v) || tok === '') {
        throw new InputError(
          `${file} line ${l + 1}: ${JSON.stringify(stripControl(tok.slice(0, 40)))} is not a number`,
        );
      }
      values.push([v]);
    }
  }
  if (values.length === 0) throw new InputError(`${file}: no values`);
  return { dates: indexDates(values.length), values, columns: ['value'], source: file };
}
