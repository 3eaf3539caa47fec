import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../data/csv';
import { parseDate } from '../data/dates';
import type { Series } from '../data/series';
import { labelColumnIntervals } from '../evaluate/label-column';
import { type LabelInterval, labelsForFile, parseIntervalCsv, parseNabWindows } from '../evaluate/labels';
import { labelSteps } from '../evaluate/steps';
import { InputError } from '../util/errors';
import { eventFlags } from './events-flags';
import type { CliFlags } from './parse';

const DATE_NAMES = ['date', 'timestamp', 'time', 'datetime'];

function readText(file: string, what: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${what}: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/**
 * The labeled intervals of a label file for one data file: NAB windows JSON (keys matched by `relPath`, then by
 * file name) when the file parses as JSON or ends in `.json`, else a CSV of `start,end` rows.
 *
 * @throws InputError for an unreadable or malformed file, or no key for the data file.
 * @example
 * labelsFromFile('windows.json', 'realKnownCause/nyc_taxi.csv');
 */
export function labelsFromFile(file: string, relPath: string): LabelInterval[] {
  const text = readText(file, '--labels');
  const name = path.basename(file);
  if (/\.json$/i.test(file) || /^\s*[{[]/.test(text)) return labelsForFile(parseNabWindows(text, name), relPath, name);
  return parseIntervalCsv(text, name);
}

/**
 * Check a label file before any work (`evaluate --labels FILE` for the data files `rels`): it must be a readable
 * file of NAB windows JSON (an object) or of `start,end` rows. Returns the keys of NAB windows that match no data
 * file (neither its relative path nor, alone, its file name), for the caller to name.
 *
 * @throws InputError one line: a missing file, a folder, malformed JSON, a JSON array, a bad window or row.
 * @example
 * checkLabelsFile('data/nab/windows.json', ['machine_temperature_system_failure.csv']); // []
 */
export function checkLabelsFile(file: string, rels: string[]): string[] {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    throw new InputError(`--labels: cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (st.isDirectory()) throw new InputError(`--labels ${file}: is a folder, not a label file (NAB windows JSON)`);
  const text = readText(file, '--labels');
  const name = path.basename(file);
  if (!(/\.json$/i.test(file) || /^\s*[{[]/.test(text))) {
    parseIntervalCsv(text, name);
    return [];
  }
  const windows = parseNabWindows(text, name);
  const paths = new Set(rels.map((r) => r.replace(/\\/g, '/')));
  const bases = new Set(rels.map((r) => r.split('/').pop()));
  return Object.keys(windows).filter((k) => {
    const key = k.replace(/\\/g, '/').replace(/^\.\//, '');
    return !paths.has(key) && !bases.has(key.split('/').pop());
  });
}

/**
 * Labeled intervals from a column of a CSV (`--label-col NAME [--anomaly-value V]`), dated by its date column.
 *
 * @throws InputError for a missing column or values other than 0/1 (or the anomaly value and one other).
 * @example
 * labelsFromColumn('data.csv', 'Quality', 'Bad');
 */
export function labelsFromColumn(
  csvFile: string,
  column: string,
  anomalyValue?: string,
  dateCol?: string,
): LabelInterval[] {
  const t = parseCsv(readText(csvFile, '--label-col'), path.basename(csvFile));
  const find = (n: string): number => t.header.findIndex((h) => h.trim().toLowerCase() === n.toLowerCase());
  const col = find(column);
  if (col < 0) throw new InputError(`--label-col: column "${column}" not found in ${csvFile} (${t.header.join(', ')})`);
  const di = dateCol !== undefined ? find(dateCol) : (DATE_NAMES.map(find).find((i) => i >= 0) ?? 0);
  const dates = t.rows.map((r, i) => {
    const d = parseDate(r[di] ?? '');
    if (d === null)
      throw new InputError(`${path.basename(csvFile)} line ${t.lines[i]}: invalid date ${JSON.stringify(r[di])}`);
    return d;
  });
  return labelColumnIntervals(
    dates,
    t.rows.map((r) => r[col] ?? ''),
    column,
    anomalyValue,
  );
}

/**
 * The labels a command's flags ask for (`--labels FILE` or `--label-col NAME`), checked against the series:
 * each label must hold a step of it. Undefined without label flags.
 *
 * @throws InputError for both flags at once, --label-col without --csv, bad labels or labels outside the series.
 * @example
 * const labels = loadLabels(flags, series, 'nyc_taxi.csv');
 */
export function loadLabels(f: CliFlags, series: Series, relPath?: string): LabelInterval[] | undefined {
  const e = eventFlags(f);
  const csv = f.csv;
  if (e.labels && e.labelCol) throw new InputError('use either --labels or --label-col, not both');
  if (e.anomalyValue !== undefined && !e.labelCol) throw new InputError('--anomaly-value needs --label-col');
  let labels: LabelInterval[];
  if (e.labels) labels = labelsFromFile(e.labels, relPath ?? (csv ? path.basename(csv) : series.source));
  else if (e.labelCol) {
    if (!csv) throw new InputError('--label-col needs --csv (a label column of the data file)');
    labels = labelsFromColumn(csv, e.labelCol, e.anomalyValue, f.dateCol);
  } else return undefined;
  // the series itself, not its dates: a compact series stays compact
  labelSteps(labels, series, e.labels ? path.basename(e.labels) : `label column ${e.labelCol}`);
  return labels;
}
