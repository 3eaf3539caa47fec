import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareSections, compareTable, renderCompareReport } from './compare';

const W = (mae: number, anomaly: boolean, d: number) => ({
  start: `2021-01-0${d - 1}`,
  end: `2021-01-0${d}`,
  mae,
  anomaly,
});
const ENTRIES = [
  {
    kind: 'lstm',
    flagged: 1,
    flaggedShare: 0.5,
    fitSeconds: 12.345,
    scoreSeconds: 0.5,
    threshold: { method: 'percentile' as const, value: 0.41234567, percentile: 95 },
    test: [W(0.1, false, 2), W(0.9, true, 3)],
  },
  {
    kind: 'pca',
    flagged: 0,
    flaggedShare: 0,
    fitSeconds: 0.01,
    scoreSeconds: 0.002,
    threshold: { method: 'fixed' as const, value: 2 },
    test: [W(1, false, 2), W(1.5, false, 3)],
  },
];

test('compareTable: one row per detector with its counts, share, seconds and threshold', () => {
  const html = compareTable(ENTRIES);
  const rows = [...html.matchAll(/<tr>(.*?)<\/tr>/g)].map((m) =>
    [...m[1].matchAll(/<t[dh][^>]*>(.*?)<\/t[dh]>/g)].map((c) => c[1]),
  );
  assert.deepEqual(rows, [
    ['detector', 'flagged windows', 'flagged share', 'fit s', 'score s', 'threshold'],
    ['lstm', '1 of 2', '50.0%', '12.35', '0.50', 'p95 = 0.4123'],
    ['pca', '0 of 2', '0.0%', '0.01', '0.00', 'fixed 2 = 2'],
  ]);
});

test('compareSections: the shared-axis chart and table, then one section per detector', () => {
  const html = compareSections({ source: 'memory', entries: ENTRIES });
  assert.deepEqual(
    [...html.matchAll(/<section [^>]*id="([\w-]+)"/g)].map((m) => m[1]),
    ['compare-section', 'compare-lstm-section', 'compare-pca-section'],
  );
  assert.match(html, /1 of 2 test windows above the threshold p95 = 0.4123/);
  assert.equal((html.match(/Plotly\.newPlot/g) ?? []).length, 3);
  assert.throws(() => compareSections({ source: 'memory', entries: [] }), /no detectors/);
});

test('renderCompareReport: one self-contained page, source escaped, plotly inlined once', () => {
  const page = renderCompareReport(
    { source: '<b>x.csv</b>', entries: ENTRIES },
    { dates: ['2021-01-01', '2021-01-03'], values: [[1], [2]], columns: ['v'], source: 's' },
  );
  assert.match(page, /^<!DOCTYPE html>/);
  assert.match(page, /<h1>Detectors compared: <code>&lt;b&gt;x.csv&lt;\/b&gt;<\/code><\/h1>/);
  assert.match(page, /2021-01-01 to 2021-01-03 &middot; lstm, pca/);
  assert.equal((page.match(/<script data-lib="plotly.js">/g) ?? []).length, 1);
  assert.match(page, /Content-Security-Policy/);
});
