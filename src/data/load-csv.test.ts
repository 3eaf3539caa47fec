import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError } from '../util/errors';
import { packageRoot } from '../util/paths';
import { loadCsvSeries, parseSeriesCsv } from './load-csv';

/** The walkthrough data shipped in the project's data/ folder. */
const SHIPPED = path.resolve(packageRoot(), 'data');
/** Evaluation data beside the project (not shipped): tests needing it skip when it is absent, fail under CI. */
const DATA = path.resolve(packageRoot(), '../shared/data');
const NAB_SKIP = !process.env.CI && !fs.existsSync(path.join(DATA, 'nab')) && `${DATA}/nab is absent (evaluation data)`;
const parse = (text: string, opts = {}) => parseSeriesCsv(text, { source: 'data.csv', ...opts });
/** Assert an InputError whose one-line message matches. */
const fails = (fn: () => unknown, re: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof InputError && !e.message.includes('\n') && re.test(e.message));

test('parseSeriesCsv: default columns, ISO dates, numbers', () => {
  const s = parse('Date,Open,Close\n2020-01-02,1,10.5\n2020-01-03,2,-1e-3\n');
  assert.deepEqual(s, {
    dates: ['2020-01-02', '2020-01-03'],
    values: [[10.5], [-0.001]],
    columns: ['Close'],
    source: 'data.csv',
  });
});

test('parseSeriesCsv: column lookup is case-insensitive; default source names the input', () => {
  const s = parseSeriesCsv('TIMESTAMP,VALUE\n2014-07-01 00:00:00,1\n2014-07-01 00:30:00,2\n');
  assert.deepEqual(s.dates, ['2014-07-01T00:00:00', '2014-07-01T00:30:00']);
  assert.deepEqual(s.columns, ['VALUE']);
  assert.equal(s.source, 'CSV');
  assert.deepEqual(parse('day,price,close\n1-Jan-16,5,6\n', { dateCol: 'DAY', valueCols: ['Price', 'close'] }).values, [
    [5, 6],
  ]);
});

test('parseSeriesCsv: one data row works', () => {
  assert.deepEqual(parse('date,close\n02-Jan-86,209.59').values, [[209.59]]);
});

test('parseSeriesCsv: empty file and header-only file', () => {
  fails(() => parse(''), /^data\.csv: empty file$/);
  fails(() => parse('Date,Close\r\n'), /^data\.csv: no data rows \(only the header on line 1\)$/);
});

test('parseSeriesCsv: missing columns list the columns there are', () => {
  fails(
    () => parse('Date,Open,High\n2020-01-01,1,2\n', { valueCols: ['Close'] }),
    /^data\.csv: column "Close" not found \(columns: Date, Open, High\)$/,
  );
  fails(
    () => parse('Date,Open,High\n2020-01-01,1,2\n'),
    /^data\.csv: no value column \(looked for Close, Adj Close, value, price; columns: Date, Open, High\); name one with --value-col$/,
  );
  fails(() => parse('When,Close\n2020-01-01,1\n'), /no date column .*columns: When, Close/);
  fails(
    () => parse('Date,Close\n2020-01-01,1\n', { dateCol: 'Close', valueCols: ['Close'] }),
    /both the date and a value column/,
  );
});

test('parseSeriesCsv: rows with the wrong number of fields name the line', () => {
  fails(
    () => parse('Date,Close\n2020-01-01,1\n2020-01-02,1,234\n'),
    /^data\.csv line 3: 3 fields but the header has 2$/,
  );
});

