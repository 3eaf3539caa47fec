import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { indexDates } from '../../data/formats/index-dates';
import { evaluatedFilesUnder, fileFormat, loadEvaluated, trainEndOf } from './evaluate-formats';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-evformats-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const values = (n: number): string => `${Array.from({ length: n }, (_, i) => Math.sin(i / 5).toFixed(3)).join('\n')}\n`;

test('fileFormat and evaluatedFilesUnder: CSVs and UCR .txt files; other .txt files are skipped', () => {
  const dir = path.join(work, 'find');
  fs.mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (const f of ['sub/001_UCR_Anomaly_A_10_20_30.txt', 'readme.txt', 'a.csv', 'sub/002_X_id_1_Y_tr_5_1st_9.csv'])
    fs.writeFileSync(path.join(dir, f), '1\n');
  assert.deepEqual(evaluatedFilesUnder(dir), {
    files: ['a.csv', 'sub/001_UCR_Anomaly_A_10_20_30.txt', 'sub/002_X_id_1_Y_tr_5_1st_9.csv'],
    skipped: ['readme.txt'],
  });
  assert.deepEqual(['a.csv', 'sub/001_UCR_Anomaly_A_10_20_30.txt', 'sub/002_X_id_1_Y_tr_5_1st_9.csv'].map(fileFormat), [
    'csv',
    'ucr',
    'tsbad',
  ]);
  fs.writeFileSync(path.join(dir, '003_UCR_Anomaly_B_10_30_20.txt'), '1\n');
  assert.throws(() => evaluatedFilesUnder(dir), /003_UCR_Anomaly_B_10_30_20\.txt: UCR name with begin 30 after end 20/);
});

test('trainEndOf: a row index for a series dated by index, a timestamp otherwise; both parts need rows', () => {
  const idx = { dates: indexDates(10), values: [], columns: ['value'], source: 'x' };
  assert.equal(trainEndOf(idx, '3', true, 'x.txt'), 3);
  assert.throws(() => trainEndOf(idx, '10', true, 'x.txt'), /x\.txt: train end 10 outside the series \(rows 0\.\.9;/);
  assert.throws(() => trainEndOf(idx, '0', true, 'x.txt'), /train end 0 outside/);
  assert.throws(() => trainEndOf(idx, '2020-01-01', true, 'x.txt'), /is not a row index/);
  const days = {
    dates: ['2020-01-01', '2020-01-02', '2020-01-04', '2020-01-05'],
    values: [],
    columns: [],
    source: 'd',
  };
  // the first row on or after the timestamp starts the test part
  assert.equal(trainEndOf(days, '2020-01-03', false, 'd.csv'), 2);
  assert.equal(trainEndOf(days, '2020-01-02 00:00:00', false, 'd.csv'), 1);
  assert.throws(
    () => trainEndOf(days, '2020-01-06', false, 'd.csv'),
    /d\.csv: train end 2020-01-06 outside the series \(2020-01-01 \.\. 2020-01-05/,
  );
  assert.throws(() => trainEndOf(days, '3', false, 'd.csv'), /d\.csv: train_until "3" is not a timestamp/);
});

test('loadEvaluated: a UCR file gives its anomaly rows as labels and its train end; the manifest overrides it', () => {
  const dir = path.join(work, 'ucr');
  fs.mkdirSync(dir);
  const rel = '001_UCR_Anomaly_Tiny_30_52_54.txt';
  fs.writeFileSync(path.join(dir, rel), values(100));
  const u = loadEvaluated(dir, rel, {});
  assert.equal(u.index, true);
  assert.equal(u.trainEnd, 30);
  assert.deepEqual(u.labels, [{ start: '1970-01-01T00:00:52', end: '1970-01-01T00:00:54' }]);
  assert.equal(loadEvaluated(dir, rel, {}, undefined, '40').trainEnd, 40);
  const big = '002_UCR_Anomaly_Big_300_52_54.txt';
  fs.writeFileSync(path.join(dir, big), values(100));
  assert.throws(
    () => loadEvaluated(dir, big, {}),
    /Big_300_52_54\.txt: train end 300 outside the series \(rows 0\.\.99/,
  );
  const far = '003_UCR_Anomaly_Far_30_52_154.txt';
  fs.writeFileSync(path.join(dir, far), values(100));
  assert.throws(() => loadEvaluated(dir, far, {}), /Far_30_52_154\.txt: anomaly 52\.\.154 outside the series/);
});

test('loadEvaluated: a TSB-AD file gives runs of Label 1 as labels; a plain CSV needs --labels', () => {
  const dir = path.join(work, 'tsb');
  fs.mkdirSync(dir);
  const rel = '001_NAB_id_1_Facility_tr_4_1st_5.csv';
  const rows = [0, 0, 0, 0, 0, 1, 1, 0, 1, 0].map((l, i) => `${i * 2},${l}`);
  fs.writeFileSync(path.join(dir, rel), `Data,Label\n${rows.join('\n')}\n`);
  const t = loadEvaluated(dir, rel, {});
  assert.equal(t.trainEnd, 4);
  assert.deepEqual(
    t.labels.map((l) => [l.start, l.end]),
    [
      ['1970-01-01T00:00:05', '1970-01-01T00:00:06'],
      ['1970-01-01T00:00:08', '1970-01-01T00:00:08'],
    ],
  );
  fs.writeFileSync(path.join(dir, 'plain.csv'), 'Date,value\n2020-01-01,1\n');
  assert.throws(
    () => loadEvaluated(dir, 'plain.csv', {}),
    /plain\.csv: no labels \(not a UCR or TSB-AD name; give --labels FILE\)/,
  );
});
