import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nabLayout } from './nab-layout';

test('nabLayout: NAB sub-folders of symlinks; unknown names are realKnownCause; other files are left out', () => {
  const src = fs.mkdtempSync(path.join(os.tmpdir(), 'nab-src-'));
  for (const f of ['art_noisy.csv', 'art_daily_jumpsup.csv', 'nyc_taxi.csv', 'windows.json']) {
    fs.writeFileSync(path.join(src, f), f);
  }
  const dir = nabLayout(src);
  const list = (sub: string): string[] => fs.readdirSync(path.join(dir, sub)).sort();
  assert.deepEqual(fs.readdirSync(dir).sort(), ['artificialNoAnomaly', 'artificialWithAnomaly', 'realKnownCause']);
  assert.deepEqual(list('artificialNoAnomaly'), ['art_noisy.csv']);
  assert.deepEqual(list('artificialWithAnomaly'), ['art_daily_jumpsup.csv']);
  assert.deepEqual(list('realKnownCause'), ['nyc_taxi.csv']);
  assert.equal(fs.readFileSync(path.join(dir, 'realKnownCause', 'nyc_taxi.csv'), 'utf8'), 'nyc_taxi.csv');
  assert.ok(fs.lstatSync(path.join(dir, 'realKnownCause', 'nyc_taxi.csv')).isSymbolicLink());
  fs.rmSync(src, { recursive: true, force: true });
  fs.rmSync(path.dirname(dir), { recursive: true, force: true });
});
