import * as fs from 'fs';
import * as path from 'path';
import { writeDirAtomic } from '../../util/atomic';
import { InputError } from '../../util/errors';
import type { SynthSeries } from './series';

/** NAB's timestamp: `YYYY-MM-DD HH:MM:SS` (with `.000000` in windows). */
const nabTime = (iso: string): string => iso.replace('T', ' ');

/**
 * The key of a series in windows.json, and its path under the suite folder: `<subset>/<name>.csv` (what
 * `evaluate DIR` matches).
 *
 * @throws Nothing.
 * @example
 * synthKey(synthSeries({ base: 'sine', length: 1000, kinds: [], seed: 1 })); // 'sine/sine-1000.csv'
 */
export function synthKey(s: SynthSeries): string {
  return `${s.subset}/${s.name}.csv`;
}

/**
 * A series as NAB's CSV: `timestamp,value`, one row a step, values as rendered (5 decimals).
 *
 * @throws Nothing.
 * @example
 * seriesCsv(s).split('\n')[1]; // '2021-01-01 00:00:00,0.01234'
 */
export function seriesCsv(s: SynthSeries): string {
  const { dates, values } = s.series;
  const lines = dates.map((d, i) => `${nabTime(d)},${values[i][0].toFixed(5)}`);
  return `timestamp,value\n${lines.join('\n')}\n`;
}

/**
 * The labels of a list of series in NAB's windows JSON: `{"<subset>/<name>.csv": [[start, end], ...]}`, times
 * `YYYY-MM-DD HH:MM:SS.000000`, spans inclusive.
 *
 * @throws Nothing.
 * @example
 * JSON.stringify(nabWindows(makeSuite('mini')));
 */
export function nabWindows(list: readonly SynthSeries[]): Record<string, [string, string][]> {
  const out: Record<string, [string, string][]> = {};
  for (const s of list) {
    out[synthKey(s)] = s.labels.map((l) => [`${nabTime(l.startDate)}.000000`, `${nabTime(l.endDate)}.000000`]);
  }
  return out;
}

/**
 * {@link nabWindows} as the text of windows.json: one key a line block, one `[start, end]` window a line.
 *
 * @throws Nothing.
 * @example
 * fs.writeFileSync('windows.json', windowsJson(makeSuite('mini')));
 */
export function windowsJson(list: readonly SynthSeries[]): string {
  const blocks = Object.entries(nabWindows(list)).map(([key, wins]) => {
    const lines = wins.map((w) => `    ${JSON.stringify(w).replace(',', ', ')}`);
    return `  ${JSON.stringify(key)}: [${lines.length ? `\n${lines.join(',\n')}\n  ` : ''}]`;
  });
  return `{\n${blocks.join(',\n')}\n}\n`;
}

/**
 * The labels as one CSV, `start,end,label,file` (label: the anomaly kind). Its first two columns are what
 * `detect --labels` reads, so for a single series it is that series' label file.
 *
 * @throws Nothing.
 * @example
 * labelsCsv(makeSuite('mini')).split('\n')[0]; // 'start,end,label,file'
 */
export function labelsCsv(list: readonly SynthSeries[]): string {
  const rows = list.flatMap((s) =>
    s.labels.map((l) => `${nabTime(l.startDate)},${nabTime(l.endDate)},${l.kind},${synthKey(s)}`),
  );
  return `start,end,label,file\n${rows.map((r) => `${r}\n`).join('')}`;
}

/**
 * Options of {@link writeSynthFiles} and {@link writeSuite}.
 *
 * @example
 * await writeSuite('synth-mini', makeSuite('mini'), { labelsCsv: true });
 */
export interface WriteSuiteOptions {
  /** Also write `labels.csv` (see {@link labelsCsv}). `evaluate DIR` reads every CSV under DIR, so leave it out of a folder you evaluate. Default false. */
  labelsCsv?: boolean;
}

/**
 * Write series into an existing folder: `<subset>/<name>.csv` each, `windows.json`, and `labels.csv` when asked.
 *
 * @throws The file system's errors.
 * @example
 * writeSynthFiles(tmp, makeSuite('mini'));
 */
export function writeSynthFiles(dir: string, list: readonly SynthSeries[], opts: WriteSuiteOptions = {}): void {
  for (const s of list) {
    const file = path.join(dir, synthKey(s));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, seriesCsv(s));
  }
  fs.writeFileSync(path.join(dir, 'windows.json'), windowsJson(list));
  if (opts.labelsCsv) fs.writeFileSync(path.join(dir, 'labels.csv'), labelsCsv(list));
}

/**
 * Write a suite (from {@link makeSuite}, or any list of {@link synthSeries}) into a new folder, all at once:
 * `<dir>/<subset>/<name>.csv`, `<dir>/windows.json` (NAB's format, what `lstm-anomaly evaluate DIR --labels
 * DIR/windows.json` reads), and `labels.csv` when asked. Nothing is written when it fails.
 *
 * @throws InputError when `dir` exists and is not empty, or two series share a file name.
 * @example
 * await writeSuite('data/synth-dev', makeSuite('dev', { seed: 28 }));
 */
export async function writeSuite(
  dir: string,
  list: readonly SynthSeries[],
  opts: WriteSuiteOptions = {},
): Promise<void> {
  if (fs.existsSync(dir) && (!fs.statSync(dir).isDirectory() || fs.readdirSync(dir).length > 0)) {
    throw new InputError(`${dir}: exists and is not an empty folder; choose a new one`);
  }
  const keys = list.map(synthKey);
  const dup = keys.find((k, i) => keys.indexOf(k) !== i);
  if (dup) throw new InputError(`two series would both be written to ${dup}; give them different names`);
  await writeDirAtomic(dir, (tmp) => writeSynthFiles(tmp, list, opts));
}
