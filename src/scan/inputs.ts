import * as fs from 'fs';
import * as path from 'path';
import { InputError, invalid } from '../util/errors';

/** One series to scan: a ticker symbol (its rows come from the data loader) or a CSV file. */
export interface ScanInput {
  /** Series name, unique in a scan: the symbol, or the CSV file name without `.csv`. Also its sub-folder. */
  name: string;
  /** `ticker` for a symbol, `csv` for a file. */
  kind: 'ticker' | 'csv';
  /** Path of the CSV file (kind `csv` only). */
  path?: string;
}

/** Where the list comes from: exactly one of the three. */
export interface ScanInputSpec {
  /** `AAPL,MSFT`: comma-separated symbols (`--tickers`). */
  tickers?: string;
  /** A file with one symbol a line; `#` starts a comment; blank lines are skipped (`--tickers-file`). */
  tickersFile?: string;
  /** A folder: every `*.csv` in it (hidden files aside), in name order (`--csv-dir`). */
  csvDir?: string;
}

const SYMBOL_RE = /^[A-Za-z0-9^][A-Za-z0-9.^=_-]*$/;

function checkSymbol(s: string, where: string): string {
  if (!SYMBOL_RE.test(s)) throw new InputError(`${where}: invalid symbol ${JSON.stringify(s)}`);
  return s.toUpperCase();
}

function unique(items: ScanInput[], where: (i: number) => string): ScanInput[] {
  const seen = new Map<string, number>();
  items.forEach((it, i) => {
    const key = it.name.toUpperCase();
    if (seen.has(key)) throw new InputError(`${where(i)}: duplicate symbol ${it.name} (also ${where(seen.get(key)!)})`);
    seen.set(key, i);
  });
  return items;
}

/**
 * The series a scan covers, from `--tickers`, `--tickers-file` or `--csv-dir` (exactly one).
 *
 * @throws InputError for none or several sources, an empty list, file or folder, a duplicate symbol or an
 *   invalid symbol (one line naming the file and line).
 * @example
 * scanInputs({ tickers: 'AAPL,msft' }); // [{ name: 'AAPL', kind: 'ticker' }, { name: 'MSFT', kind: 'ticker' }]
 */
export function scanInputs(spec: ScanInputSpec): ScanInput[] {
  const given = (['tickers', 'tickersFile', 'csvDir'] as const).filter((k) => spec[k] !== undefined);
  if (given.length !== 1) throw new InputError('scan needs exactly one of --tickers, --tickers-file, --csv-dir');
  if (spec.tickers !== undefined) {
    const parts = spec.tickers.split(',').map((s) => s.trim());
    if (parts.every((p) => p === '')) throw new InputError('--tickers: empty list');
    if (parts.some((p) => p === '')) throw new InputError(`--tickers: empty symbol in ${JSON.stringify(spec.tickers)}`);
    const items = parts.map((p): ScanInput => ({ name: checkSymbol(p, '--tickers'), kind: 'ticker' }));
    return unique(items, (i) => `--tickers item ${i + 1}`);
  }
  if (spec.tickersFile !== undefined) return tickersFile(spec.tickersFile);
  return csvDir(spec.csvDir!);
}

function tickersFile(file: string): ScanInput[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const items: ScanInput[] = [];
  const lines: number[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const s = raw.replace(/#.*/, '').trim();
    if (s === '') return;
    items.push({ name: checkSymbol(s, `${file} line ${i + 1}`), kind: 'ticker' });
    lines.push(i + 1);
  });
  if (items.length === 0) throw new InputError(`${file}: no symbols (only blank lines and # comments)`);
  return unique(items, (i) => `${file} line ${lines[i]}`);
}

function csvDir(dir: string): ScanInput[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch (e) {
    throw new InputError(`${dir}: cannot read folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const csvs = names
    .filter((n) => !n.startsWith('.') && n.toLowerCase().endsWith('.csv') && fs.statSync(path.join(dir, n)).isFile())
    .sort();
  if (csvs.length === 0) throw new InputError(`${dir}: no .csv files in the folder`);
  const items = csvs.map((n): ScanInput => ({ name: n.slice(0, -4), kind: 'csv', path: path.join(dir, n) }));
  return unique(items, (i) => path.join(dir, csvs[i]));
}

/**
 * Parse `--jobs N` (local processes) or `--concurrency N`: an integer from 1 to 64.
 *
 * @throws InputError for 0, a negative, a fraction or text.
 * @example
 * parseJobs('2'); // 2
 */
export function parseJobs(v: string | number | undefined, flag = 'jobs'): number {
  if (v === undefined) return 1;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 64) throw invalid(flag, v, 'an integer from 1 to 64');
  return n;
}

/**
 * Parse `--recent 30d` (days `d`, weeks `w`, months `m` = 30 days, years `y` = 365 days) into days.
 *
 * @throws InputError for anything else.
 * @example
 * parseRecent('2w'); // 14
 */
export function parseRecent(v: string): number {
  const m = /^(\d+)([dwmy])$/.exec(v.trim());
  if (!m || Number(m[1]) < 1) throw invalid('recent', v, 'a count and a unit: 30d, 8w, 6m, 1y');
  return Number(m[1]) * { d: 1, w: 7, m: 30, y: 365 }[m[2] as 'd' | 'w' | 'm' | 'y'];
}

/**
 * Parse `--keep-results 7d` (hours `h`, days `d`, weeks `w`) into milliseconds.
 *
 * @throws InputError for anything else.
 * @example
 * parseKeepResults('12h'); // 43200000
 */
export function parseKeepResults(v: string): number {
  const m = /^(\d+)([hdw])$/.exec(v.trim());
  if (!m || Number(m[1]) < 1) throw invalid('--keep-results', v, 'a count and a unit: 12h, 7d, 2w');
  return Number(m[1]) * { h: 3_600_000, d: 86_400_000, w: 604_800_000 }[m[2] as 'h' | 'd' | 'w'];
}

/**
 * Parse `--queue-timeout SECONDS` (at least 1) into milliseconds.
 *
 * @throws InputError for anything else.
 * @example
 * parseQueueTimeout('300'); // 300000
 */
export function parseQueueTimeout(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 1) throw invalid('--queue-timeout', v, 'seconds, at least 1');
  return n * 1000;
}
