import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testWindows } from '../../../../tools/testing/model-data';
import { selectBackend } from '../../../backend/select';
import { Rng } from '../../../util/random';
import { createAutoencoder } from '../../create';
import { resolveSpec } from '../../spec';
import type { LstmAutoencoder } from '../lstm-autoencoder';
import { capWorkers, liveWorkers, MAX_WORKERS } from './parallel';

for (const backend of ['wasm', 'cpu'] as const) {
  test(`a worker thread gives exactly the numbers of one thread (${backend})`, async () => {
    await selectBackend(backend);
    const spec = resolveSpec({ window: 6, features: 2, encoder: [12, 6], dropout: 0.2, seed: 3 });
    const n = 37;
    const x = testWindows(n, 6, 2, 9);
    const run = async (threads: 1 | 2) => {
      const ae = (await createAutoencoder(spec, { threads })) as LstmAutoencoder;
      const rng = new Rng(4);
      const losses: number[] = [];
      // 37 windows in batches of 8: a last batch of 5 (shards 3 + 2).
      for (let e = 0; e < 2; e++) losses.push(await ae.trainEpoch(x, n, rng.permutation(n), 8));
      // Predictions in two halves (19 + 18 windows), one batch each, then in batches of 5.
      const out = { losses, y: await ae.predict(x, n), y5: await ae.predict(x, n, 5), parallel: ae.parallel };
      ae.dispose();
      return out;
    };
    const one = await run(1);
    const two = await run(2);
    assert.equal(one.parallel, false);
    assert.equal(two.parallel, true);
    assert.deepEqual(two.losses, one.losses);
    assert.deepEqual(two.y, one.y);
    assert.deepEqual(two.y5, one.y5);
    assert.ok(one.y.some((v) => v !== 0) && one.y.slice(-12).some((v) => v !== 0), 'the second half is filled');
  });

  test(`two threads keep one thread's numbers: a batch of one, setWeights, a worker that starts mid-training (${backend})`, async () => {
    await selectBackend(backend);
    const spec = resolveSpec({ window: 10, features: 1, encoder: [24, 8], dropout: 0.2, seed: 7 });
    const n = 300;
    const x = testWindows(n, 10, 1, 5);
    const run = async (threads: 'auto' | 1) => {
      const ae = (await createAutoencoder(spec, { threads })) as LstmAutoencoder;
      const rng = new Rng(2);
      const losses: number[] = [];
      const parallel: boolean[] = [];
      // Batches of 8 are too small for a worker under 'auto'; batches of 256 start one, after Adam has stepped.
      // 300 = 256 + 44 and 33 batches of 9 + 1: every epoch but the first ends on a smaller shard or a batch of one.
      for (const batch of [8, 256, 9]) {
        losses.push(await ae.trainEpoch(x, n, rng.permutation(n), batch));
        parallel.push(ae.parallel);
      }
      // New weights mid-training (the worker updates its part of the values itself, so it must take them).
      const w = ae.getWeights().map((v) => ({ ...v, values: v.values.map((a, i) => a * (i % 3 === 0 ? 0.5 : 1)) }));
      ae.setWeights(w);
      losses.push(await ae.trainEpoch(x, n, rng.permutation(n), 256));
      const out = { losses, parallel, y: await ae.predict(x, n), weights: ae.getWeights() };
      ae.dispose();
      return out;
    };
    const one = await run(1);
    const two = await run('auto');
    assert.deepEqual(one.parallel, [false, false, false]);
    assert.deepEqual(two.parallel, [false, true, true]);
    assert.deepEqual(two.losses, one.losses);
    assert.deepEqual(two.y, one.y);
    assert.deepEqual(two.weights, one.weights);
  });

  test(`a worker that dies during training fails the epoch with a clear error instead of hanging (${backend})`, async () => {
    await selectBackend(backend);
    const spec = resolveSpec({ window: 6, features: 1, encoder: [8], seed: 5 });
    const x = testWindows(16, 6, 1, 2);
    const ae = (await createAutoencoder(spec, { threads: 2 })) as LstmAutoencoder;
    try {
      const order = Array.from({ length: 16 }, (_, i) => i);
      assert.ok(Number.isFinite(await ae.trainEpoch(x, 16, order, 4)));
      assert.equal(ae.parallel, true);
      await (ae as unknown as { worker: { worker: { terminate(): Promise<number> } } }).worker.worker.terminate();
      await assert.rejects(ae.trainEpoch(x, 16, order, 4), /gradient worker exited/);
    } finally {
      ae.dispose();
    }
  });

  test(`an untrained model predicts with a worker too, the same numbers (${backend})`, async () => {
    await selectBackend(backend);
    const spec = resolveSpec({ window: 6, features: 1, encoder: [8], seed: 5 });
    const x = testWindows(9, 6, 1, 2);
    const predict = async (threads: 1 | 2) => {
      const ae = (await createAutoencoder(spec, { threads })) as LstmAutoencoder;
      const y = await ae.predict(x, 9, 4);
      const parallel = ae.parallel;
      ae.dispose();
      return { y, parallel };
    };
    const [one, two] = [await predict(1), await predict(2)];
    assert.deepEqual([one.parallel, two.parallel], [false, true]);
    assert.deepEqual(two.y, one.y);
  });
}

test('twenty models never disposed keep at most MAX_WORKERS worker threads alive; the rest train on one thread', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 4, features: 1, encoder: [4], seed: 1 });
  const x = testWindows(8, 4, 1, 3);
  const order = Array.from({ length: 8 }, (_, i) => i);
  const before = liveWorkers();
  const models: LstmAutoencoder[] = [];
  const losses: number[] = [];
  for (let i = 0; i < 20; i++) {
    const ae = (await createAutoencoder(spec, { threads: 2 })) as LstmAutoencoder;
    losses.push(await ae.trainEpoch(x, 8, order, 4));
    models.push(ae); // kept referenced and never disposed: only the cap can bound the workers
    assert.ok(liveWorkers() <= MAX_WORKERS, `${liveWorkers()} workers after ${i + 1} models`);
  }
  assert.equal(liveWorkers(), MAX_WORKERS);
  assert.ok(models.some((m) => m.parallel) && models.some((m) => !m.parallel));
  // with or without a worker, the same seeded numbers
  assert.ok(
    losses.every((l) => l === losses[0]),
    `losses ${[...new Set(losses)]}`,
  );
  models.forEach((m) => m.dispose());
  assert.equal(liveWorkers(), before);
});

test('capWorkers(0): a model that would take a worker trains on one thread, with the same numbers', async () => {
  await selectBackend('wasm');
  const spec = resolveSpec({ window: 10, features: 1, encoder: [24, 8], dropout: 0.2, seed: 7 });
  const n = 300;
  const x = testWindows(n, 10, 1, 5);
  const run = async () => {
    const ae = (await createAutoencoder(spec, { threads: 2 })) as LstmAutoencoder;
    const loss = await ae.trainEpoch(x, n, new Rng(2).permutation(n), 256);
    const out = { loss, parallel: ae.parallel, live: liveWorkers() };
    ae.dispose();
    return out;
  };
  const two = await run();
  capWorkers(0);
  try {
    const one = await run();
    assert.equal(two.parallel, true);
    assert.equal(one.parallel, false);
    assert.equal(one.live, 0);
    assert.equal(one.loss, two.loss);
  } finally {
    capWorkers(MAX_WORKERS);
  }
  assert.equal((await run()).parallel, true, 'the cap lifted, a worker starts again');
  assert.throws(() => capWorkers(-1), /invalid worker cap: -1/);
});
