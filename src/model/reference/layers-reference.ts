import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../../backend/tf';
import type { NamedWeight } from '../autoencoder';
import { checkWeights, initialWeights } from '../engine/init';
import { type AutoencoderSpec, lstmSizes } from '../spec';

/**
 * The stock tfjs-layers model equivalent to a spec, compiled with Keras' Adam and the spec's loss: LSTM layers
 * named `lstm_i` (sigmoid recurrent activation, unit forget bias), Dropout, RepeatVector, TimeDistributed(Dense)
 * named `dense`. Its weights are set to `weights` (default: this project's seeded Keras initialisation), so it
 * computes exactly what {@link createAutoencoder} does; tests and the benchmark use it as the reference.
 *
 * @throws Error when `weights` do not match the spec.
 * @example
 * const model = buildLayersModel(spec, engine.getWeights());
 * const y = model.predict(tf.tensor3d(x, [n, spec.window, spec.features])) as tf.Tensor;
 */
export function buildLayersModel(spec: AutoencoderSpec, weights?: NamedWeight[]): tfl.LayersModel {
  const { window: T, features: F, encoder } = spec;
  const k = encoder.length;
  const input = tfl.input({ shape: [T, F] });
  const lstm = (units: number, i: number, returnSequences: boolean) =>
    tfl.layers.lstm({
      units,
      returnSequences,
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      unitForgetBias: true,
      name: `lstm_${i}`,
      // Overwritten right after by `weights`; zeros skip tfjs' slow orthogonal initialiser.
      kernelInitializer: 'zeros',
      recurrentInitializer: 'zeros',
    });
  let h = input as tfl.SymbolicTensor;
  encoder.forEach((u, i) => {
    h = lstm(u, i, i < k - 1).apply(h) as tfl.SymbolicTensor;
  });
  h = tfl.layers.dropout({ rate: spec.dropout }).apply(h) as tfl.SymbolicTensor;
  h = tfl.layers.repeatVector({ n: T }).apply(h) as tfl.SymbolicTensor;
  lstmSizes(spec)
    .slice(k)
    .forEach((u, i) => {
      h = lstm(u, k + i, true).apply(h) as tfl.SymbolicTensor;
    });
  h = tfl.layers.dropout({ rate: spec.dropout }).apply(h) as tfl.SymbolicTensor;
  const out = tfl.layers
    .timeDistributed({ layer: tfl.layers.dense({ units: F, name: 'dense', kernelInitializer: 'zeros' }) })
    .apply(h) as tfl.SymbolicTensor;
  const model = tfl.model({ inputs: input, outputs: out });
  model.compile({
    optimizer: tf.train.adam(spec.learningRate, 0.9, 0.999, 1e-7),
    loss: spec.loss === 'mae' ? 'meanAbsoluteError' : 'meanSquaredError',
  });
  setLayersWeights(model, spec, weights ?? initialWeights(spec));
  return model;
}

/**
 * Copy named weights (Keras layout, as `Autoencoder.getWeights()` gives) into a model from {@link buildLayersModel}.
 * @throws Error when names or shapes do not match the spec.
 * @example
 * setLayersWeights(model, spec, engine.getWeights());
 */
export function setLayersWeights(model: tfl.LayersModel, spec: AutoencoderSpec, weights: NamedWeight[]): void {
  const ordered = checkWeights(spec, weights);
  const tensors = ordered.map((w) => tf.tensor(w.values, w.shape, 'float32'));
  try {
    model.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
}
