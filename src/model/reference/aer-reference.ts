import * as tfl from '@tensorflow/tfjs-layers';
import * as tf from '../../backend/tf';
import type { NamedWeight } from '../autoencoder';
import { type AerSpec, aerWeightShapes } from '../engine/aer-params';

/**
 * The stock tfjs-layers model of an AER spec, as Orion builds it: Input [window - 2, features] ->
 * Bidirectional(LSTM(units)) -> RepeatVector(window) -> Bidirectional(LSTM(units, returnSequences)) ->
 * TimeDistributed(Dense(features)), with `weights` (in {@link aerWeightShapes} order) set. Tests use it as the
 * reference of the engine's AER model.
 *
 * @throws Error when `weights` do not have the spec's names and shapes.
 * @example
 * const model = buildAerLayersModel(spec, aer.getWeights());
 * const y = model.predict(tf.tensor3d(inner, [n, spec.window - 2, spec.features])) as tf.Tensor; // [n, window, F]
 */
export function buildAerLayersModel(spec: AerSpec, weights: NamedWeight[]): tfl.LayersModel {
  const { window: W, features: F, units } = spec;
  const lstm = (returnSequences: boolean) =>
    tfl.layers.lstm({
      units,
      returnSequences,
      activation: 'tanh',
      recurrentActivation: 'sigmoid',
      unitForgetBias: true,
      kernelInitializer: 'zeros',
      recurrentInitializer: 'zeros',
    });
  const input = tfl.input({ shape: [W - 2, F] });
  let h = tfl.layers.bidirectional({ layer: lstm(false) as tfl.RNN, mergeMode: 'concat' }).apply(input);
  h = tfl.layers.repeatVector({ n: W }).apply(h);
  h = tfl.layers.bidirectional({ layer: lstm(true) as tfl.RNN, mergeMode: 'concat' }).apply(h);
  const out = tfl.layers
    .timeDistributed({ layer: tfl.layers.dense({ units: F, kernelInitializer: 'zeros' }) })
    .apply(h) as tfl.SymbolicTensor;
  const model = tfl.model({ inputs: input, outputs: out });
  const shapes = aerWeightShapes(spec);
  const byName = new Map(weights.map((w) => [w.name, w]));
  const tensors = shapes.map(({ name, shape }) => {
    const w = byName.get(name);
    if (!w) throw new Error(`weights: missing ${name}`);
    return tf.tensor(w.values, shape, 'float32');
  });
  try {
    model.setWeights(tensors);
  } finally {
    tensors.forEach((t) => t.dispose());
  }
  return model;
}

/**
 * The AER loss of the model's output `y` [B, W, F] against the whole windows `x` (tf ops, differentiable):
 * `regRatio / 2` MSE of step 0, `1 - regRatio` MSE of the inner steps, `regRatio / 2` MSE of the last step.
 * @example
 * const loss = aerReferenceLoss(spec, y, x);
 */
export function aerReferenceLoss(spec: AerSpec, y: tf.Tensor, x: tf.Tensor): tf.Scalar {
  const { window: W, regRatio: r } = spec;
  const mse = (from: number, size: number) =>
    tf.mean(tf.square(tf.sub(tf.slice(y, [0, from, 0], [-1, size, -1]), tf.slice(x, [0, from, 0], [-1, size, -1]))));
  return tf.addN([tf.mul(r / 2, mse(0, 1)), tf.mul(1 - r, mse(1, W - 2)), tf.mul(r / 2, mse(W - 1, 1))]) as tf.Scalar;
}
