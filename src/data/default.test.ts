import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import { DEFAULT_SOURCE, defaultSeriesPath, loadDefaultSeries } from './default';

test('defaultSeriesPath finds sp500-2000.csv inside the installed vega-datasets', () => {
  const p = defaultSeriesPath();
  assert.match(p, /vega-datasets[\\/]data[\\/]sp500-2000\.csv$/);
  assert.ok(fs.existsSync(p));
});

test('loadDefaultSeries: S&P 500 daily closes 2000-01-03..2020-04-17', () => {
  const s = loadDefaultSeries();
  // the file has 5105 data rows (no trailing newline, so `wc -l` shows 5105 lines including the header)
  assert.equal(s.dates.length, 5105);
  assert.deepEqual([s.dates[0], s.dates.at(-1)], ['2000-01-03', '2020-04-17']);
  assert.deepEqual([s.values[0], s.values.at(-1)], [[1455.219971], [2874.560059]]);
  assert.deepEqual(s.columns, ['close']);
  assert.equal(s.source, DEFAULT_SOURCE);
  assert.equal(s.source, 'vega-datasets:sp500-2000.csv');
});
