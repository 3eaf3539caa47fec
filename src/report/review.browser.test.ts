import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../../tools/testing/browser';
import { reportFixture } from '../../tools/testing/fixture';
import { aggregate } from '../evaluate/aggregate';
import { scoreCounts } from '../evaluate/counts';
import { labelsForFile, parseIntervalCsv, parseNabWindows } from '../evaluate/labels';
import type { AnomalyEvent } from '../events/events';
import { evaluationHtml } from './evaluation';
import { renderReport } from './html';

const skip = browserSkipReason() ?? false;

/** The fixture run (300 daily rows, test part from row 100) with three events, its data file named with an `&`. */
function page3() {
  const input = reportFixture({ source: 'data/spx & co.csv' });
  const dates = input.series.dates;
  const ev = (a: number, b: number): AnomalyEvent => ({
    start: dates[a],
    end: dates[b],
    startIndex: a - 100,
    endIndex: b - 100,
    peak: dates[a],
    peakScore: 3,
    severity: 1,
  });
  input.result.events = [ev(160, 166), ev(240, 246), ev(280, 281)];
  input.result.eventSource = 'window';
  return input;
}

async function download(page: Page, button: string, n = 0): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#review${n} ${button}`)]);
  const file = await d.path();
  return readFileSync(file, 'utf8');
}

