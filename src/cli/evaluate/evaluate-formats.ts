import * as fs from 'fs';
import * as path from 'path';
import { loadCsvSeries } from '../../data';
import { parseDate } from '../../data/dates';
import { loadTsbAd, parseTsbAdName } from '../../data/formats/tsbad';
import { loadUcrSeries, parseUcrName } from '../../data/formats/ucr';
import type { Series } from '../../data/series';
import { labelColumnIntervals } from '../../evaluate/label-column';
import type { LabelInterval } from '../../evaluate/labels';
import { InputError } from '../../util/errors';
import { stripControl } from '../../util/sanitize';
import { csvFormat } from '../data';
import { eventFlags, type ResampledSeries, resampled } from '../events-flags';
import { labelsFromFile } from '../labels';
import type { CliFlags } from '../parse';

/** A data file's benchmark format, from its name: UCR archive `.txt`, TSB-AD `.csv`, or any other CSV. */
export type FileFormat = 'ucr' | 'tsbad' | 'csv';

/**
 * The format of a data file by its name: `ucr` for `NNN_UCR_Anomaly_<name>_<trainEnd>_<begin>_<end>.txt`,
 * `tsbad` for `..._tr_<trainEnd>_1st_<first>.csv`, else `csv`.
 *
 * @throws InputError for a UCR name with begin after end.
 * @example
 * fileFormat('001_UCR_Anomaly_Tiny_300_520_540.txt'); // 'ucr'
 */
export function fileFormat(rel: string): FileFormat {
  if (parseUcrName(rel)) return 'ucr';
  return parseTsbAdName(rel) ? 'tsbad' : 'csv';
}

/**
 * The data files under a folder that `evaluate` runs, relative with `/`, sorted: every `.csv`, and every `.txt`
 * whose name parses as a UCR archive name; the other `.txt` files are returned in `skipped` (for a notice).
 *
 * @throws InputError when the folder does not exist or holds no such file, or for a UCR name with begin > end.
 * @example
 * evaluatedFilesUnder('ucr').files; // ['001_UCR_Anomaly_Tiny_300_520_540.txt']
 */
export function evaluatedFilesUnder(dir: string): { files: string[]; skipped: string[] } {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError(`evaluate: no folder ${dir}`);
  const files: string[] = [];
  const skipped: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      const isDir = e.isDirectory() || (e.isSymbolicLink() && fs.statSync(path.join(dir, r)).isDirectory());
      if (isDir) walk(r);
      else if (/\.csv$/i.test(e.name)) files.push(r);
      else if (/\.txt$/i.test(e.name)) (parseUcrName(e.name) ? files : skipped).push(r);
    }
  };
  walk('');
  if (files.length === 0) throw new InputError(`evaluate: no CSV files or UCR .txt files under ${dir}`);
  return { files: files.sort(), skipped: skipped.sort() };
}

/** A data file read for `evaluate`: its series, its labels, whether it is dated by row index, its train end. */
export interface LoadedFile {
  series: Series;
  labels: LabelInterval[];
  /** The series had no timestamps: its dates are `indexDates` and reports show row indices. */
  index: boolean;
  /** The row where the test part starts, from the manifest or the file name; undefined for the default split. */
  trainEnd?: number;
  /**
   * The series with the record of its resampling (`auto`: what it chose; none for a series without timestamps):
   * what the run takes, so it does not resample it again.
   */
  resampled: ResampledSeries;
}

/**
 * The row where the test part starts for a manifest's `train_until`: a row index (digits) for a series dated by
 * index, else a timestamp: the first row at or after it. It must leave rows on both sides.
 *
 * @throws InputError `<file>: train end <v> outside the series (...)`, or a value of the wrong kind.
 * @example
 * trainEndOf(series, '300', true, 'a.txt'); // 300
 */
export function trainEndOf(series: Series, raw: string, index: boolean, file: string): number {
  const n = series.dates.length;
  const shown = stripControl(file);
  let cut: number;
  if (index) {
    if (!/^\d+$/.test(raw))
      throw new InputError(
        `${shown}: train_until ${JSON.stringify(stripControl(raw))} is not a row index (the series has no timestamps)`,
      );
    cut = Number(raw);
  } else {
    const iso = parseDate(raw);
    if (iso === null)
      throw new InputError(`${shown}: train_until ${JSON.stringify(stripControl(raw))} is not a timestamp`);
    cut = series.dates.findIndex((d) => d >= iso);
    if (cut < 0) cut = n;
  }
  if (cut < 1 || cut >= n) {
    const range = index ? `rows 0..${n - 1}` : `${series.dates[0]} .. ${series.dates[n - 1]}`;
    throw new InputError(
      `${shown}: train end ${stripControl(raw)} outside the series (${range}; both parts need rows)`,
    );
  }
  return cut;
}

