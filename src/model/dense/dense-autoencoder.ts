import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../../backend/tf';
import { invalid } from '../../util/errors';
import { Rng } from '../../util/random';
import type { EpochRecord } from '../autoencoder';
import {
  checkDenseJson,
  type DenseAutoencoderJson,
  type DenseAutoencoderSpec,
  denseWeightShapes,
  resolveDenseSpec,
} from './dense-spec';

export type { DenseAutoencoderJson, DenseAutoencoderSpec, DenseWeightJson } from './dense-spec';

/** Training options of {@link DenseAutoencoder.fit}. */
export interface DenseTrainOptions {
  /** Epochs. Default 50. */
  epochs?: number;
  /** Rows per batch. Default 32. */
  batchSize?: number;
  /** Share of rows held out for validation (after a seeded shuffle). Default 0.1. */
  valSplit?: number;
  /** Called after every epoch. */
  onEpoch?: (record: EpochRecord, info: { epochs: number; best: number }) => void;
}

/** One row of a layer table: name, output shape and trainable parameters, as Keras' `summary()`. */
export interface LayerRow {
  layer: string;
  output: string;
  params: number;
}

/**
 * A dense autoencoder on the tfjs layers API, for rows of a table rather than windows of a series: train it on
 * normal rows only; rows it reconstructs badly are unusual.
 *
 * @example
 * const ae = DenseAutoencoder.create({ inputs: 2 });
 * await ae.fit(goodRows, { epochs: 50 });
 * const errors = await ae.errors(badRows); // one MAE per row
 */
export class DenseAutoencoder {
  private constructor(
    readonly spec: Required<DenseAutoencoderSpec>,
    private readonly model: tfl.Sequential,
  ) {}

  /**
   * Build the model (weights seeded: the same spec gives the same weights).
   * @throws InputError `invalid inputs|hidden layers|activation|loss|learning rate|seed: <v>`.
   */
  static create(spec: DenseAutoencoderSpec): DenseAutoencoder {
    const s = resolveDenseSpec(spec);
    const model = tfl.sequential();
    [...s.hidden, s.inputs].forEach((units, i) => {
      model.add(
        tfl.layers.dense({
          units,
          inputShape: i === 0 ? [s.inputs] : undefined,
          activation: i < s.hidden.length ? s.activation : 'linear',
          kernelInitializer: tfl.initializers.glorotUniform({ seed: s.seed + i }),
          name: `dense_${i}`,
        }),
      );
    });
    model.compile({
      optimizer: tf.train.adam(s.learningRate),
      loss: s.loss === 'mae' ? 'meanAbsoluteError' : 'meanSquaredError',
    });
    return new DenseAutoencoder(s, model);
  }

  /** Trainable parameters (weights and biases of every layer). */
  parameterCount(): number {
    return this.layerTable().reduce((a, r) => a + r.params, 0);
  }

  /** The layers with output shapes and parameter counts. */
  layerTable(): LayerRow[] {
    let input = this.spec.inputs;
    return [...this.spec.hidden, this.spec.inputs].map((units, i) => {
      const row = { layer: `dense_${i} (Dense)`, output: `(None, ${units})`, params: input * units + units };
      input = units;
      return row;
    });
  }

