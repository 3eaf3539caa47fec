import * as fs from 'fs';
import * as path from 'path';
import { loadDefaultSeries } from '../data/default';
import { loadCsvSeries } from '../data/load-csv';
import { type Series, sliceSeries } from '../data/series';
import { fetchYahooSeries } from '../data/yahoo';
import { InputError } from '../util/errors';
import { packageRoot as repoRoot } from '../util/paths';
import { projectPath } from './paths';

/** Where a notebook's series can come from. */
export type SourceKind = 'file' | 'yahoo' | 'bundled';

/** What a notebook wants to load, and where else it may look. */
export interface NotebookSource {
  /** Where to look first: a {@link SourceKind} (a string, so a notebook parameter can hold it). */
  source: SourceKind | string;
  /** Sources to try next, in order, when the first is unavailable (offline, file missing). Default none. */
  fallback?: Array<SourceKind | string>;
  /** CSV file, relative to the project root (e.g. `data/GE.csv`, shipped with the project). */
  file?: string;
  /** Value column of the CSV. Default: the loader's (Close, Adj Close, value, price). */
  valueCol?: string;
  /** Yahoo Finance ticker; downloads are cached under `data/` of the project. */
  ticker?: string;
  /** First and last date kept (`YYYY-MM-DD`, inclusive); also the Yahoo download range. */
  start?: string;
  end?: string;
  /** Seconds to wait for Yahoo before falling back. Default 15. */
  timeoutSeconds?: number;
  /** Receives one line per decision (source used, fallback and why). Default console.log. */
  log?: (line: string) => void;
}

/**
 * Rows of a series from `start` to `end` (inclusive, ISO dates; either may be omitted).
 *
 * @throws InputError when no row is left.
 * @example
 * between(series, '2010-01-01'); // from 2010 on
 */
export function between(s: Series, start?: string, end?: string): Series {
  const a = start ? s.dates.findIndex((d) => d >= start) : 0;
  const b = end ? s.dates.findIndex((d) => d.slice(0, 10) > end) : -1;
  const from = a < 0 ? s.dates.length : a;
  const to = b < 0 ? s.dates.length : b;
  if (to <= from)
    throw new InputError(
      `${s.source}: no rows between ${start ?? 'the start'} and ${end ?? 'the end'} (it covers ${s.dates[0]}..${s.dates[s.dates.length - 1]})`,
    );
  return sliceSeries(s, from, to);
}

const KINDS: SourceKind[] = ['file', 'yahoo', 'bundled'];

async function loadOne(kind: string, o: NotebookSource, log: (l: string) => void): Promise<Series> {
  if (!KINDS.includes(kind as SourceKind)) throw new InputError(`unknown source "${kind}" (${KINDS.join(', ')})`);
  if (kind === 'bundled') return loadDefaultSeries();
  if (kind === 'file') {
    if (!o.file) throw new InputError('no file given');
    const file = projectPath(o.file);
    if (!fs.existsSync(file)) {
      throw new InputError(`${o.file} not found (the walkthrough data ships in data/, see data/DATA.md)`);
    }
    const s = loadCsvSeries(file, { valueCols: o.valueCol ? [o.valueCol] : undefined });
    return { ...s, source: path.relative(repoRoot(), file) };
  }
  if (!o.ticker) throw new InputError('no ticker given');
  return fetchYahooSeries({
    ticker: o.ticker,
    start: o.start,
    end: o.end,
    cacheDir: projectPath('data'),
    log,
    timeoutMs: (o.timeoutSeconds ?? 15) * 1000,
  });
}

/**
 * Load a notebook's series from its first available source (a CSV of the seed data, Yahoo Finance with a cache
 * under `data/`, or the S&P 500 bundled in the npm package vega-datasets), keep `start..end`, and log which
 * source was used and why others were skipped, so a notebook still runs offline.
 *
 * @throws InputError naming what every source needed when none worked.
 * @example
 * const series = await loadNotebookSeries({ source: 'yahoo', ticker: '^GSPC', fallback: ['bundled'] });
 */
export async function loadNotebookSeries(o: NotebookSource): Promise<Series> {
  const log = o.log ?? ((l: string) => console.log(l));
  const tried: string[] = [];
  for (const kind of [o.source, ...(o.fallback ?? [])]) {
    try {
      const s = between(await loadOne(kind, o, log), o.start, o.end);
      if (tried.length)
        log(`${tried.join('; ')}: using ${kind === 'bundled' ? 'the S&P 500 bundled in vega-datasets' : kind} instead`);
      log(
        `data: ${s.source}, ${s.dates.length.toLocaleString('en-US')} rows, ${s.dates[0]} .. ${s.dates[s.dates.length - 1]}, column ${s.columns.join(', ')}`,
      );
      return s;
    } catch (e) {
      tried.push(`${kind}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  throw new InputError(`no data: ${tried.join('; ')}`);
}
