import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseJobs, parseKeepResults, parseQueueTimeout, parseRecent, scanInputs } from './inputs';
import { jobFingerprint, scanJobId } from './job';

function tmp(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-inputs-'));
  for (const [n, t] of Object.entries(files)) fs.writeFileSync(path.join(dir, n), t);
  return dir;
}

test('scanInputs --tickers: symbols upper-cased, in order; empty or duplicate is one line', () => {
  assert.deepEqual(
    scanInputs({ tickers: 'AAPL, msft,^GSPC' }).map((i) => i.name),
    ['AAPL', 'MSFT', '^GSPC'],
  );
  assert.throws(() => scanInputs({ tickers: '' }), /^InputError: --tickers: empty list$/);
  assert.throws(() => scanInputs({ tickers: 'AAPL,,MSFT' }), /empty symbol/);
  assert.throws(
    () => scanInputs({ tickers: 'AAPL,MSFT,aapl' }),
    /^InputError: --tickers item 3: duplicate symbol AAPL \(also --tickers item 1\)$/,
  );
  assert.throws(() => scanInputs({}), /exactly one of --tickers, --tickers-file, --csv-dir/);
  assert.throws(() => scanInputs({ tickers: 'A', csvDir: '.' }), /exactly one/);
});

test('scanInputs --tickers-file: comments and blank lines skipped; duplicates name both lines', () => {
  const dir = tmp({
    'a.txt': '# holdings\nAAPL\n\n  msft  # big\n',
    'dup.txt': 'AAPL\nMSFT\n\nAAPL\n',
    'empty.txt': '# none\n\n',
  });
  try {
    assert.deepEqual(
      scanInputs({ tickersFile: path.join(dir, 'a.txt') }).map((i) => i.name),
      ['AAPL', 'MSFT'],
    );
    const dup = path.join(dir, 'dup.txt');
    assert.throws(
      () => scanInputs({ tickersFile: dup }),
      new RegExp(`^InputError: ${dup} line 4: duplicate symbol AAPL \\(also ${dup} line 1\\)$`),
    );
    assert.throws(() => scanInputs({ tickersFile: path.join(dir, 'empty.txt') }), /no symbols/);
    assert.throws(() => scanInputs({ tickersFile: path.join(dir, 'none.txt') }), /cannot read \(ENOENT\)/);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});

test('scanInputs --csv-dir: every .csv in name order; an empty folder is one line', () => {
  const dir = tmp({ 'b.csv': 'x', 'a.CSV': 'x', 'notes.txt': 'x', '..csv': 'x', '.hidden.csv': 'x' });
  const empty = tmp({ 'notes.txt': 'x' });
  try {
    assert.deepEqual(
      scanInputs({ csvDir: dir }).map((i) => [i.name, path.basename(i.path!)]),
      [
        ['a', 'a.CSV'],
        ['b', 'b.csv'],
      ],
    );
    assert.throws(() => scanInputs({ csvDir: empty }), /no \.csv files in the folder$/);
  } finally {
    fs.rmSync(dir, { recursive: true });
    fs.rmSync(empty, { recursive: true });
  }
});

test('parseJobs, parseRecent, scanJobId', () => {
  assert.equal(parseJobs(undefined), 1);
  assert.equal(parseJobs('4'), 4);
  assert.throws(() => parseJobs('0'), /^InputError: invalid jobs: 0 \(an integer from 1 to 64\)$/);
  assert.throws(() => parseJobs('1.5'), /invalid jobs/);
  assert.equal(parseRecent('30d'), 30);
  assert.equal(parseRecent('2w'), 14);
  assert.equal(parseRecent('1y'), 365);
  assert.throws(() => parseRecent('30'), /invalid recent/);
  assert.equal(scanJobId('nightly', 'AAPL'), 'nightly__AAPL');
  assert.equal(scanJobId('a:b', 'BRK B'), 'a_b__BRK_B');
  assert.equal(scanJobId('s', 'x'.repeat(300)).length, 201);
  assert.equal(scanJobId('nightly', 'AAPL', '3f2a9c1d0b7e'), 'nightly__AAPL__3f2a9c1d0b7e');
});

test('jobFingerprint: the same for the same rows and options, different when either changes', () => {
  const s = { dates: ['2024-01-01', '2024-01-02'], values: [[1], [2]], columns: ['v'], source: 'x' };
  const a = jobFingerprint(s, { epochs: 2 });
  assert.match(a, /^[0-9a-f]{12}$/);
  assert.equal(jobFingerprint({ ...s, source: 'elsewhere' }, { epochs: 2 }), a);
  assert.notEqual(jobFingerprint(s, { epochs: 3 }), a);
  assert.notEqual(jobFingerprint({ ...s, values: [[1], [2.5]] }, { epochs: 2 }), a);
});

test('parseKeepResults: hours, days, weeks in ms; parseQueueTimeout: seconds in ms', () => {
  assert.equal(parseKeepResults('12h'), 12 * 3_600_000);
  assert.equal(parseKeepResults('7d'), 7 * 86_400_000);
  assert.equal(parseKeepResults('2w'), 14 * 86_400_000);
  for (const bad of ['0d', '7', '7m', 'd']) assert.throws(() => parseKeepResults(bad), /invalid --keep-results/);
  assert.equal(parseQueueTimeout('300'), 300_000);
  assert.equal(parseQueueTimeout('1.5'), 1500);
  for (const bad of ['0', '', 'x', '-3']) assert.throws(() => parseQueueTimeout(bad), /invalid --queue-timeout/);
});
