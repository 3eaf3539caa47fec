import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { Rng } from '../../util/random';
import { DenseAutoencoder } from './dense-autoencoder';

test('DenseAutoencoder counts parameters like Keras and lists its layers', () => {
  const ae = DenseAutoencoder.create({ inputs: 2, hidden: [10, 3, 10] });
  try {
    // 2*10+10 + 10*3+3 + 3*10+10 + 10*2+2
    assert.equal(ae.parameterCount(), 125);
    assert.deepEqual(
      ae.layerTable().map((r) => r.output),
      ['(None, 10)', '(None, 3)', '(None, 10)', '(None, 2)'],
    );
  } finally {
    ae.dispose();
  }
  assert.throws(() => DenseAutoencoder.create({ inputs: 0 }), /invalid inputs: 0/);
  assert.throws(() => DenseAutoencoder.create({ inputs: 2, hidden: [] }), /invalid hidden layers/);
});

test('DenseAutoencoder trained on normal rows reconstructs unusual rows worse', async () => {
  const rng = new Rng(1);
  // Normal rows lie near the line y = x in [0, 1]; unusual rows are far from it.
  const normal = Array.from({ length: 400 }, () => {
    const t = rng.next();
    return [t, t + 0.02 * rng.normal()];
  });
  const unusual = [
    [0.1, 0.9],
    [0.9, 0.1],
    [0.2, 0.8],
    [0.8, 0.3],
  ];
  const ae = DenseAutoencoder.create({ inputs: 2, hidden: [8, 1, 8], learningRate: 0.02 });
  try {
    const seen: number[] = [];
    const history = await ae.fit(normal, { epochs: 40, onEpoch: (r) => seen.push(r.epoch) });
    assert.equal(history.length, 40);
    assert.deepEqual(
      seen,
      history.map((h) => h.epoch),
    );
    assert.ok(history[39].loss < history[0].loss, 'loss decreases');
    const mean = (a: number[]) => a.reduce((x, y) => x + y, 0) / a.length;
    const eNormal = mean(await ae.errors(normal.slice(0, 50)));
    const eUnusual = mean(await ae.errors(unusual));
    assert.ok(eUnusual > 3 * eNormal, `unusual ${eUnusual} vs normal ${eNormal}`);
  } finally {
    ae.dispose();
  }
});

test('DenseAutoencoder: the same seed gives the same history; no rows is an error', async () => {
  const rows = Array.from({ length: 64 }, (_, i) => [i / 64, Math.sin(i)]);
  const run = async () => {
    const ae = DenseAutoencoder.create({ inputs: 2, seed: 7 });
    try {
      return (await ae.fit(rows, { epochs: 3 })).map((h) => [h.loss, h.valLoss]);
    } finally {
      ae.dispose();
    }
  };
  assert.deepEqual(await run(), await run());
  const ae = DenseAutoencoder.create({ inputs: 2 });
  try {
    await assert.rejects(ae.fit([]), /invalid rows: 0/);
  } finally {
    ae.dispose();
  }
});

test('DenseAutoencoder: toJSON / fromJSON through JSON text reconstructs to the same bits; bad JSON refused', async () => {
  const rows = Array.from({ length: 40 }, (_, i) => [i / 40, Math.cos(i), 1 - i / 40]);
  const ae = DenseAutoencoder.create({ inputs: 3, hidden: [6, 2, 6], seed: 9 });
  try {
    await ae.fit(rows, { epochs: 2 });
    const json = ae.toJSON();
    assert.deepEqual(
      json.weights.map((w) => `${w.name} ${w.shape}`),
      [
        'dense_0/kernel 3,6',
        'dense_0/bias 6',
        'dense_1/kernel 6,2',
        'dense_1/bias 2',
        'dense_2/kernel 2,6',
        'dense_2/bias 6',
        'dense_3/kernel 6,3',
        'dense_3/bias 3',
      ],
    );
    const again = DenseAutoencoder.fromJSON(JSON.parse(JSON.stringify(json)));
    try {
      assert.deepEqual(await again.reconstruct(rows), await ae.reconstruct(rows));
      assert.equal(again.parameterCount(), ae.parameterCount());
    } finally {
      again.dispose();
    }
    const broken = JSON.parse(JSON.stringify(json));
    broken.weights[7].values = [1, 2];
    assert.throws(
      () => DenseAutoencoder.fromJSON(broken),
      /^InputError: invalid dense model: weight dense_3\/bias: needs 3 values$/,
    );
    assert.throws(
      () => DenseAutoencoder.fromJSON({ ...json, spec: undefined as never }),
      /invalid dense model: no spec/,
    );
  } finally {
    ae.dispose();
  }
});
