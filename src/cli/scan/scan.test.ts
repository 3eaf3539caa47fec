import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { browserSkipReason, launchChromium } from '../../../tools/testing/browser';
import { priceCsv, runCli } from '../../../tools/testing/cli';
import type { RunResult } from '../../result';
import type { ScanSummary } from '../../scan/summary';

// Real CLI runs in child processes, offline, tiny models. AAA has a price shock 14-19 days before its end, BBB
// none, CCC is too short (a failed row). 160 rows: 128 training and 32 test rows; window 10 -> 23 test windows.
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu', '--seed', '7'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-scan-cli-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
priceCsv(path.join(work, 'in', 'AAA.csv'), { rows: 160, shock: 30 });
priceCsv(path.join(work, 'in', 'BBB.csv'), { rows: 160, phase: 1 });
priceCsv(path.join(work, 'in', 'CCC.csv'), { rows: 12, phase: 2 });
fs.writeFileSync(path.join(work, 'in', 'notes.txt'), 'not a series');

const read = (...p: string[]) => fs.readFileSync(path.join(work, ...p), 'utf8');
const lines = (s: string) => s.split('\n').filter((l) => l !== '');

test('scan --csv-dir: a row per series, one failed; summaries, a folder per series; exit 0, "1 failed"', async () => {
  const r = await runCli(['scan', '--csv-dir', 'in', '--out', 'scan1', '--recent', '2w', ...TINY], work);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /scan: 3 series, 2 scanned, 1 failed;/);
  assert.deepEqual(fs.readdirSync(path.join(work, 'scan1')).sort(), [
    '.lstm-anomaly',
    'AAA',
    'BBB',
    'summary.csv',
    'summary.html',
    'summary.json',
  ]);
  assert.deepEqual(fs.readdirSync(path.join(work, 'scan1', 'AAA')).sort(), [
    'anomalies.csv',
    'events.csv',
    'report.html',
    'result.json',
  ]);
  const s: ScanSummary = JSON.parse(read('scan1', 'summary.json'));
  assert.deepEqual([s.total, s.failed, s.recentDays], [3, 1, 14]);
  assert.deepEqual(
    s.rows.map((x) => [x.series, x.ok, x.rows, x.lastDate]),
    [
      ['AAA', true, 160, '2020-06-08'],
      ['BBB', true, 160, '2020-06-08'],
      ['CCC', false, null, null],
    ],
  );
  // 12 rows: 9 training, 3 test; log returns need window + 1 = 11 training rows, and 10 / 0.2 = 50 rows in all
  assert.equal(
    s.rows[2].error,
    'too few rows: in/CCC.csv has 12 rows, split into 9 training and 3 test rows; ' +
      'a window of 10 needs at least 11 training and 10 test rows (about 50 rows in all)',
  );
  const a: RunResult = JSON.parse(read('scan1', 'AAA', 'result.json'));
  assert.deepEqual([a.split.trainRows, a.split.testRows, a.test.length], [128, 32, 23]);
  const ev = a.events ?? [];
  assert.ok(ev.length >= 1 && ev.length <= a.anomalies.length, JSON.stringify(ev));
  assert.equal(s.eventsFrom, 'events');
  assert.equal(s.rows[0].events, ev.length);
  assert.equal(s.rows[0].latestEvent, ev[ev.length - 1].end);
  assert.equal(s.rows[0].peakScore, Math.max(...a.test.map((w) => w.mae)) / a.threshold.value);
  // 2w: events ending after 2020-05-25; the shock's own windows (ending 05-21..05-25) are older
  assert.equal(s.rows[0].recentEvents, ev.filter((x) => x.end > '2020-05-25').length);
  assert.ok(
    a.anomalies.some((x) => x.date <= '2020-05-25' && x.date >= '2020-05-21'),
    JSON.stringify(a.anomalies),
  );
  assert.ok(s.rows[0].peakScore! > s.rows[1].peakScore!, 'the shocked series peaks higher');
  assert.equal(lines(read('scan1', 'summary.csv')).length, 4);
  assert.match(read('scan1', 'summary.html'), /<a href="AAA\/report\.html">AAA<\/a>/);
});

test('summary.html opens in headless Chromium without errors; clicking a header sorts the rows', {
  skip: browserSkipReason() ?? false,
}, async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(path.join(work, 'scan1', 'summary.html')).href);
    const order = () =>
      page.$$eval('tbody tr', (rows) => rows.map((r) => (r as HTMLTableRowElement).cells[0].textContent));
    assert.deepEqual(await order(), ['AAA', 'BBB', 'CCC']);
    await page.click('th[data-k="series"]');
    await page.click('th[data-k="series"]');
    assert.deepEqual(await order(), ['CCC', 'BBB', 'AAA'], 'second click: descending');
    await page.click('th[data-k="peakScore"]');
    assert.deepEqual(await order(), ['BBB', 'AAA', 'CCC'], 'ascending peak score, the failed row last');
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
  }
});

