import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Series } from '../../data/series';
import { makeWindows } from '../../sequence/windows';
import { Rng } from '../../util/random';
import { loadAnyDetector } from '../registry';
import { DenseWindowModel } from './dense';
import { DenseWindowDetector } from './detector';
import { checkDenseSize, denseHidden, denseParameters } from './sizes';

/** A table of n rows (two columns on the line b = a, with noise) dated one day apart; rows in `odd` off the line. */
function table(n: number, odd: Record<number, [number, number]> = {}, seed = 1): Series {
  const rng = new Rng(seed);
  const values = Array.from({ length: n }, (_, i) => {
    const a = 10 + 5 * rng.next();
    return odd[i] ?? [a, a + 0.1 * rng.normal()];
  });
  return {
    dates: values.map((_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values,
    columns: ['power', 'detector'],
    source: 'memory',
  };
}

const head = (s: Series, n: number): Series => ({ ...s, dates: s.dates.slice(0, n), values: s.values.slice(0, n) });
const O = { epochs: 20, batchSize: 16, learningRate: 0.01, backend: 'cpu' as const, seed: 5 };

test('denseHidden: the GE walkthrough 10-3-10 for two inputs, scaling with window x features, capped', () => {
  assert.deepEqual(denseHidden(1), [10, 3, 10]);
  assert.deepEqual(denseHidden(2), [10, 3, 10]);
  assert.deepEqual(denseHidden(30), [15, 4, 15]);
  assert.deepEqual(denseHidden(100), [50, 13, 50]);
  assert.deepEqual(denseHidden(10_000), [256, 64, 256]);
  assert.equal(denseParameters(2, [10, 3, 10]), 125); // as Keras counts the walkthrough's model
  assert.doesNotThrow(() => checkDenseSize(30, 1, 32));
  assert.throws(() => checkDenseSize(100_000, 10, 32), /^InputError: model too large: dense autoencoder of 1000000/);
});

test('dense detector: its own defaults (window 1, transform none); explicit options win', () => {
  const d = new DenseWindowDetector();
  assert.deepEqual([d.options.window, d.options.transform, d.kind], [1, 'none', 'dense']);
  assert.equal(new DenseWindowDetector({ window: 4 }).options.window, 4);
  assert.throws(() => d.fitted(), /dense detector is not fitted/);
});

test('dense detector: an obvious outlier row of a small table scores highest, and is flagged', async () => {
  const s = table(240, { 230: [11, 15] });
  const det = new DenseWindowDetector({ ...O, epochs: 60 });
  try {
    await det.fit(head(s, 200));
    assert.equal(det.history.length, 60);
    assert.ok(det.history[59].loss < det.history[0].loss, 'training loss falls');
    assert.equal(det.parameters, 125);
    const r = await det.score(s, { from: s.dates[200] });
    assert.equal(r.mae.length, 40, 'one window per row');
    const top = r.mae.indexOf(Math.max(...r.mae));
    assert.equal(r.end[top], s.dates[230]);
    const rest = r.mae.filter((_, i) => i !== top);
    assert.ok(r.mae[top] > 3 * Math.max(...rest), `outlier ${r.mae[top]} vs the next ${Math.max(...rest)}`);
    assert.ok(r.anomaly[top]);
    assert.deepEqual(
      r.anomalies.map((a) => a.date).filter((d) => d === s.dates[230]),
      [s.dates[230]],
    );
    // per-step output: the rows and their reconstructions, the window score their MAE
    const w = r.steps!.windows!;
    assert.deepEqual([w.n, w.window, w.features], [40, 1, 2]);
    const e =
      (Math.abs(w.x[2 * top] - w.reconstruction[2 * top]) +
        Math.abs(w.x[2 * top + 1] - w.reconstruction[2 * top + 1])) /
      2;
    assert.ok(Math.abs(e - r.mae[top]) < 1e-6);
  } finally {
    det.dispose();
  }
});

test('dense detector: seeded, the same seed gives the same scores bit for bit; another seed others', async () => {
  const s = table(120, {}, 3);
  const scores = async (seed: number, window = 1) => {
    const det = new DenseWindowDetector({ ...O, epochs: 5, seed, window });
    try {
      await det.fit(head(s, 100));
      return (await det.score(s, { from: s.dates[100] })).mae;
    } finally {
      det.dispose();
    }
  };
  const a = await scores(5);
  assert.deepEqual(await scores(5), a);
  assert.notDeepEqual(await scores(6), a);
  // windows of 4 rows: 8 inputs per vector
  const w4 = await scores(5, 4);
  assert.equal(w4.length, 20 - 4 + 1);
  assert.deepEqual(await scores(5, 4), w4);
});

test('dense model: toJSON / fromJSON round trip, shape checks, and a malformed state refused', async () => {
  const w = makeWindows(table(60).values, 2);
  const m = await new DenseWindowModel({ ...O, epochs: 2, valSplit: 0.1, loss: 'mae' }).fit(w);
  try {
    const state = JSON.parse(JSON.stringify(m.toJSON()));
    assert.deepEqual([state.kind, state.window, state.features, state.autoencoder.spec.inputs], ['dense', 2, 2, 4]);
    assert.deepEqual(state.autoencoder.spec.hidden, [10, 3, 10]);
    const back = DenseWindowModel.fromJSON(state, m.options);
    assert.deepEqual(await back.scoreWindows(w), await m.scoreWindows(w));
    back.dispose();
    await assert.rejects(m.scoreWindows(makeWindows(table(5).values, 3)), /dense: windows of 3 steps x 2 feature/);
    const bad = (f: (s: typeof state) => void, re: RegExp) => {
      const s = JSON.parse(JSON.stringify(state));
      f(s);
      assert.throws(() => DenseWindowModel.fromJSON(s, m.options), re);
    };
    bad((s) => (s.kind = 'pca'), /^InputError: invalid dense state: kind "pca", expected "dense"$/);
    bad((s) => (s.window = 3), /invalid dense state: autoencoder inputs 4, window x features is 6/);
    bad((s) => (s.autoencoder.weights[0].shape = [4, 9]), /invalid dense model: weight dense_0\/kernel: shape \[4,9\]/);
    bad((s) => s.autoencoder.weights.pop(), /invalid dense model: 7 weights, the spec needs 8/);
    bad((s) => (s.autoencoder.weights[1].values[2] = null), /weight dense_0\/bias: value 2 is null/);
    bad((s) => (s.autoencoder.spec.hidden = [0]), /invalid dense model: spec: invalid hidden layers: 0/);
  } finally {
    m.dispose();
  }
});

test('dense detector: saved and loaded back through the registry scores the same; a bad model.json is named', async () => {
  const s = table(80, { 75: [10, 14] });
  const det = new DenseWindowDetector({ ...O, epochs: 3 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dense-'));
  try {
    await det.fit(head(s, 60));
    await det.save(path.join(dir, 'm'));
    const back = await loadAnyDetector(path.join(dir, 'm'));
    assert.ok(back instanceof DenseWindowDetector);
    const a = await det.score(s);
    const b = await back.score(s);
    assert.deepEqual(b.mae, a.mae);
    assert.deepEqual(b.steps, a.steps);
    back.dispose();
    const file = path.join(dir, 'm', 'model.json');
    const json = JSON.parse(fs.readFileSync(file, 'utf8'));
    json.model.autoencoder.weights[2].shape = [3, 10];
    fs.writeFileSync(file, JSON.stringify(json));
    await assert.rejects(
      loadAnyDetector(path.join(dir, 'm')),
      /^InputError: .*model\.json: invalid dense model: weight dense_1\/kernel: shape \[3,10\], the spec needs \[10,3\]$/,
    );
  } finally {
    det.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
