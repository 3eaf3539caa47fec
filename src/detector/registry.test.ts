import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Series } from '../data/series';

import { LstmAutoencoderDetector } from './lstm/detector';
import { createDetector, DETECTOR_KINDS, detectorKind, loadAnyDetector } from './registry';

const TINY = {
  window: 5,
  encoder: [3],
  epochs: 1,
  batchSize: 8,
  backend: 'cpu' as const,
  seed: 3,
  transform: 'none' as const,
};

function series(n: number): Series {
  return {
    dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values: Array.from({ length: n }, (_, i) => [50 + Math.sin(i / 2) + (i === 52 ? 3 : 0), 10 + Math.cos(i / 3)]),
    columns: ['close', 'volume'],
    source: 'memory',
  };
}

function tmp(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'registry-'));
}

test('registry: the kinds, and one line for an unknown one', () => {
  assert.deepEqual([...DETECTOR_KINDS], ['lstm', 'pca', 'zscore', 'iforest', 'dense', 'mp', 'aer']);
  assert.equal(detectorKind('zscore'), 'zscore');
  assert.throws(
    () => createDetector('svm'),
    /^InputError: invalid detector: svm \(one of: lstm, pca, zscore, iforest, dense, mp, aer\)$/,
  );
  assert.throws(
    () => detectorKind(3),
    /^InputError: invalid detector: 3 \(one of: lstm, pca, zscore, iforest, dense, mp, aer\)$/,
  );
  for (const k of DETECTOR_KINDS) assert.equal(createDetector(k, TINY).kind, k);
});

for (const kind of DETECTOR_KINDS) {
  test(`registry: ${kind} saved and loaded back scores identically and records its kind`, async () => {
    const s = series(60);
    const train = { ...s, dates: s.dates.slice(0, 40), values: s.values.slice(0, 40) };
    const det = createDetector(kind, { ...TINY, components: 2 });
    const dir = tmp();
    try {
      await det.fit(train);
      const a = await det.score(s, { from: s.dates[40] });
      assert.equal(a.windows.length, 16);
      const w = a.steps?.windows;
      if (w) {
        // The window score of lstm, pca and dense is the MAE of the window against its reconstruction.
        const d = w.window * w.features;
        const mae0 = w.x.subarray(0, d).reduce((acc, v, k) => acc + Math.abs(v - w.reconstruction[k]), 0) / d;
        assert.ok(Math.abs(mae0 - a.mae[0]) < 1e-6, `${mae0} vs ${a.mae[0]}`);
      }
      assert.equal(w !== undefined, kind === 'lstm' || kind === 'pca' || kind === 'dense');
      assert.equal(a.steps?.score !== undefined, kind === 'zscore' || kind === 'mp' || kind === 'aer');
      await det.save(path.join(dir, 'm'), { source: 'memory' });
      assert.equal(JSON.parse(fs.readFileSync(path.join(dir, 'm', 'model.json'), 'utf8')).kind, kind);
      const back = await loadAnyDetector(path.join(dir, 'm'));
      assert.equal(back.kind, kind);
      assert.deepEqual(back.extra, { source: 'memory' });
      assert.deepEqual(back.columns, ['close', 'volume']);
      assert.equal(back.fitted().threshold.value, det.fitted().threshold.value);
      const b = await back.score(s, { from: s.dates[40] });
      assert.deepEqual(b.mae, a.mae);
      assert.deepEqual(b.anomaly, a.anomaly);
      assert.deepEqual(b.steps, a.steps);
      back.dispose();
    } finally {
      det.dispose();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('registry: an LSTM model.json without kind (saved before there were several) loads as lstm', async () => {
  const s = series(40);
  const det = new LstmAutoencoderDetector(TINY);
  const dir = tmp();
  try {
    await det.fit(s);
    await det.save(path.join(dir, 'm'));
    const file = path.join(dir, 'm', 'model.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    delete json.kind;
    fs.writeFileSync(file, JSON.stringify(json));
    const back = await loadAnyDetector(path.join(dir, 'm'));
    assert.ok(back instanceof LstmAutoencoderDetector);
    assert.deepEqual((await back.score(s)).mae, (await det.score(s)).mae);
    back.dispose();
  } finally {
    det.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('registry: loading refuses a missing model, bad JSON, an unknown kind and a broken state', async () => {
  const dir = tmp();
  try {
    await assert.rejects(
      loadAnyDetector(path.join(dir, 'none')),
      /^InputError: .*none: not a saved model \(needs model.json\)$/,
    );
    const m = path.join(dir, 'm');
    fs.mkdirSync(m);
    fs.writeFileSync(path.join(m, 'model.json'), '{');
    await assert.rejects(loadAnyDetector(m), /model.json: not valid JSON/);
    fs.writeFileSync(path.join(m, 'model.json'), JSON.stringify({ kind: 'forest' }));
    await assert.rejects(
      loadAnyDetector(m),
      /^InputError: invalid detector: forest \(one of: lstm, pca, zscore, iforest, dense, mp, aer\)$/,
    );
    fs.writeFileSync(path.join(m, 'model.json'), JSON.stringify({ format: 'lstm-anomaly-model/0', kind: 'pca' }));
    await assert.rejects(loadAnyDetector(m), /saved model: unknown format "lstm-anomaly-model\/0"/);
    const det = createDetector('pca', TINY);
    await det.fit(series(30));
    const state = det.toState() as { model: { mean: number[] } };
    state.model.mean.pop();
    fs.writeFileSync(path.join(m, 'model.json'), JSON.stringify(state));
    await assert.rejects(
      loadAnyDetector(m),
      /^InputError: .*model\.json: invalid pca state: mean has 9 values, window x features is 10$/,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