test('scan --tickers: one from the Yahoo cache, one offline with no cache (a failed row), exit 0', async () => {
  const dir = path.join(work, 'tick');
  priceCsv(path.join(dir, 'data', 'AAA_1d_2020-01-01_2020-06-08.csv'), { rows: 160, shock: 30 });
  const r = await runCli(
    ['scan', '--tickers', 'AAA,ZZZ', '--start', '2020-01-01', '--end', '2020-06-08', ...TINY],
    dir,
  );
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /scan: 2 series, 1 scanned, 1 failed;/);
  const [out] = fs.readdirSync(path.join(dir, 'reports'));
  assert.match(out, /^scan-\d{4}-\d\d-\d\d$/);
  const s: ScanSummary = JSON.parse(fs.readFileSync(path.join(dir, 'reports', out, 'summary.json'), 'utf8'));
  assert.deepEqual(
    s.rows.map((x) => [x.series, x.ok, x.rows]),
    [
      ['AAA', true, 160],
      ['ZZZ', false, null],
    ],
  );
  assert.match(s.rows[1].error, /^cannot download ZZZ \(ZZZ\) from Yahoo Finance: .*; no cached copy in /);
});

test('--out: an earlier scan or detect output needs --force, another is refused', async () => {
  fs.mkdirSync(path.join(work, 'mine'));
  fs.writeFileSync(path.join(work, 'mine', 'keep.txt'), 'x');
  const r = await runCli(['scan', '--csv-dir', 'in', '--out', 'mine', ...TINY], work);
  assert.equal(r.code, 2);
  assert.equal(
    r.err,
    'error: --out mine: is not empty and not an output of lstm-anomaly; choose a new folder ' +
      '(--force replaces an earlier output of lstm-anomaly, and only that)\n',
  );
  assert.deepEqual(fs.readdirSync(path.join(work, 'mine')), ['keep.txt']);
  fs.mkdirSync(path.join(work, 'det'));
  fs.writeFileSync(path.join(work, 'det', '.lstm-anomaly'), '{"tool":"lstm-anomaly","command":"detect"}\n');
  const d = await runCli(['scan', '--csv-dir', 'in', '--out', 'det', ...TINY], work);
  assert.equal(d.code, 2);
  assert.match(d.err, /^error: --out det: holds an earlier output of lstm-anomaly; --force replaces/);
  const again = await runCli(['scan', '--csv-dir', 'in', '--out', 'scan1', '--recent', '2w', '--force', ...TINY], work);
  assert.equal(again.code, 0, again.err);
  assert.deepEqual(
    JSON.parse(read('scan1', 'summary.json')).rows.map((x: { ok: boolean }) => x.ok),
    [true, true, false],
  );
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

test('a --queue nobody answers: exit 2 in under 10 s, one line naming host:port, never the password', async () => {
  const port = await closedPort();
  for (const url of [`redis://127.0.0.1:${port}`, `redis://:s3cretpw@127.0.0.1:${port}/0`]) {
    // --tickers offline: had any series been loaded, its failure would be a second line
    const r = await runCli(['scan', '--tickers', 'AAA,BBB', '--queue', url, '--out', 'q', ...TINY], work);
    assert.equal(r.code, 2, r.err);
    assert.ok(r.ms < 10000, `${r.ms} ms`);
    assert.equal(r.err, `error: --queue: cannot reach Redis at 127.0.0.1:${port} (ECONNREFUSED)\n`);
    assert.ok(!(r.out + r.err).includes('s3cretpw'));
  }
  const bad = await runCli(['scan', '--tickers', 'AAA', '--queue', 'redis//:s3cretpw@h'], work);
  assert.equal(bad.code, 2);
  assert.ok(!bad.err.includes('s3cretpw') && /^error: --queue: not a URL/.test(bad.err), bad.err);
  assert.ok(!fs.existsSync(path.join(work, 'q')));
});

test('bad input is exit 2 and one line: an empty tickers file, a duplicate symbol, --jobs 0, no source', async () => {
  fs.writeFileSync(path.join(work, 'empty.txt'), '# my holdings\n\n');
  fs.writeFileSync(path.join(work, 'dup.txt'), 'AAPL\nMSFT\nmsft\n');
  const cases: [string[], string][] = [
    [['--tickers-file', 'empty.txt'], 'error: empty.txt: no symbols (only blank lines and # comments)'],
    [['--tickers-file', 'dup.txt'], 'error: dup.txt line 3: duplicate symbol MSFT (also dup.txt line 2)'],
    [['--tickers', 'AAPL,aapl'], 'error: --tickers item 2: duplicate symbol AAPL (also --tickers item 1)'],
    [['--csv-dir', 'in', '--jobs', '0'], 'error: invalid --jobs: 0 (an integer from 1 to 64)'],
    [['--csv-dir', 'nowhere'], 'error: nowhere: cannot read folder (ENOENT)'],
    [[], 'error: scan needs exactly one of --tickers, --tickers-file, --csv-dir'],
    [['--csv-dir', 'in', '--csv', 'x.csv'], 'error: unknown option: --csv (see --help)'],
  ];
  for (const [args, want] of cases) {
    const r = await runCli(['scan', ...args], work);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err, `${want}\n`);
  }
  assert.ok(!fs.existsSync(path.join(work, 'reports')), 'nothing written');
});
