import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DETECT_FLAGS } from '../flags';
import { parseFlags } from '../parse';
import { SCAN_FLAGS } from './scan-flags';
import { formatEta } from './scan-progress';

test("the scan flags are the detect flags less --csv, --ticker and --out, plus the scan's own", () => {
  const detect = DETECT_FLAGS.map((d) => d.flag).filter((f) => !['--csv', '--ticker', '--out'].includes(f));
  const scan = SCAN_FLAGS.map((d) => d.flag);
  assert.deepEqual(
    scan.filter((f) => detect.includes(f)),
    detect,
    'every per-series detect flag, in detect order',
  );
  assert.deepEqual(
    scan.filter((f) => !detect.includes(f)),
    [
      '--tickers',
      '--tickers-file',
      '--csv-dir',
      '--jobs',
      '--queue',
      '--scan-id',
      '--keep-results',
      '--queue-timeout',
      '--recent',
      '--out',
    ],
  );
  assert.equal(new Set(scan).size, scan.length, 'no flag twice');
  assert.deepEqual(parseFlags(['--csv-dir', 'd', '--window', '12', '--units', '8', '--jobs', '2'], SCAN_FLAGS), {
    csvDir: 'd',
    window: 12,
    units: 8,
    jobs: '2',
  });
  assert.throws(() => parseFlags(['--ticker', 'AAPL'], SCAN_FLAGS), /^InputError: unknown option: --ticker/);
});

test('formatEta: seconds, minutes, hours; ? before the first series', () => {
  assert.equal(formatEta(null), '?');
  assert.equal(formatEta(44.6), '45s');
  assert.equal(formatEta(185), '3m05s');
  assert.equal(formatEta(7620), '2h07m');
});
