import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { reportFixture } from '../../tools/testing/fixture';
import type { RunResult } from '../result';
import type { ScanItemResult } from './job';
import { isScanOutput, scanExitCode, writeScanOutputs } from './output';
import { buildSummary, summaryCsv, summaryRow } from './summary';
import { sparkline } from './summary-html';

// A hand-made result: last date 2024-03-31; anomalies on 02-15 (45 days before), 03-02 (29 days), 03-31 (0 days).
const HAND = {
  data: { rows: 120, end: '2024-03-31' },
  anomalies: [
    { date: '2024-02-15', value: 1, mae: 0.5 },
    { date: '2024-03-02', value: 1, mae: 0.6 },
    { date: '2024-03-31', value: 1, mae: 0.8 },
  ],
  test: [{ mae: 0.1 }, { mae: 0.8 }, { mae: 0.3 }],
  threshold: { value: 0.4 },
} as unknown as RunResult;
const OK: ScanItemResult = { id: 's__A', name: 'A', ok: true, result: HAND, seconds: 1 };
const BAD: ScanItemResult = { id: 's__B', name: 'B', ok: false, error: 'too few rows: B has 3 rows', seconds: 0 };

test('summaryRow: events in the recent days, latest event, peak score = max test MAE / threshold', () => {
  assert.deepEqual(summaryRow(OK, 30), {
    series: 'A',
    ok: true,
    error: '',
    rows: 120,
    lastDate: '2024-03-31',
    recentEvents: 2,
    latestEvent: '2024-03-31',
    peakScore: 2,
    events: 3,
    report: 'A/report.html',
  });
  assert.equal(summaryRow(OK, 29).recentEvents, 1);
  assert.equal(summaryRow(OK, 46).recentEvents, 3);
  const bad = summaryRow(BAD, 30);
  assert.equal(bad.ok, false);
  assert.equal(bad.error, 'too few rows: B has 3 rows');
  assert.equal(bad.rows, null);
});

test('summaryRow: with events in the result, the event fields count events by their end dates', () => {
  const events = [
    { start: '2024-02-10', end: '2024-02-15' },
    { start: '2024-03-25', end: '2024-03-31' },
  ];
  const item: ScanItemResult = { ...OK, result: { ...HAND, events } as unknown as RunResult };
  const row = summaryRow(item, 30);
  assert.deepEqual([row.events, row.recentEvents, row.latestEvent], [2, 1, '2024-03-31']);
  assert.equal(buildSummary([item, BAD], 30).eventsFrom, 'events');
  assert.equal(buildSummary([OK, BAD], 30).eventsFrom, 'anomalies');
});

test('summaryCsv and the exit status: 0 unless every series failed', () => {
  const s = buildSummary([OK, BAD], 30);
  assert.equal(
    summaryCsv(s),
    'series,ok,rows,lastDate,recentEvents,latestEvent,peakScore,events,report,error\n' +
      'A,true,120,2024-03-31,2,2024-03-31,2,3,A/report.html,\nB,false,,,,,,,,too few rows: B has 3 rows\n',
  );
  assert.equal(scanExitCode(s), 0);
  assert.equal(scanExitCode(buildSummary([BAD], 30)), 1);
  assert.equal(scanExitCode(buildSummary([OK], 30)), 0);
});

test('sparkline: at most ~2 points per bucket of 120, anomaly dots, nothing for one row', () => {
  const n = 1000;
  const s = {
    dates: Array.from({ length: n }, (_, i) => `d${String(i).padStart(4, '0')}`),
    values: Array.from({ length: n }, (_, i) => [i % 7]),
    columns: ['v'],
    source: 't',
  };
  const svg = sparkline(s, new Set(['d0500']));
  const pts = /points="([^"]*)"/.exec(svg)![1].split(' ');
  assert.ok(pts.length <= 2 * 120 && pts.length >= 120, String(pts.length));
  assert.equal((svg.match(/<circle/g) ?? []).length, 1);
  assert.equal(sparkline({ ...s, dates: ['a'], values: [[1]] }, new Set()), '');
});

test('writeScanOutputs: a folder per scanned series, the three summaries, links to reports', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-scan-out-'));
  try {
    const fx = reportFixture({ source: 'fx' });
    const item: ScanItemResult = { id: 's__FX', name: 'FX', ok: true, result: fx.result, seconds: 1 };
    const out = path.join(dir, 'scan');
    const summary = await writeScanOutputs(out, [item, BAD], new Map([['FX', fx.series]]), 30);
    const names = ['.lstm-anomaly', 'FX', 'summary.csv', 'summary.html', 'summary.json'];
    assert.deepEqual(fs.readdirSync(out).sort(), names);
    assert.equal(JSON.parse(fs.readFileSync(path.join(out, '.lstm-anomaly'), 'utf8')).command, 'scan');
    assert.equal(isScanOutput(out), true);
    assert.equal(isScanOutput(path.join(out, 'FX')), false, 'a detect-like folder is not a scan output');
    fs.writeFileSync(path.join(out, '.lstm-anomaly'), '{"tool":"lstm-anomaly","command":"detect"}\n');
    assert.equal(isScanOutput(out), false, 'a detect output');
    fs.rmSync(path.join(out, '.lstm-anomaly'));
    assert.equal(isScanOutput(out), false, 'no marker');
    assert.deepEqual(fs.readdirSync(path.join(out, 'FX')).sort(), ['anomalies.csv', 'report.html', 'result.json']);
    assert.deepEqual(JSON.parse(fs.readFileSync(path.join(out, 'summary.json'), 'utf8')), summary);
    const html = fs.readFileSync(path.join(out, 'summary.html'), 'utf8');
    assert.match(html, /<a href="FX\/report\.html">FX<\/a>/);
    assert.match(html, /<td class="err">too few rows: B has 3 rows<\/td>/);
    assert.equal((html.match(/<svg /g) ?? []).length, 1);
    assert.equal((html.match(/<circle/g) ?? []).length, Math.min(20, fx.result.anomalies.length));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
