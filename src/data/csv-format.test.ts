import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../tools/testing/cli';
import { InputError } from '../util/errors';
import { dateParser } from './date-format';
import { parseSeriesCsv, sepOf } from './load-csv';

const parse = (text: string, opts = {}) => parseSeriesCsv(text, { source: 'data.csv', ...opts });
/** Assert an InputError whose one-line message matches. */
const fails = (fn: () => unknown, re: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof InputError && !e.message.includes('\n') && re.test(e.message));

test('a header that was not split names the separator it holds and --sep', () => {
  fails(
    () => parse('Date;Close\n2020-01-02;10\n'),
    /^data\.csv: no date column \(looked for .*; columns: Date;Close; the header was not split into columns: it holds ";", try --sep ';'\); name one with --date-col$/,
  );
  fails(() => parse('Date\tClose\n2020-01-02\t10\n'), /it holds "tab", try --sep 'tab'/);
  fails(() => parse('Date,Close\n2020-01-02,10\n', { sep: ';' }), /it holds ",", try --sep ','/);
});

test('--sep reads other separators; a bad one is one line', () => {
  const s = parse('Date;Close\n2020-01-02;"1;5"\n2020-01-03;11\n', { sep: ';', fill: 'drop' });
  assert.deepEqual([s.dates, s.values], [['2020-01-03'], [[11]]]);
  assert.deepEqual(parse('Date\tClose\n2020-01-02\t10\n', { sep: 'tab' }).values, [[10]]);
  assert.equal(sepOf(undefined), ',');
  assert.equal(sepOf('\\t'), '\t');
  fails(() => sepOf(';;'), /^invalid --sep: ";;" \(one character, e\.g\. ";" or tab\)$/);
  fails(() => sepOf('"'), /^invalid --sep/);
});

test('--date-format reads day-first, month-first and month-name dates to the same ISO forms', () => {
  assert.equal(dateParser('DD.MM.YYYY')('24.12.2020'), '2020-12-24');
  assert.equal(dateParser('MM/DD/YYYY HH:mm')('12/24/2020 18:30'), '2020-12-24T18:30:00');
  assert.equal(dateParser('D/M/YY')('1/2/86'), '1986-02-01');
  assert.equal(dateParser('DD Mon YYYY HH:mm:ss')('02 Jan 2021 00:00:00'), '2021-01-02');
  assert.equal(dateParser('DD.MM.YYYY')('30.02.2020'), null, 'no such day');
  assert.equal(dateParser('DD.MM.YYYY')('2020-02-01'), null, 'another format');
  fails(() => dateParser('HH:mm'), /^--date-format HH:mm: needs a year \(YYYY or YY\), a month/);
  fails(() => dateParser('DD.MM.YYYY.DD'), /^--date-format DD\.MM\.YYYY\.DD: a part appears twice$/);
  const s = parse('Date;Close\n24.12.2020;1\n25.12.2020;2\n', { sep: ';', dateFormat: 'DD.MM.YYYY' });
  assert.deepEqual(s.dates, ['2020-12-24', '2020-12-25']);
  fails(
    () => parse('Date,Close\n12/24/2020,1\n'),
    /cannot parse date in column "Date" at line 2 \("12\/24\/2020"\) \(expected .*; name another with --date-format, e\.g\. DD\/MM\/YYYY\)$/,
  );
  fails(
    () => parse('Date,Close\n12/24/2020,1\n', { dateFormat: 'DD/MM/YYYY' }),
    /at line 2 \("12\/24\/2020"\) \(expected --date-format DD\/MM\/YYYY\)$/,
  );
});

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-sep-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

test('the CLI: a semicolon CSV gets the --sep hint (exit 2, nothing written); --sep and --date-format read it', async () => {
  const rows = Array.from({ length: 80 }, (_, i) => {
    const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000);
    const day = `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${d.getUTCFullYear()}`;
    return `${day};${(100 + 5 * Math.sin(i / 6)).toFixed(3)}`;
  });
  fs.writeFileSync(path.join(work, 'semi.csv'), `${['Date;Close', ...rows].join('\n')}\n`);
  const fast = ['--csv', 'semi.csv', '--detector', 'zscore', '--window', '10'];
  const bad = await runCli([...fast, '--out', 'run'], work);
  assert.equal(bad.code, 2, bad.err);
  assert.match(
    bad.err,
    /^error: semi\.csv: no date column .*the header was not split into columns: it holds ";", try --sep ';'/,
  );
  assert.ok(!fs.existsSync(path.join(work, 'run')));
  const ok = await runCli([...fast, '--sep', ';', '--date-format', 'DD.MM.YYYY', '--out', 'run'], work);
  assert.equal(ok.code, 0, ok.err);
  const result = JSON.parse(fs.readFileSync(path.join(work, 'run', 'result.json'), 'utf8'));
  assert.deepEqual([result.data.start, result.data.end, result.data.rows], ['2020-01-01', '2020-03-20', 80]);
});
