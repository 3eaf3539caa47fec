import { test } from 'node:test';
import assert from 'node:assert/strict';
import { reportFixture } from '../../tools/testing/fixture';
import { runFigures } from './figures';

test('runFigures: the six charts of a run in report order, wired to the result', () => {
  const { result, series } = reportFixture();
  const figs = runFigures(result, series);
  assert.deepEqual(figs.map((f) => f.id), ['split', 'loss', 'train-mae', 'test-mae', 'mae-time', 'anomalies']);
  const byId = Object.fromEntries(figs.map((f) => [f.id, f.figure])) as Record<string, { data: any[]; layout: any }>;
  assert.equal(byId.split.layout.shapes[1].x0, result.split.trainEnd);
  assert.equal(byId.split.data[0].x.length, result.split.trainRows);
  assert.deepEqual(byId.loss.data[2].x, [result.training.bestEpoch]);
  assert.equal(byId['train-mae'].data[0].x.length, result.trainScores.length);
  assert.equal(byId['test-mae'].data[0].x.length, 200);
  assert.equal(byId['test-mae'].layout.shapes[0].x0, result.threshold.value);
  assert.deepEqual(byId['mae-time'].data[2].x, result.anomalies.map((a) => a.date));
  assert.deepEqual(byId.anomalies.data[1].y, result.anomalies.map((a) => a.value));
  assert.ok(result.anomalies.length >= 8, `fixture has ${result.anomalies.length} anomalies`);
});