test('parseSeriesCsv: unparseable dates give file lines, first few', () => {
  const rows = ['2019-02-28,1', '2019-02-30,2', 'x,3', ',4', 'soon,5', '2019-03-05,6'];
  fails(
    () => parse(`Date,Close\n${rows.join('\n')}\n`),
    /^data\.csv: cannot parse date in column "Date" at line 3 \("2019-02-30"\), line 4 \("x"\), line 5 \(""\) and 1 more \(expected /,
  );
});

test('parseSeriesCsv: duplicate, unsorted and newest-first dates are refused, never reordered', () => {
  fails(
    () => parse('Date,Close\n2020-01-01,1\n2020-01-02,2\n2020-01-02,3\n'),
    /^data\.csv: duplicate dates: 2020-01-02 at lines 3 and 4; each date must appear once \(or --order keep to keep the file order\)$/,
  );
  fails(
    () => parse('Date,Close\n2020-01-01,1\n2020-01-05,2\n2020-01-03,3\n2020-01-09,4\n'),
    /^data\.csv: dates out of order: line 4 \(2020-01-03\) after line 3 \(2020-01-05\); sort the file by date/,
  );
  fails(
    () => parse('Date,Close\n2020-01-03,1\n2020-01-02,2\n2020-01-01,3\n'),
    /^data\.csv: dates run newest first \(line 2: 2020-01-03\)/,
  );
  // midnight written two ways is still the same instant
  fails(
    () => parse('timestamp,value\n2020-01-01,1\n2020-01-01 00:00:00,2\n2020-01-01 00:30:00,3\n'),
    /duplicate dates: 2020-01-01T00:00:00 at lines 2 and 3/,
  );
});

test('parseSeriesCsv: missing and non-numeric values list lines and suggest --fill', () => {
  const text = 'Date,Close\n2020-01-01,1\n2020-01-02,\n2020-01-03,null\n2020-01-04,4\n2020-01-05,1,5\n';
  fails(
    () => parse(text.replace('1,5', '"1,5"')),
    /^data\.csv: 3 missing or non-numeric values: line 3 \(Close: empty\), line 4 \(Close: "null"\), line 6 \(Close: "1,5"\); use --fill ffill\|drop to accept them$/,
  );
  fails(
    () => parse('Date,Close\n2020-01-01,Infinity\n'),
    /1 missing or non-numeric value: line 2 \(Close: "Infinity"\)/,
  );
});

test('parseSeriesCsv: fill ffill and drop; a missing first value cannot be forward-filled', () => {
  const text = 'Date,A,B\n2020-01-01,1,10\n2020-01-02,,20\n2020-01-03,3,NaN\n2020-01-04,4,40\n';
  const f = parse(text, { valueCols: ['A', 'B'], fill: 'ffill' });
  assert.deepEqual(f.values, [
    [1, 10],
    [1, 20],
    [3, 20],
    [4, 40],
  ]);
  assert.equal(f.dates.length, 4);
  const d = parse(text, { valueCols: ['A', 'B'], fill: 'drop' });
  assert.deepEqual(
    [d.dates, d.values],
    [
      ['2020-01-01', '2020-01-04'],
      [
        [1, 10],
        [4, 40],
      ],
    ],
  );
  fails(
    () => parse('Date,Close\n2020-01-01,\n2020-01-02,2\n', { fill: 'ffill' }),
    /^data\.csv line 2: the first value of column "Close" is missing/,
  );
  fails(() => parse('Date,Close\n2020-01-01,1\n', { fill: 'zero' as never }), /^invalid fill: zero/);
});

test('loadCsvSeries: a missing file is one line naming it', () => {
  fails(() => loadCsvSeries(path.join(SHIPPED, 'nope.csv')), /nope\.csv: cannot read \(no such file\)$/);
});

test('loadCsvSeries: the shipped walkthrough files', () => {
  const sp = loadCsvSeries(path.join(SHIPPED, 'sp500_1986_2018.csv'));
  assert.deepEqual(
    [sp.dates.length, sp.dates[0], sp.dates.at(-1), sp.values[0][0], sp.columns],
    [8192, '1986-01-02', '2018-06-29', 209.59, ['close']],
  );
  assert.equal(sp.source, path.join(SHIPPED, 'sp500_1986_2018.csv'));
  const ge = loadCsvSeries(path.join(SHIPPED, 'GE.csv'));
  assert.deepEqual(
    [ge.dates.length, ge.dates[0], ge.dates.at(-1), ge.values.at(-1), ge.columns],
    [6243, '1999-01-04', '2023-10-24', [113.620003], ['Close']],
  );
  const adj = loadCsvSeries(path.join(SHIPPED, 'GE.csv'), { valueCols: ['Adj Close'] });
  assert.equal(adj.values[0][0], 108.966896);
  const an = loadCsvSeries(path.join(SHIPPED, 'anomaly.csv'), { valueCols: ['Power', 'Detector'] });
  assert.deepEqual(
    [an.dates.length, an.dates[0], an.dates.at(-1), an.values[0], an.columns],
    [1461, '2016-01-01', '2019-12-31', [96, 8], ['Power', 'Detector']],
  );
});

test('loadCsvSeries: NAB files (timestamp,value); the one with repeated timestamps is refused', {
  skip: NAB_SKIP,
}, () => {
  const taxi = loadCsvSeries(path.join(DATA, 'nab/nyc_taxi.csv'));
  assert.deepEqual(
    [taxi.dates.length, taxi.dates[0], taxi.dates[1], taxi.dates.at(-1), taxi.values[0][0]],
    [10320, '2014-07-01T00:00:00', '2014-07-01T00:30:00', '2015-01-31T23:30:00', 10844],
  );
  const amb = loadCsvSeries(path.join(DATA, 'nab/ambient_temperature_system_failure.csv'));
  assert.equal(amb.dates.length, 7267);
  fails(
    () => loadCsvSeries(path.join(DATA, 'nab/machine_temperature_system_failure.csv')),
    /machine_temperature_system_failure\.csv: dates out of order: line 10151 \(2014-01-07T02:00:00\) after line 10150 \(2014-01-07T02:55:00\)/,
  );
});

test('parseSeriesCsv: a value that parses to infinity is refused with its line and column', () => {
  fails(
    () => parse('Date,Close\n2020-01-01,1\n2020-01-02,1e400\n'),
    /^data\.csv line 3, column "Close": value 1e400 is beyond the number range \(parses to infinity\)$/,
  );
  fails(
    () => parse('Date,A,B\n2020-01-01,1,-2e308\n', { valueCols: ['A', 'B'], fill: 'ffill' }),
    /^data\.csv line 2, column "B": value -2e308/,
  );
  assert.deepEqual(parse('Date,Close\n2020-01-01,1e308\n').values, [[1e308]]);
});

test('parseSeriesCsv: a column named twice in the header is refused, naming it', () => {
  fails(
    () => parse('Date,Close,Open,Close\n2020-01-01,1,2,3\n'),
    /^data\.csv: column "Close" appears twice in the header \(columns 2 and 4\); rename one$/,
  );
  // unnamed columns (an index column, a trailing comma) are not names
  assert.deepEqual(parse(',Date,Close,\n0,2020-01-01,1,\n').values, [[1]]);
});

test('parseSeriesCsv: control characters and ANSI escapes from the file never reach a message or a column name', () => {
  const esc = '\u001b[31m';
  assert.throws(
    () => parse(`Date,Close\n2020-01-01,${esc}x\u0007\n`),
    (e: unknown) => e instanceof InputError && e.message.includes('(Close: "x")') && !/[\u0000-\u001f]/.test(e.message),
  );
  assert.throws(
    () => parse(`Date,Close\n${esc}2020\u001b]0;title\u0007,1\n`),
    (e: unknown) => e instanceof InputError && e.message.includes('line 2 ("2020")'),
  );
  assert.deepEqual(parse(`Date,"${esc}Cl\nose\u001b[0m"\n2020-01-01,1\n`, { valueCols: ['Cl ose'] }).columns, [
    'Cl ose',
  ]);
});

test('parseSeriesCsv: order keep keeps duplicate and unsorted dates in file order', () => {
  const text = 'Date,Close\n2020-01-03,1\n2020-01-01,2\n2020-01-01,3\n';
  assert.deepEqual(parse(text, { order: 'keep' }), {
    dates: ['2020-01-03', '2020-01-01', '2020-01-01'],
    values: [[1], [2], [3]],
    columns: ['Close'],
    source: 'data.csv',
  });
  fails(() => parse(text), /duplicate dates: 2020-01-01 at lines 3 and 4;.*--order keep/);
  fails(() => parse(text, { order: 'random' as never }), /^invalid order: random \(strict or keep\)$/);
});

test('loadCsvSeries: the streamed file equals the parsed text across chunk boundaries', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-stream-'));
  try {
    const rows = ['Date,"Close",note'];
    for (let i = 0; i < 80000; i++) {
      const d = new Date(Date.UTC(1900, 0, 1 + i)).toISOString().slice(0, 10);
      rows.push(i % 7 === 0 ? `${d},${i}.5,"multi\r\nline, ""q"""` : `${d},${i}.5,plain text padding ${i}`);
    }
    const text = `\uFEFF${rows.join('\n')}\n\n`;
    const file = path.join(dir, 'big.csv');
    fs.writeFileSync(file, text);
    assert.ok(fs.statSync(file).size > 2 * 1024 * 1024);
    const a = loadCsvSeries(file);
    assert.deepEqual(a, parseSeriesCsv(text, { source: file }));
    assert.deepEqual([a.dates.length, a.dates[0], a.values[79999]], [80000, '1900-01-01', [79999.5]]);
    fs.appendFileSync(file, '1900-01-01,1,x\n');
    fails(
      () => loadCsvSeries(file),
      new RegExp(`dates out of order: line ${text.split(/\r?\n/).length} \\(1900-01-01\\)`),
    );
    fails(() => loadCsvSeries(dir), /cannot read \(is a directory\)$/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('loadCsvSeries: a file larger than the heap is one line with its size, never a native crash', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-huge-'));
  try {
    const file = path.join(dir, 'huge.csv');
    fs.writeFileSync(file, `Date,Close\n${'2020-01-01,1\n'.repeat(2_000_000)}`);
    const script = `const { loadCsvSeries } = require(${JSON.stringify(require.resolve('./load-csv'))});
      try { loadCsvSeries(${JSON.stringify(file)}); } catch (e) { console.log(e.name + ': ' + e.message); process.exit(2); }`;
    const r = spawnSync(process.execPath, ['--max-old-space-size=16', '-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 2, r.stderr);
    assert.match(
      r.stdout,
      /^InputError: .*huge\.csv: too large to load \(24\.8 MB; the heap limit of this process is 16\.0 MB\); use a smaller file/,
    );
    assert.equal(r.stdout.trim().split('\n').length, 1);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
