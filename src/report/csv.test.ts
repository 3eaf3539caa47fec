import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { reportFixture } from '../../tools/testing/fixture';
import { anomaliesCsv, csvField, writeAnomaliesCsv } from './csv';

test('anomaliesCsv: header, one row per anomaly, full precision', () => {
  const csv = anomaliesCsv({
    anomalies: [
      { date: '2020-01-02', value: 0.1 + 0.2, mae: 1 / 3 },
      { date: '2020-01-03', value: -1e-12, mae: 2 },
    ],
  });
  assert.equal(csv, 'date,value,mae\n2020-01-02,0.30000000000000004,0.3333333333333333\n2020-01-03,-1e-12,2\n');
  assert.equal(anomaliesCsv({ anomalies: [] }), 'date,value,mae\n');
});

test('anomaliesCsv: numbers read back exactly', () => {
  const { result } = reportFixture();
  const lines = anomaliesCsv(result).trimEnd().split('\n');
  assert.equal(lines.length, result.anomalies.length + 1);
  lines.slice(1).forEach((l, i) => {
    const [date, value, mae] = l.split(',');
    assert.deepEqual({ date, value: Number(value), mae: Number(mae) }, result.anomalies[i]);
  });
});

test('csvField: quotes fields with commas, quotes or line breaks', () => {
  assert.equal(csvField('a,b'), '"a,b"');
  assert.equal(csvField('say "hi"'), '"say ""hi"""');
  assert.equal(csvField('2020-01-01'), '2020-01-01');
});

test('anomaliesCsv: a multivariate run carries every column, value stays the first', () => {
  const series = {
    dates: ['2020-01-01', '2020-01-02', '2020-01-03'],
    values: [
      [1, 10],
      [2, 20],
      [3, 30],
    ],
    columns: ['Power', 'Value'],
    source: 's',
  };
  const anomalies = [
    { date: '2020-01-02', value: 2, mae: 0.5 },
    { date: '2020-01-03', value: 3, mae: 0.25 },
  ];
  assert.equal(
    anomaliesCsv({ anomalies }, series),
    'date,value,mae,Power,value_Value\n2020-01-02,2,0.5,2,20\n2020-01-03,3,0.25,3,30\n',
  );
  // one column: the file is as before
  assert.equal(
    anomaliesCsv({ anomalies }, { ...series, columns: ['Power'], values: [[1], [2], [3]] }),
    'date,value,mae\n2020-01-02,2,0.5\n2020-01-03,3,0.25\n',
  );
});

test('csvField: text a spreadsheet would run as a formula gets a leading quote; numbers stay', () => {
  for (const s of ['=1+2', '+1+2', '-1+2', '@SUM(A1)', '\tx', '\rx'])
    assert.equal(csvField(s).replace(/^"/, '')[0], "'", s);
  assert.equal(csvField('=a,b'), `"'=a,b"`);
  assert.equal(csvField('-0.25'), '-0.25');
  assert.equal(csvField('-1e-12'), '-1e-12');
  assert.equal(csvField(-3), '-3');
  assert.equal(csvField('AAPL'), 'AAPL');
});

test('writeAnomaliesCsv: the same text as anomaliesCsv, in blocks', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'anomalies-csv-'));
  try {
    const file = path.join(dir, 'a.csv');
    const anomalies = Array.from({ length: 25001 }, (_, i) => ({ date: `d${i}`, value: i / 3, mae: -i }));
    const series = { dates: ['d1'], values: [[1, 2]], columns: ['value', 'x,y'], source: 's' };
    writeAnomaliesCsv(file, { anomalies }, series);
    assert.equal(fs.readFileSync(file, 'utf8'), anomaliesCsv({ anomalies }, series));
    writeAnomaliesCsv(file, { anomalies: [] });
    assert.equal(fs.readFileSync(file, 'utf8'), 'date,value,mae\n');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
