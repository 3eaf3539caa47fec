import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { lineOf } from '../plot/figure';
import { splitChart } from '../plot/split';
import { LIGHT_ABOVE, reportSeries } from './light-series';

function long(n: number): Series {
  const t0 = Date.UTC(2000, 0, 1);
  const dates = Array.from({ length: n }, (_, i) => new Date(t0 + i * 1000).toISOString().slice(0, 19));
  const values = dates.map((_, i) => [Math.sin(i / 1000) + (i === 123457 ? 9 : 0), i % 7 === 0 ? -1 : (i % 11) / 11]);
  return { dates, values, columns: ['a', 'b'], source: 'test' };
}

test('reportSeries: a short series is the same object', () => {
  const s = long(LIGHT_ABOVE);
  assert.equal(reportSeries(s, { anomalies: [], split: { trainRows: 1, testRows: 1, trainEnd: s.dates[5] } }), s);
});

test('reportSeries: a long one keeps extremes, anomalies, the split and the ends, and draws the same', () => {
  const s = long(300_000);
  const split = { trainRows: 240_000, testRows: 60_000, trainEnd: s.dates[239_999] };
  // a row the thinning alone drops, made an anomaly
  const plain = new Set(reportSeries(s, { anomalies: [], split }).dates);
  let a = 200_000;
  while (plain.has(s.dates[a])) a++;
  const anomalies = [{ date: s.dates[a], value: s.values[a][0], mae: 1 }];
  const light = reportSeries(s, { anomalies, split });
  assert.ok(light.dates.length < 120_000, `${light.dates.length} rows`);
  for (const d of [s.dates[0], s.dates[299_999], s.dates[a], s.dates[239_999], s.dates[240_000], s.dates[123_457]])
    assert.ok(light.dates.includes(d), d);
  // the second column's lows (-1) survive in it although the first column's picks miss most of them
  assert.ok(light.values.some((r) => r[1] === -1));
  const row = new Map(s.dates.map((d, i) => [d, i]));
  light.dates.forEach((d, i) => assert.equal(light.values[i], s.values[row.get(d)!]));
  // drawn through the charts' own decimation: same range, same split point
  for (const c of [0, 1]) {
    const full = splitChart(lineOf(s, c), split.trainEnd).data;
    const thin = splitChart(lineOf(light, c), split.trainEnd).data;
    for (let k = 0; k < 2; k++) {
      const [fy, ty] = [full[k].y as number[], thin[k].y as number[]];
      assert.equal(Math.max(...ty), Math.max(...fy));
      assert.equal(Math.min(...ty), Math.min(...fy));
      assert.equal((thin[k].x as string[])[0], (full[k].x as string[])[0]);
    }
  }
});
