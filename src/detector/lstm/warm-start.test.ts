import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Series } from '../../data/series';
import { createAutoencoder, type NamedWeight } from '../../model';
import { trainAutoencoder } from '../../train/fit';
import { prepareTrain } from '../prepare';
import { createDetector } from '../registry';
import { LstmAutoencoderDetector } from './detector';
import { readWarmStart } from './warm-start';

// patience 0 keeps every epoch's weights, so "e epochs" means exactly e Adam passes over the data
const TINY = { window: 5, encoder: [3], batchSize: 8, patience: 0, backend: 'cpu' as const, seed: 3 };

function series(n: number): Series {
  return {
    dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values: Array.from({ length: n }, (_, i) => [50 + Math.sin(i / 2) + 0.3 * Math.cos(i / 5)]),
    columns: ['close'],
    source: 'memory',
  };
}

const flat = (ws: NamedWeight[]): number[] => ws.flatMap((w) => Array.from(w.values));

test('warm start: detector A trained e1 epochs and saved, then fit from its weights for e2 epochs, equals loading A and training e2 epochs, bit for bit; a cold start differs', async () => {
  const s = series(60);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warm-'));
  try {
    const a = new LstmAutoencoderDetector({ ...TINY, epochs: 2 });
    await a.fit(s);
    await a.save(path.join(dir, 'a'));
    const saved = readWarmStart(path.join(dir, 'a'), { window: 5, encoder: [3], features: 1 });
    assert.deepEqual(flat(saved), flat(a.toState().weights));

    // the warm start, as `detect --init-from a --epochs 3` runs it
    const warm = new LstmAutoencoderDetector({ ...TINY, epochs: 3 });
    await warm.fit(s, { initWeights: saved });
    // "continued training", defined: a fresh model (seeded dropout, Adam's moments at zero: they are not saved)
    // given A's saved weights, then 3 epochs on the same windows with the same seed
    const ref = await createAutoencoder({ ...warm.spec });
    ref.setWeights(saved);
    await trainAutoencoder(ref, prepareTrain(s, warm.options).windows, { ...TINY, epochs: 3 });
    const w = flat(warm.toState().weights);
    assert.deepEqual(w, flat(ref.getWeights()));
    assert.equal(warm.training!.history.length, 3);

    // the same warm start again: the same bits; a cold start of 3 epochs: other weights; and training moved them
    const again = new LstmAutoencoderDetector({ ...TINY, epochs: 3 });
    await again.fit(s, { initWeights: saved });
    assert.deepEqual(flat(again.toState().weights), w);
    const cold = new LstmAutoencoderDetector({ ...TINY, epochs: 3 });
    await cold.fit(s);
    assert.notDeepEqual(flat(cold.toState().weights), w);
    assert.notDeepEqual(flat(saved), w);
    // starting from A's weights, the first epoch's loss is already A's level, below the cold start's first epoch
    assert.ok(warm.training!.history[0].loss < cold.training!.history[0].loss);
    [a, warm, again, cold].forEach((d) => d.dispose());
    ref.dispose();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('warm start refused, one line each: another window, layers, features, detector kind, no model; weights of another shape', async () => {
  const s = series(60);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'warm-'));
  try {
    const a = new LstmAutoencoderDetector({ ...TINY, epochs: 1 });
    await a.fit(s);
    await a.save(path.join(dir, 'a'));
    const at = path.join(dir, 'a');
    const shape = { window: 5, encoder: [3], features: 1 };
    const refused = (sh: typeof shape, re: RegExp) => assert.throws(() => readWarmStart(at, sh), re);
    refused({ ...shape, window: 6 }, /^InputError: --init-from .*a: another shape \(window 5, this run 6\)$/);
    refused({ ...shape, encoder: [4] }, /: another shape \(layers 3, this run 4\)$/);
    refused({ ...shape, features: 2 }, /: another shape \(features 1, this run 2\)$/);
    assert.throws(
      () => readWarmStart(path.join(dir, 'none'), shape),
      /^InputError: --init-from .*none: .*not a saved model/,
    );
    const z = createDetector('zscore', { window: 5 });
    await z.fit(s);
    await z.save(path.join(dir, 'z'));
    assert.throws(
      () => readWarmStart(path.join(dir, 'z'), shape),
      /^InputError: --init-from .*z: a zscore model; only an lstm model has weights to start from$/,
    );
    const other = new LstmAutoencoderDetector({ ...TINY, encoder: [4], epochs: 1 });
    await assert.rejects(
      other.fit(s, { initWeights: a.toState().weights }),
      /^InputError: warm start: weight lstm_0\/kernel has shape \[1,12\], the model needs lstm_0\/kernel \[1,16\]$/,
    );
    a.dispose();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