  /**
   * Train to reconstruct `rows` (already scaled). Rows are shuffled once (seeded) and the last `valSplit` share
   * is the validation set; the training rows are reshuffled every epoch from the same seed.
   * @throws InputError `invalid epochs|validation split|rows: <v>`.
   * @returns the per-epoch history.
   */
  async fit(rows: number[][], opts: DenseTrainOptions = {}): Promise<EpochRecord[]> {
    const epochs = opts.epochs ?? 50;
    const valSplit = opts.valSplit ?? 0.1;
    const batchSize = opts.batchSize ?? 32;
    if (!Number.isInteger(epochs) || epochs < 1) throw invalid('epochs', epochs, 'an integer >= 1');
    if (!(valSplit >= 0 && valSplit < 1)) throw invalid('validation split', valSplit, 'in [0, 1)');
    if (rows.length === 0) throw invalid('rows', 0, 'at least one row');
    const rng = new Rng(this.spec.seed);
    const shuffled = rng.permutation(rows.length).map((i) => rows[i]);
    const nVal = Math.floor(rows.length * valSplit);
    const train = shuffled.slice(0, rows.length - nVal);
    const val = nVal > 0 ? tf.tensor2d(shuffled.slice(rows.length - nVal), [nVal, this.spec.inputs]) : null;
    const history: EpochRecord[] = [];
    let best = 0;
    try {
      for (let e = 1; e <= epochs; e++) {
        const t0 = Date.now();
        // tfjs' own shuffle uses Math.random: shuffle here, seeded, and let fit keep the order.
        const x = tf.tensor2d(
          rng.permutation(train.length).map((i) => train[i]),
          [train.length, this.spec.inputs],
        );
        let loss: number;
        try {
          const h = await this.model.fit(x, x, { epochs: 1, batchSize, shuffle: false, verbose: 0 });
          loss = h.history.loss[0] as number;
        } finally {
          x.dispose();
        }
        const valLoss = val ? tf.tidy(() => (this.model.evaluate(val, val) as tf.Scalar).dataSync()[0]) : null;
        const seconds = (Date.now() - t0) / 1000;
        const r: EpochRecord = { epoch: e, loss, valLoss, seconds, seqPerSec: train.length / Math.max(seconds, 1e-9) };
        history.push(r);
        const m = (h: EpochRecord) => h.valLoss ?? h.loss;
        if (best === 0 || m(r) < m(history[best - 1])) best = e;
        opts.onEpoch?.(r, { epochs, best });
      }
    } finally {
      val?.dispose();
    }
    return history;
  }

  /** Reconstructions of `rows`. */
  async reconstruct(rows: number[][]): Promise<number[][]> {
    if (rows.length === 0) return [];
    const out = tf.tidy(() => this.model.predict(tf.tensor2d(rows, [rows.length, this.spec.inputs])) as tf.Tensor2D);
    try {
      return await out.array();
    } finally {
      out.dispose();
    }
  }

  /** Reconstruction error of each row: mean absolute error over its values. */
  async errors(rows: number[][]): Promise<number[]> {
    const rec = await this.reconstruct(rows);
    return rows.map((r, i) => r.reduce((a, v, j) => a + Math.abs(v - rec[i][j]), 0) / r.length);
  }

  /**
   * The model as plain JSON: its spec and every weight (see {@link DenseAutoencoder.fromJSON}).
   * @throws Error after dispose.
   * @example
   * fs.writeFileSync('dense.json', JSON.stringify(ae.toJSON()));
   */
  toJSON(): DenseAutoencoderJson {
    const names = denseWeightShapes(this.spec);
    const weights = this.model.getWeights().map((t, i) => ({
      name: names[i].name,
      shape: [...t.shape],
      values: Array.from(t.dataSync()),
    }));
    return { spec: { ...this.spec, hidden: [...this.spec.hidden] }, weights };
  }

  /**
   * A model from {@link DenseAutoencoder.toJSON}'s output, checked first: it reconstructs to the same bits.
   * @throws InputError `invalid dense model: <what>` for a bad spec, a missing weight or a wrong shape or value.
   * @example
   * const again = DenseAutoencoder.fromJSON(JSON.parse(fs.readFileSync('dense.json', 'utf8')));
   */
  static fromJSON(json: DenseAutoencoderJson): DenseAutoencoder {
    const spec = checkDenseJson(json);
    const ae = DenseAutoencoder.create(spec);
    const tensors = json.weights.map((w) => tf.tensor(Float32Array.from(w.values), w.shape));
    try {
      ae.model.setWeights(tensors);
    } finally {
      for (const t of tensors) t.dispose();
    }
    return ae;
  }

  /** Free the model's tensors. */
  dispose(): void {
    this.model.dispose();
  }
}
