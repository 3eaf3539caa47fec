import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFixture } from '../../tools/testing/fixture';
import { escapeHtml } from './escape';
import { renderReport } from './html';

const count = (s: string, re: RegExp) => (s.match(re) ?? []).length;
/** The page without the inlined library (so checks look at the report's own markup). */
const ownMarkup = (html: string) =>
  html.replace(/<script data-lib="plotly.js">[\s\S]*?<\/script>/, '<script data-lib="plotly.js"></script>');

test('renderReport: one plotly.js copy, every section, six plots, CSP forbidding network', () => {
  const input = reportFixture();
  const html = renderReport(input);
  assert.equal(count(html, /data-lib="plotly\.js"/g), 1);
  assert.equal(count(html, /\* plotly\.js \(cartesian - minified\) v\d/g), 1, 'library header once');
  const own = ownMarkup(html);
  for (const id of [
    'summary',
    'data-section',
    'training-section',
    'errors-section',
    'anomalies-section',
    'settings-section',
  ]) {
    assert.ok(own.includes(`id="${id}"`), `section ${id}`);
  }
  for (const id of ['split', 'loss', 'train-mae', 'test-mae', 'mae-time', 'anomalies']) {
    assert.equal(count(own, new RegExp(`<div id="${id}" class="plot"`, 'g')), 1, `plot ${id}`);
    assert.ok(own.includes(`lstmPlot("${id}",`), `lstmPlot ${id}`);
  }
  assert.ok(
    own.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline';`),
  );
  assert.ok(!/\s(src|href)\s*=\s*["']?(https?:)?\/\//i.test(own), 'no external resources');
  assert.ok(!own.includes('<link'), 'no stylesheet links');
  assert.ok(own.startsWith('<!DOCTYPE html>') && own.trimEnd().endsWith('</html>'));
});

test('renderReport: title and summary show source, dates, rows, split, backend, epochs, threshold, anomalies', () => {
  const { result, series } = reportFixture();
  const own = ownMarkup(renderReport({ result, series }));
  assert.ok(own.includes('<title>Anomaly report: synthetic:fixture</title>'));
  assert.ok(own.includes('2020-01-01 to 2020-10-26'));
  for (const [k, v] of [
    ['Rows', '300'],
    ['Split', '100 / 200'],
    ['Backend', 'cpu'],
    ['Epochs', '12'],
    ['Threshold', '0.1936'],
    ['Anomalies', String(result.anomalies.length)],
  ]) {
    assert.ok(own.includes(`<div class="k">${k}</div><div class="v">${v}</div>`), `${k} = ${v}`);
  }
  assert.ok(own.includes('99th percentile of training MAE'));
  assert.ok(own.includes('best 10,'));
});

test('renderReport: anomalies table has one row per anomaly, or says there are none', () => {
  const input = reportFixture();
  const own = ownMarkup(renderReport(input));
  const table = own.slice(own.indexOf('id="anomalies-section"'), own.indexOf('id="settings-section"'));
  assert.equal(count(table, /<tr><td>\d{4}-\d\d-\d\d<\/td>/g), input.result.anomalies.length);
  const first = input.result.anomalies[0];
  assert.ok(table.includes(`<tr><td>${first.date}</td><td class="num">105.348</td><td class="num">0.1942</td></tr>`));
  assert.ok(!table.includes('No anomalies'));
  input.result.anomalies = [];
  assert.ok(
    ownMarkup(renderReport(input)).includes(
      'No anomalies: no test window has a reconstruction error above the threshold.',
    ),
  );
});

test('renderReport: settings table lists result.config', () => {
  const own = ownMarkup(renderReport(reportFixture()));
  assert.ok(own.includes('<tr><td>window</td><td>30</td></tr>'));
  assert.ok(own.includes('<tr><td>encoder</td><td>[64]</td></tr>'));
  assert.ok(own.includes('<tr><td>threshold</td><td>p99</td></tr>'));
});

test('renderReport: text from data is escaped (source, column name, config values)', () => {
  const evil = '<script>alert(1)</script>';
  const input = reportFixture({ source: evil, column: '</script><img src=x onerror=alert(2)>' });
  input.result.config.note = '<b onmouseover=alert(3)>';
  const html = renderReport(input);
  assert.equal(count(html, /<script/gi), 8, 'the library, the lazy-plot loader and six plots, nothing else');
  assert.equal(count(html, /<\/script/gi), 8);
  assert.ok(!html.includes('<img'));
  assert.ok(!html.includes('<b onmouseover'));
  assert.ok(html.includes(escapeHtml(evil)));
  assert.ok(html.includes('&lt;b onmouseover=alert(3)&gt;'));
  assert.ok(html.includes('\\u0026lt;/script\\u0026gt;\\u0026lt;img'), 'column name escaped inside plot JSON');
});

test('renderReport: drift banner only when drift.warn, with drift.message', () => {
  const calm = ownMarkup(renderReport(reportFixture()));
  assert.ok(!calm.includes('id="drift-warning"'));
  assert.ok(!calm.includes('Drift warning'));
  const drift = reportFixture({ drift: true });
  const own = ownMarkup(renderReport(drift));
  assert.equal(count(own, /id="drift-warning"/g), 1);
  assert.ok(own.includes(`<strong>Drift warning.</strong> ${drift.result.drift.message}`));
});
