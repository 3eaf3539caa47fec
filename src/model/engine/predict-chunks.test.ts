import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testWindows } from '../../../tools/testing/model-data';
import { selectBackend } from '../../backend/select';
import { Rng } from '../../util/random';
import { computeFactory } from '../compute/factory';
import { createAutoencoder } from '../create';
import { resolveSpec } from '../spec';
import { LstmEngine } from './engine';
import { type LstmAutoencoder, predictChunk } from './lstm-autoencoder';

test('predictChunk: whole batches of about 4 MB of windows, at least one batch', () => {
  assert.equal(predictChunk(256, 5), 209664);
  assert.equal(predictChunk(8, 512), 2048);
  assert.equal(predictChunk(256, 1 << 20), 256);
});

test('predictions in worker chunks equal one unchunked pass, and each window alone, bit for bit', async () => {
  await selectBackend('wasm');
  // 512 floats a window: with batches of 8, chunks of 2048 windows, so each half of 8229 windows takes 3 chunks.
  const spec = resolveSpec({ window: 64, features: 8, encoder: [4], seed: 7 });
  const n = 8229;
  const batch = 8;
  const size = spec.window * spec.features;
  assert.ok(Math.ceil(n / 2) > 2 * predictChunk(batch, size));
  const x = testWindows(n, spec.window, spec.features, 4);
  const ae = (await createAutoencoder(spec, { threads: 2 })) as LstmAutoencoder;
  await ae.trainEpoch(x.subarray(0, 64 * size), 64, new Rng(1).permutation(64), 16);
  const chunked = await ae.predict(x, n, batch);
  assert.ok(ae.parallel, 'the worker must run the second half');
  // Unchunked: the batches of one pass over all windows, on one thread, in buffers of `batch` rows.
  const core = new LstmEngine(spec, computeFactory('auto'));
  core.params.set(ae.getWeights());
  const whole = new Float32Array(n * size);
  const half = Math.ceil(n / 2);
  for (const [from, to] of [
    [0, half],
    [half, n],
  ])
    for (let s = from; s < to; s += batch) core.reconstruct(x, s, Math.min(batch, to - s), whole, batch);
  assert.ok(chunked.every((v) => Number.isFinite(v)) && chunked.some((v) => v !== 0));
  assert.deepEqual(chunked, whole);
  // Each window's reconstruction is its own: alone in a batch of one, it has the same bits.
  const alone = new Float32Array(n * size);
  for (const i of [0, 1, 2047, 2048, half - 1, half, half + 2049, n - 1]) {
    core.reconstruct(x, i, 1, alone, 1);
    assert.deepEqual(alone.subarray(i * size, (i + 1) * size), whole.subarray(i * size, (i + 1) * size), `window ${i}`);
  }
  core.dispose();
  ae.dispose();
});
