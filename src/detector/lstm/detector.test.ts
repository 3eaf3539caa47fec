import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Series } from '../../data/series';
import { DEFAULT_SPEC } from '../../model';
import { DEFAULT_DETECTOR_OPTIONS } from '../options';
import { LstmAutoencoderDetector } from './detector';
import { loadDetector, saveDetector } from './persist';

const TINY = { window: 5, encoder: [3], epochs: 1, batchSize: 8, backend: 'cpu' as const, seed: 3 };

function series(n: number, f: (i: number) => number): Series {
  return {
    dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values: Array.from({ length: n }, (_, i) => [f(i)]),
    columns: ['close'],
    source: 'memory',
  };
}

test('detector: defaults come from the option table; options are checked once, at construction', () => {
  const d = new LstmAutoencoderDetector();
  assert.deepEqual(
    [d.options.window, d.options.encoder, d.options.threshold, d.options.transform],
    [30, [128], 'p95', 'none'],
  );
  assert.deepEqual([d.spec.window, d.spec.features, d.spec.encoder], [30, 1, [128]]);
  assert.deepEqual(new LstmAutoencoderDetector({ threshold: '3sigma' }).rule, { method: 'sigma', k: 3 });
  assert.throws(() => new LstmAutoencoderDetector({ window: 1 }), /invalid window: 1/);
  assert.throws(() => new LstmAutoencoderDetector({ threshold: 'p101' }), /invalid threshold: p101/);
  assert.throws(
    () => new LstmAutoencoderDetector({ loss: 'huber' as never }),
    /^InputError: invalid loss: huber \(one of: mae, mse\)$/,
  );
  const colab = {
    transform: 'none',
    scaler: 'standard',
    window: 30,
    encoder: [128],
    dropout: 0.2,
    loss: 'mae',
    learningRate: 0.001,
    threshold: 'p95',
    epochs: 100,
    batchSize: 32,
    patience: 3,
    valSplit: 0.1,
    seed: 42,
    backend: 'auto',
  };
  assert.deepEqual(DEFAULT_DETECTOR_OPTIONS, colab);
  assert.deepEqual(Object.keys(DEFAULT_DETECTOR_OPTIONS), Object.keys(colab));
  assert.deepEqual(DEFAULT_SPEC, {
    window: 30,
    features: 1,
    encoder: [128],
    dropout: 0.2,
    loss: 'mae',
    learningRate: 0.001,
    seed: 42,
  });
  assert.throws(() => d.fitted(), /detector is not fitted/);
});

test('detector: score gives windows and anomaly records with raw values; save and load through the detector', async () => {
  const s = series(40, (i) => 50 + Math.sin(i / 2));
  const det = new LstmAutoencoderDetector({ ...TINY, threshold: '0.000001' });
  await det.fit({ ...s, dates: s.dates.slice(0, 30), values: s.values.slice(0, 30) });
  assert.equal(det.spec.features, 1);
  assert.equal(det.trainScores!.mae.length, 26);
  const a = await det.score(s, { from: s.dates[30] });
  assert.equal(a.windows.length, 6);
  assert.deepEqual(a.windows[0], { start: '2021-01-31', end: '2021-02-04', mae: a.mae[0], anomaly: true });
  assert.equal(a.anomalies.length, 6);
  assert.deepEqual(a.anomalies[5], { date: '2021-02-09', value: s.values[39][0], mae: a.mae[5] });
  assert.equal(a.transformed.dates.length, 40);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'det-'));
  try {
    await det.save(path.join(dir, 'm'), { source: 'memory' });
    const back = await LstmAutoencoderDetector.load(path.join(dir, 'm'));
    assert.deepEqual(back.extra, { source: 'memory' });
    assert.deepEqual(back.columns, ['close']);
    assert.equal(back.training, null);
    assert.deepEqual((await back.score(s, { from: s.dates[30] })).mae, a.mae);
    const copy = await LstmAutoencoderDetector.fromState(det.toState());
    assert.deepEqual((await copy.score(s)).mae.slice(-6), a.mae);
    await saveDetector(det, path.join(dir, 'w'));
    const { detector, extra } = await loadDetector(path.join(dir, 'w'));
    assert.equal(extra, undefined);
    assert.equal(detector.fitted().threshold.value, det.fitted().threshold.value);
    [back, copy, detector].forEach((x) => x.dispose());
    const bad = { ...det.toState(), spec: { ...det.spec, window: 7 } };
    await assert.rejects(
      LstmAutoencoderDetector.fromState(bad),
      /saved model: architecture \(window 7, layers 3, features 1\) does not match/,
    );
    await assert.rejects(LstmAutoencoderDetector.load(path.join(dir, 'none')), /not a saved model/);
  } finally {
    det.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
