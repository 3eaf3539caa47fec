import type { AutoencoderSpec } from './spec';

/** One epoch of training history. */
export interface EpochRecord {
  epoch: number;
  loss: number;
  /** Validation loss, or null when no validation split was used. */
  valLoss: number | null;
  seconds: number;
  seqPerSec: number;
}

/**
 * One named weight array in Keras layout. LSTM layer `i` (0-based over encoder then decoder) has
 * `lstm_i/kernel` [input, 4u], `lstm_i/recurrent_kernel` [u, 4u], `lstm_i/bias` [4u], gate order i, f, c, o;
 * the output layer has `dense/kernel` [u, features] and `dense/bias` [features].
 */
export interface NamedWeight {
  name: string;
  shape: number[];
  values: Float32Array;
}

/** Called after each training batch with the batch index (0-based) and the batch count of the epoch. */
export type BatchCallback = (batch: number, batches: number) => void;

/**
 * A trainable LSTM autoencoder over windows stored flat: `x` holds `n * window * features` floats,
 * window-major, then step, then feature.
 */
export interface Autoencoder {
  /** The architecture. */
  readonly spec: AutoencoderSpec;
  /** Name of the tfjs backend the model runs on. */
  readonly backend: string;
  /** How it computes, e.g. `wasm-simd-fma, 2 threads` (threads are known after the first epoch); absent for tfjs-layers models. */
  readonly engine?: string;
  /**
   * One training epoch: Adam steps over batches of `batchSize` windows taken in `order` (indices into x),
   * dropout active. Resolves to the mean training loss over the epoch (batch losses weighted by batch size).
   */
  trainEpoch(
    x: Float32Array,
    n: number,
    order: ArrayLike<number>,
    batchSize: number,
    onBatch?: BatchCallback,
  ): Promise<number>;
  /** Reconstructions of the n windows (inference mode: no dropout), same layout as x. */
  predict(x: Float32Array, n: number, batchSize?: number): Promise<Float32Array>;
  /** Current weights, in Keras layout (copies). */
  getWeights(): NamedWeight[];
  /** Replace all weights (same names and shapes as getWeights gives). */
  setWeights(weights: NamedWeight[]): void;
  /**
   * Drop what training keeps for the next epoch (the worker thread's shared copy of the windows), once training is
   * over; the next epoch, if any, copies them again. Optional: models that keep nothing have none.
   */
  releaseTrainingData?(): void;
  /** Free tensors and workers. */
  dispose(): void;
}
