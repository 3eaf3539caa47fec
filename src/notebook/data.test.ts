import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { between, loadNotebookSeries } from './data';

const s = {
  dates: ['2020-01-01', '2020-01-02', '2020-01-03', '2020-01-06'],
  values: [[1], [2], [3], [4]],
  columns: ['v'],
  source: 't',
};

test('between keeps the rows from start to end, inclusive', () => {
  assert.deepEqual(between(s, '2020-01-02', '2020-01-03').values, [[2], [3]]);
  assert.deepEqual(between(s, '2020-01-04').dates, ['2020-01-06']);
  assert.equal(between(s).dates.length, 4);
  assert.throws(() => between(s, '2021-01-01'), /t: no rows between 2021-01-01 and the end/);
});

test('loadNotebookSeries falls back to the next source and says why', async () => {
  const lines: string[] = [];
  const series = await loadNotebookSeries({
    source: 'file',
    file: 'no/such.csv',
    fallback: ['bundled'],
    start: '2020-01-01',
    log: (l) => lines.push(l),
  });
  assert.equal(series.source, 'vega-datasets:sp500-2000.csv');
  assert.equal(series.dates[0] >= '2020-01-01', true);
  assert.match(lines[0], /^file: no\/such\.csv not found .*: using the S&P 500 bundled in vega-datasets instead$/);
  assert.match(lines[1], /^data: vega-datasets:sp500-2000\.csv, \d+ rows/);
  await assert.rejects(loadNotebookSeries({ source: 'nope', log: () => {} }), /no data: nope: unknown source "nope"/);
});