/**
 * Read one data file of `evaluate` in its format: a UCR `.txt` (labels from its name), a TSB-AD CSV (labels
 * from its `Label` column) or a CSV with timestamps (labels from `labelsFile`), then its train end
 * ({@link checkTrainEnd}: `manifestEnd`, a manifest's `train_until`, overrides a name's).
 *
 * @throws InputError for a file that cannot be read, bad labels, an anomaly or train end outside the series.
 * @example
 * const { series, labels, trainEnd } = loadEvaluated('ucr', '001_UCR_Anomaly_Tiny_300_520_540.txt', {});
 */
export function loadEvaluated(
  dir: string,
  rel: string,
  f: object,
  labelsFile?: string,
  manifestEnd?: string,
  rule?: string,
): LoadedFile {
  return checkTrainEnd(readEvaluated(dir, rel, f, labelsFile, rule), rel, manifestEnd);
}

/**
 * Read one data file of `evaluate` in its format, without checking its train end (see {@link loadEvaluated}).
 *
 * @throws InputError for a file that cannot be read or bad labels.
 * @example
 * const { series, index } = readEvaluated('ucr', '001_UCR_Anomaly_Tiny_300_520_540.txt', {});
 */
export function readEvaluated(
  dir: string,
  rel: string,
  f: CliFlags,
  labelsFile?: string,
  rule: string | undefined = eventFlags(f).resample,
): LoadedFile {
  const file = path.join(dir, rel);
  const ucr = parseUcrName(rel);
  const tsb = ucr ? undefined : parseTsbAdName(rel);
  const valueCols = f.valueCol ? f.valueCol.split(',').map((s) => s.trim()) : undefined;
  if (ucr) {
    const series = loadUcrSeries(file, rel);
    const n = series.dates.length;
    const labels = ucr.end < n ? [{ start: series.dates[ucr.begin], end: series.dates[ucr.end] }] : [];
    return { series, labels, index: true, trainEnd: ucr.trainEnd, resampled: { series } };
  }
  if (tsb) {
    const { series, labels } = loadTsbAd(file, rel, valueCols);
    return {
      series,
      labels: labelColumnIntervals(series.dates, labels, 'Label'),
      index: true,
      trainEnd: tsb.trainEnd,
      resampled: { series },
    };
  }
  if (!labelsFile)
    throw new InputError(`${stripControl(rel)}: no labels (not a UCR or TSB-AD name; give --labels FILE)`);
  const order = eventFlags(f).order;
  const once = resampled(
    loadCsvSeries(file, { dateCol: f.dateCol, valueCols, fill: f.fill, order, ...csvFormat(f) }),
    f,
    rule,
  );
  return { series: once.series, labels: labelsFromFile(labelsFile, rel), index: false, resampled: once };
}

/**
 * Check a read file's train end and name against its series: a UCR anomaly must lie inside it, and the train
 * end (`manifestEnd` through {@link trainEndOf}, else the name's) must leave rows on both sides.
 *
 * @throws InputError `<file>: train end N outside the series (rows 0..n-1; ...)` or `<file>: anomaly b..e
 *   outside the series (...)`.
 * @example
 * checkTrainEnd(loaded, 'a.csv', '2014-03-01').trainEnd; // the first row on or after 2014-03-01
 */
export function checkTrainEnd(loaded: LoadedFile, rel: string, manifestEnd?: string): LoadedFile {
  const n = loaded.series.dates.length;
  const shown = stripControl(rel);
  const ucr = parseUcrName(rel);
  if (ucr && ucr.end >= n)
    throw new InputError(`${shown}: anomaly ${ucr.begin}..${ucr.end} outside the series (rows 0..${n - 1})`);
  if (manifestEnd !== undefined)
    return { ...loaded, trainEnd: trainEndOf(loaded.series, manifestEnd, loaded.index, rel) };
  if (loaded.trainEnd !== undefined && loaded.trainEnd >= n)
    throw new InputError(
      `${shown}: train end ${loaded.trainEnd} outside the series (rows 0..${n - 1}; both parts need rows)`,
    );
  return loaded;
}
