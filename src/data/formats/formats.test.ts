import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { dateIndex, indexDates } from './index-dates';
import { parseManifest } from './manifest';
import { loadTsbAd, parseTsbAdName } from './tsbad';
import { loadUcrSeries, parseUcrName } from './ucr';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-formats-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

test('indexDates: row i is i seconds after 1970-01-01T00:00:00; dateIndex turns it back', () => {
  const d = indexDates(3601);
  assert.deepEqual(d.slice(0, 2), ['1970-01-01T00:00:00', '1970-01-01T00:00:01']);
  assert.equal(d[3600], '1970-01-01T01:00:00');
  assert.equal(dateIndex(d[3600]), 3600);
  assert.ok(Number.isNaN(dateIndex('2020-01-01')));
});

test('parseUcrName: train end, begin and end as 0-based rows; begin after end is refused', () => {
  assert.deepEqual(parseUcrName('sub/001_UCR_Anomaly_Tiny_300_520_540.txt'), {
    id: '001',
    name: 'Tiny',
    trainEnd: 300,
    begin: 520,
    end: 540,
  });
  // names with underscores keep them; the last three numbers are the split and the anomaly
  assert.equal(parseUcrName('250_UCR_Anomaly_weallwalk_2_3_4_5.txt')?.name, 'weallwalk_2');
  assert.equal(parseUcrName('001_UCR_Anomaly_Tiny_300_520_540.csv'), undefined);
  assert.equal(parseUcrName('notes.txt'), undefined);
  assert.throws(
    () => parseUcrName('003_UCR_Anomaly_Bad_300_540_520.txt'),
    /Bad_300_540_520\.txt: UCR name with begin 540 after end 520/,
  );
});

test('loadUcrSeries: whitespace-separated values, one or several a line, dated by index', () => {
  const f = path.join(work, '001_UCR_Anomaly_T_2_3_4.txt');
  fs.writeFileSync(f, '  1.5\n-2e1 3\n\n4\t5\n');
  const s = loadUcrSeries(f, 'T.txt');
  assert.deepEqual(s.values, [[1.5], [-20], [3], [4], [5]]);
  assert.deepEqual(s.columns, ['value']);
  assert.equal(s.dates[4], '1970-01-01T00:00:04');
  fs.writeFileSync(f, '1\n2\nx\n');
  assert.throws(() => loadUcrSeries(f, 'T.txt'), /^InputError: T\.txt line 3: "x" is not a number$/m);
  fs.writeFileSync(f, '\n');
  assert.throws(() => loadUcrSeries(f, 'T.txt'), /T\.txt: no values/);
});

test('parseTsbAdName and loadTsbAd: train end from the name, values and the Label column', () => {
  assert.deepEqual(parseTsbAdName('001_NAB_id_1_Facility_tr_1007_1st_2014.csv'), {
    trainEnd: 1007,
    firstAnomaly: 2014,
  });
  assert.equal(parseTsbAdName('nyc_taxi.csv'), undefined);
  const f = path.join(work, '002_X_id_1_Sensor_tr_2_1st_1.csv');
  fs.writeFileSync(f, 'Data,Other,Label\n1,10,0\n2,20,1\n3,30,0\n');
  const { series, labels } = loadTsbAd(f, 'x.csv');
  assert.deepEqual(series.values, [
    [1, 10],
    [2, 20],
    [3, 30],
  ]);
  assert.deepEqual(series.columns, ['Data', 'Other']);
  assert.deepEqual(labels, ['0', '1', '0']);
  assert.deepEqual(loadTsbAd(f, 'x.csv', ['other']).series.values, [[10], [20], [30]]);
  fs.writeFileSync(f, 'Data,Label\n1,0\nnan,0\n');
  assert.throws(() => loadTsbAd(f, 'x.csv'), /x\.csv line 3, column "Data": "nan" is not a number/);
  fs.writeFileSync(f, 'Data\n1\n');
  assert.throws(() => loadTsbAd(f, 'x.csv'), /x\.csv: no Label column \(columns: Data\)/);
});

test('parseManifest: file,train_until rows by relative path; a wrong header or a repeated file is refused', () => {
  const m = parseManifest('file,train_until\n./s/a.csv,2020-01-13\n001_UCR_Anomaly_T_2_3_4.txt,3\n', 'm.csv');
  assert.deepEqual(
    [...m],
    [
      ['s/a.csv', '2020-01-13'],
      ['001_UCR_Anomaly_T_2_3_4.txt', '3'],
    ],
  );
  assert.throws(
    () => parseManifest('name,until\na.csv,1\n', 'm.csv'),
    /m\.csv line 1: expected the header file,train_until/,
  );
  assert.throws(
    () => parseManifest('file,train_until\na.csv,1\na.csv,2\n', 'm.csv'),
    /m\.csv line 3: a\.csv named twice/,
  );
  assert.throws(() => parseManifest('file,train_until\na.csv\n', 'm.csv'), /m\.csv line 2: expected file,train_until/);
});
