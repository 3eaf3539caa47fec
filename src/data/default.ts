import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../util/errors';
import { parseSeriesCsv } from './load-csv';
import type { Series } from './series';

/** The `source` of the bundled default series. */
export const DEFAULT_SOURCE = 'vega-datasets:sp500-2000.csv';

/**
 * Path of `data/sp500-2000.csv` inside the installed npm package `vega-datasets`. The package does not
 * export its package.json, so this resolves its entry point and walks up to the package root.
 *
 * @throws InputError if `vega-datasets` is not installed or the file is missing.
 * @example
 * defaultSeriesPath(); // '.../node_modules/vega-datasets/data/sp500-2000.csv'
 */
export function defaultSeriesPath(): string {
  let dir: string;
  try {
    dir = path.dirname(require.resolve('vega-datasets'));
  } catch {
    throw new InputError('the bundled S&P 500 data needs the npm package vega-datasets (npm install vega-datasets)');
  }
  for (let up = dir; ; up = path.dirname(up)) {
    const file = path.join(up, 'data', 'sp500-2000.csv');
    if (fs.existsSync(path.join(up, 'package.json')) && fs.existsSync(file)) return file;
    if (path.dirname(up) === up) break;
  }
  throw new InputError(`vega-datasets is installed but has no data/sp500-2000.csv (looked above ${dir})`);
}

/**
 * The offline default series: S&P 500 daily closes 2000-01-03..2020-04-17 (5105 rows, column `close`)
 * from `data/sp500-2000.csv` of the npm package `vega-datasets` (BSD-3-Clause, Yahoo Finance prices).
 *
 * @throws InputError if the package or its file is missing.
 * @example
 * const s = loadDefaultSeries(); // s.columns = ['close'], s.source = 'vega-datasets:sp500-2000.csv'
 */
export function loadDefaultSeries(): Series {
  const text = fs.readFileSync(defaultSeriesPath(), 'utf8');
  return parseSeriesCsv(text, { dateCol: 'date', valueCols: ['close'], source: DEFAULT_SOURCE });
}
