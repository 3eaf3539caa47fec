import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { stepUnit } from './event-explain';
import { runPipeline } from './run';

// 200 daily rows wiggling 0.5% around 100, then a 10% drop over 3 steps (rows 170..172) and a flat 90
function dropSeries(): Series {
  const v = (i: number): number =>
    i < 170 ? 100 * (1 + 0.005 * Math.sin(i)) : i < 173 ? 100 * (1 - [0.03, 0.06, 0.1][i - 170]) : 90;
  return {
    dates: Array.from({ length: 200 }, (_, i) =>
      new Date(Date.UTC(2021, 0, 1) + i * 86400000).toISOString().slice(0, 10),
    ),
    values: Array.from({ length: 200 }, (_, i) => [v(i)]),
    columns: ['close'],
    source: 'memory',
  };
}

for (const detector of ['pca', 'zscore'] as const) {
  test(`explainEvents (${detector}): the drop is explained, expected only where the detector reconstructs`, async () => {
    const s = dropSeries();
    const run = await runPipeline(s, { detector, window: 5, transform: 'logret', threshold: '3sigma', seed: 1 });
    run.detector.dispose();
    const events = run.result.events ?? [];
    // zscore flags the first day of the drop only, pca the whole of it
    const drop = events.find((e) => e.start <= s.dates[170] && e.end >= s.dates[170]);
    assert.ok(drop, `an event over the drop among ${events.map((e) => `${e.start}..${e.end}`).join(', ')}`);
    const x = drop.explained!;
    const m = x.move!;
    const at = (d: string): number => s.values[s.dates.indexOf(d)][0];
    assert.equal(m.relative, at(m.toDate) / at(m.fromDate) - 1);
    if (detector === 'pca') assert.ok(Math.abs(m.relative! + 0.1) < 0.012, `move ${m.relative}`);
    else assert.deepEqual([m.fromDate, m.toDate], [s.dates[169], s.dates[170]]);
    assert.ok(x.moveMultiple! > 5, `multiple ${x.moveMultiple}`);
    assert.equal(x.trainRank.of, run.result.trainScores.length);
    assert.equal(x.calibrated, x.trainRank.below / x.trainRank.of);
    assert.match(drop.explanation!, /^close fell \d+(\.\d+)?% in \d+ days?/);
    if (detector === 'pca') {
      assert.ok(x.expected && x.expected.value > 0, 'pca reconstructs: an expected value');
      assert.match(drop.explanation!, /the reconstruction expected close/);
    } else {
      assert.equal(x.expected, undefined);
      assert.doesNotMatch(drop.explanation!, /expected/);
    }
  });
}

test('stepUnit: days only for consecutive calendar days', () => {
  assert.equal(stepUnit(['2020-01-01', '2020-01-02', '2020-01-03']), 'day');
  assert.equal(stepUnit(['2020-01-03', '2020-01-06']), 'step'); // a weekend skipped
  assert.equal(stepUnit(['2020-01-01T00:00', '2020-01-01T01:00']), 'step');
});
