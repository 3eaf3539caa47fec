import type { NamedWeight } from '../autoencoder';
import type { Compute } from '../compute/compute';
import { type DenseWeights, FlatParams } from './flat-params';
import { kerasInitialWeights } from './init';

/**
 * The architecture of an AER model (Wong et al., "AER: Auto-Encoder with Regression", IEEE BigData 2022; Orion's
 * `orion.primitives.aer.AER`): a window of `window` steps; the encoder Bidirectional(LSTM(units)) reads its inner
 * `window - 2` steps, RepeatVector(window), the decoder Bidirectional(LSTM(units, return_sequences)) and
 * TimeDistributed(Dense(features)) give all `window` steps: the step before the inner part (the backward
 * regression), the inner part (the reconstruction) and the step after it (the forward regression).
 */
export interface AerSpec {
  /** Steps per window, the two regressed steps included (Orion's window_size; at least 4). */
  window: number;
  /** Features per step. */
  features: number;
  /** LSTM units per direction (Orion's lstm_units, default 30). */
  units: number;
  /** Weight of the two regressions in the loss (Orion's reg_ratio, default 0.5): r/2 each, 1 - r the reconstruction. */
  regRatio: number;
  /** Adam learning rate. */
  learningRate: number;
  /** Seed of the initial weights. */
  seed: number;
}

/** The four LSTM layers of an AER model, in weight order. */
export const AER_LSTMS = [
  'encoder/forward_lstm',
  'encoder/backward_lstm',
  'decoder/forward_lstm',
  'decoder/backward_lstm',
];

/**
 * Names and shapes of every weight of an AER model in Keras layout and order (a Bidirectional layer holds its
 * forward then its backward LSTM): per LSTM `<name>/kernel` [in, 4u], `<name>/recurrent_kernel` [u, 4u],
 * `<name>/bias` [4u] (the encoder's input is `features`, the decoder's the 2u latent); then `dense/kernel`
 * [2u, features] and `dense/bias` [features].
 *
 * @example
 * aerWeightShapes({ window: 100, features: 1, units: 30, regRatio: 0.5, learningRate: 1e-3, seed: 1 }).length; // 14
 */
export function aerWeightShapes(spec: AerSpec): { name: string; shape: number[] }[] {
  const { units: u, features: F } = spec;
  const out: { name: string; shape: number[] }[] = [];
  AER_LSTMS.forEach((name, i) => {
    const d = i < 2 ? F : 2 * u;
    out.push({ name: `${name}/kernel`, shape: [d, 4 * u] });
    out.push({ name: `${name}/recurrent_kernel`, shape: [u, 4 * u] });
    out.push({ name: `${name}/bias`, shape: [4 * u] });
  });
  out.push({ name: 'dense/kernel', shape: [2 * u, F] });
  out.push({ name: 'dense/bias', shape: [F] });
  return out;
}

/**
 * Trainable values of an AER model (as Keras' summary counts them).
 * @example
 * aerParameterCount({ window: 100, features: 1, units: 30, regRatio: 0.5, learningRate: 1e-3, seed: 1 }); // 29581
 */
export function aerParameterCount(spec: AerSpec): number {
  return aerWeightShapes(spec).reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * Keras initialisation of every AER weight, seeded and in JS (the same on every backend), as `initialWeights` does
 * for the autoencoder: kernels glorot_uniform, recurrent kernels orthogonal, LSTM biases zero with unit forget
 * bias, dense bias zero; each weight draws from its own stream derived from `spec.seed`.
 *
 * @example
 * const weights = aerInitialWeights(spec);
 */
export function aerInitialWeights(spec: AerSpec): NamedWeight[] {
  return kerasInitialWeights(aerWeightShapes(spec), spec.seed, (name) => name.includes('_lstm/'));
}

/**
 * All values of an AER model in one flat vector (the order of {@link aerWeightShapes}), a matching gradient vector,
 * and per-layer views into both (with the kernels' transposes).
 *
 * @example
 * const p = new AerParams(spec, g); p.set(aerInitialWeights(spec));
 */
export class AerParams extends FlatParams {
  /** Encoder forward, encoder backward, decoder forward, decoder backward (in `lstm`); the output layer. */
  readonly dense: DenseWeights;

  constructor(
    readonly spec: AerSpec,
    g: Compute,
  ) {
    super(aerWeightShapes(spec), g);
    const pv = this.views;
    const gv = this.gradViews;
    const u = spec.units;
    for (let i = 0; i < 4; i++) {
      const k = 3 * i;
      const d = i < 2 ? spec.features : 2 * u;
      this.lstm.push({
        d,
        u,
        W: pv[k],
        U: pv[k + 1],
        b: pv[k + 2],
        Wt: g.alloc(4 * u, d),
        Ut: g.alloc(4 * u, u),
        dW: gv[k],
        dU: gv[k + 1],
        db: gv[k + 2],
      });
    }
    this.dense = { K: pv[12], b: pv[13], Kt: g.alloc(spec.features, 2 * u), dK: gv[12], db: gv[13] };
  }

  /**
   * Replace every value.
   * @throws Error `weights: ...` naming the first missing, unexpected or misshapen weight.
   */
  set(weights: NamedWeight[]): void {
    const byName = new Map(weights.map((w) => [w.name, w]));
    if (weights.length !== this.names.length)
      throw new Error(`weights: expected ${this.names.length} arrays, got ${weights.length}`);
    this.names.forEach(({ name, shape }, i) => {
      const w = byName.get(name);
      if (!w) throw new Error(`weights: missing ${name}`);
      const size = shape.reduce((a, b) => a * b, 1);
      if (w.shape.length !== shape.length || w.shape.some((d, k) => d !== shape[k]) || w.values.length !== size)
        throw new Error(`weights: ${name} has shape [${w.shape}] (${w.values.length} values), expected [${shape}]`);
      this.views[i].f.set(w.values);
    });
    this.changed();
  }
}