test('review: mark events, drag a missed interval, export JSON and CSV, reload, re-import: the same intervals', {
  skip,
  timeout: 120_000,
}, async () => {
  const input = page3();
  const dates = input.series.dates;
  const dir = mkdtempSync(join(tmpdir(), 'lstm-anomaly-review-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'report.html');
  const html = renderReport(input);
  writeFileSync(file, html);
  assert.match(html, /the series: <code>spx &amp; co\.csv<\/code>/);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    const blocked: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.route('**', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.querySelector('#events svg.main-svg g.trace'));
    // event 1 is an anomaly, event 2 is not, event 3 stays unmarked
    await page.click('#review0-e0 button[data-v="yes"]');
    await page.click('#review0-e1 button[data-v="no"]');
    // drag across the chart, from 30% to 36% of the plot's width
    const drag = await page.evaluate(() => {
      const gd = document.getElementById('events') as unknown as {
        _fullLayout: { xaxis: { _offset: number; _length: number; p2d: (p: number) => string } };
        getBoundingClientRect: () => DOMRect;
      };
      const xa = gd._fullLayout.xaxis;
      const box = gd.getBoundingClientRect();
      const px = (f: number) => xa._length * f;
      return {
        x0: box.left + xa._offset + px(0.3),
        x1: box.left + xa._offset + px(0.36),
        y: box.top + box.height / 2,
        d0: xa.p2d(px(0.3)),
        d1: xa.p2d(px(0.36)),
      };
    });
    await page.mouse.move(drag.x0, drag.y);
    await page.mouse.down();
    await page.mouse.move((drag.x0 + drag.x1) / 2, drag.y, { steps: 5 });
    await page.mouse.move(drag.x1, drag.y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(() => document.querySelectorAll('#review0 .review-drawn li').length === 1);
    // the drawn interval is snapped to the series' own dates inside the dragged range
    const ms = (s: string) => Date.parse(`${s.replace(' ', 'T').slice(0, 10)}T00:00:00Z`);
    const inside = dates.filter(
      (d) =>
        ms(d) >= Date.parse(`${drag.d0.replace(' ', 'T')}Z`) - 1 &&
        ms(d) <= Date.parse(`${drag.d1.replace(' ', 'T')}Z`),
    );
    const drawn = [inside[0], inside[inside.length - 1]];
    assert.ok(inside.length >= 3, `dragged over ${inside.length} dates`);
    const want = [[dates[160], dates[166]], drawn].sort((a, b) => a[0].localeCompare(b[0]));
    assert.match(
      (await page.textContent('#review0 .review-count')) ?? '',
      /^2 of 3 events reviewed: 1 anomaly, 1 not; 1 interval drawn/,
    );

    const json = await download(page, '.review-json');
    const windows = parseNabWindows(json, 'marks.json');
    assert.deepEqual(Object.keys(windows), ['spx & co.csv']);
    assert.deepEqual(
      labelsForFile(windows, 'data/spx & co.csv').map((l) => [l.start, l.end]),
      want,
    );
    const csv = await download(page, '.review-csv');
    assert.match(csv, /^start,end,label\n/);
    assert.deepEqual(
      parseIntervalCsv(csv, 'marks.csv').map((l) => [l.start, l.end]),
      want,
    );

    // the marks survive a reload (browser storage, keyed by the run's data)
    await page.reload();
    await page.waitForFunction(() => document.querySelector('#events svg.main-svg g.trace'));
    assert.equal(await download(page, '.review-json'), json);
    // clear, then import the exported file: the same intervals, event 1 marked again
    await page.click('#review0 .review-clear');
    assert.match((await page.textContent('#review0 .review-count')) ?? '', /^0 of 3 events reviewed/);
    const marks = join(dir, 'marks.json');
    writeFileSync(marks, json);
    await page.setInputFiles('#review0 .review-import', marks);
    await page.waitForFunction(() =>
      /Imported 2 intervals/.test(document.querySelector('#review0 .review-msg')!.textContent!),
    );
    assert.equal(await page.getAttribute('#review0-e0 button[data-v="yes"]', 'class'), 'on');
    assert.equal(await download(page, '.review-json'), json);
    // a marks file of another series is refused, in one line, and changes nothing
    const other = join(dir, 'other.json');
    writeFileSync(other, JSON.stringify({ 'nyc_taxi.csv': [[dates[10], dates[12]]] }));
    await page.setInputFiles('#review0 .review-import', other);
    await page.waitForFunction(() => /no marks for/.test(document.querySelector('#review0 .review-msg')!.textContent!));
    assert.equal(
      await page.textContent('#review0 .review-msg'),
      'other.json: no marks for spx & co.csv (it marks nyc_taxi.csv)',
    );
    assert.equal(await download(page, '.review-json'), json);
    assert.deepEqual(errors, []);
    assert.deepEqual(blocked, []);
  } finally {
    await browser.close();
  }
});

test('review in evaluation.html: each file its own controls, its marks keyed by its path under the folder', {
  skip,
  timeout: 120_000,
}, async () => {
  const { series } = reportFixture();
  const line = { dates: series.dates, values: series.values.map((v) => v[0]), name: 'value' };
  const ev = (a: number, b: number) => ({
    start: series.dates[a],
    end: series.dates[b],
    startIndex: a,
    endIndex: b,
    peak: series.dates[a],
    peakScore: 1,
    severity: 1,
  });
  const files = [
    { row: { file: 'a/x.csv', subset: 'a', counts: scoreCounts(1, 0, 0) }, events: [ev(10, 12)], line },
    { row: { file: 'b/<y>.csv', subset: 'b', counts: scoreCounts(0, 2, 0) }, events: [ev(50, 55), ev(90, 91)], line },
  ];
  const dir = mkdtempSync(join(tmpdir(), 'lstm-anomaly-review-eval-'));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const file = join(dir, 'evaluation.html');
  const html = evaluationHtml(files, aggregate(files.map((f) => f.row)), {}, 1);
  assert.match(html, /<summary>Review b\/&lt;y&gt;\.csv \(2 events\)<\/summary>/);
  writeFileSync(file, html);
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(file).href);
    await page.waitForFunction(() => document.querySelector('#file-2 svg.main-svg g.trace'));
    for (const n of [1, 2])
      await page
        .locator('details', { has: page.locator(`#review${n}`) })
        .locator('summary')
        .click();
    await page.click('#review2-e1 button[data-v="yes"]');
    const json = await download(page, '.review-json', 2);
    assert.deepEqual(
      labelsForFile(parseNabWindows(json), 'b/<y>.csv').map((l) => [l.start, l.end]),
      [[series.dates[90], series.dates[91]]],
    );
    assert.deepEqual(Object.keys(parseNabWindows(json)), ['b/<y>.csv']);
    // the other file's marks are its own
    assert.deepEqual(parseNabWindows(await download(page, '.review-json', 1)), { 'a/x.csv': [] });
    // export all: one file, one key per file, as evaluate --labels reads it
    const [all] = await Promise.all([page.waitForEvent('download'), page.click('#review-all')]);
    assert.equal(all.suggestedFilename(), 'marks.json');
    assert.deepEqual(parseNabWindows(readFileSync(await all.path(), 'utf8')), {
      'a/x.csv': [],
      'b/<y>.csv': [{ start: series.dates[90], end: series.dates[91] }],
    });
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});
