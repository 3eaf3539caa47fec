import * as fs from 'fs';
import { InputError } from '../../util/errors';
import { stripControl } from '../../util/sanitize';
import { parseCsv } from '../csv';

/**
 * Parse a train-end manifest, a CSV with the header `file,train_until` and one row per data file: its path
 * relative to the evaluated folder (`/` separators) and where its test part starts, a timestamp for a series
 * with timestamps or a row index for one without. Returns the raw train ends by file.
 *
 * @throws InputError `<name> line N: ...` for a wrong header, a row without two fields, an empty value or a file
 *   named twice.
 * @example
 * parseManifest('file,train_until\na.csv,2014-03-01\n001_UCR_Anomaly_X_10_20_30.txt,15\n').get('a.csv'); // '2014-03-01'
 */
export function parseManifest(text: string, name = 'manifest'): Map<string, string> {
  const t = parseCsv(text, name);
  const head = t.header.map((h) => h.toLowerCase());
  if (head[0] !== 'file' || head[1] !== 'train_until' || head.length !== 2) {
    throw new InputError(`${name} line ${t.headerLine || 1}: expected the header file,train_until`);
  }
  const out = new Map<string, string>();
  t.rows.forEach((r, i) => {
    const where = `${name} line ${t.lines[i]}`;
    if (r.length !== 2) throw new InputError(`${where}: expected file,train_until`);
    const file = r[0].trim().replace(/\\/g, '/').replace(/^\.\//, '');
    const until = r[1].trim();
    if (file === '' || until === '') throw new InputError(`${where}: empty file or train_until`);
    if (out.has(file)) throw new InputError(`${where}: ${stripControl(file)} named twice`);
    out.set(file, until);
  });
  return out;
}

/**
 * Read and parse a manifest file ({@link parseManifest}).
 *
 * @throws InputError `--manifest: cannot read <file>` and as {@link parseManifest}.
 * @example
 * const ends = readManifest('ucr/manifest.csv');
 */
export function readManifest(file: string): Map<string, string> {
  let text: string;
  try {
    if (fs.statSync(file).isDirectory()) throw Object.assign(new Error(), { code: 'EISDIR' });
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(
      `--manifest: cannot read ${stripControl(file)} (${(e as NodeJS.ErrnoException).code ?? 'error'})`,
    );
  }
  return parseManifest(text, stripControl(file.split(/[\\/]/).pop() ?? file));
}
