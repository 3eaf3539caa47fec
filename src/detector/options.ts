import type { BackendChoice } from '../backend/select';
import type { LossKind } from '../model';
import type { ScalerKind } from '../transform/scaler';
import type { TransformKind } from '../transform/transforms';

/** Everything that defines an LSTM-autoencoder detector and its training. */
export interface DetectorOptions {
  /** Transform before scaling. Default 'none' (the CLI defaults to 'logret'). */
  transform: TransformKind;
  /** Scaler fitted on the training part. Default 'standard'. */
  scaler: ScalerKind;
  /** Steps per window. Default 30. */
  window: number;
  /** Encoder LSTM sizes; [128] is the Colab model, [64, 32, 16] the stacked one. Default [128]. */
  encoder: number[];
  /** Dropout after encoder and decoder. Default 0.2. */
  dropout: number;
  /** Training loss. Default 'mae'. */
  loss: LossKind;
  /** Adam learning rate. Default 0.001. */
  learningRate: number;
  /** Threshold rule: `p95`, `p99`, a number, `3sigma`. Default 'p95'. */
  threshold: string;
  /** Maximum epochs. Default 100. */
  epochs: number;
  /** Windows per batch. Default 32. */
  batchSize: number;
  /** Early-stopping patience in epochs (0: off). Default 3. */
  patience: number;
  /** Validation share: the last training windows. Default 0.1. */
  valSplit: number;
  /** Seed for weights, dropout and shuffling. Default 42. */
  seed: number;
  /** tfjs backend. Default 'auto' (tfjs-node, else wasm, else cpu). */
  backend: BackendChoice;
}

/** The defaults of {@link DetectorOptions}: the Colab notebook's settings. */
export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = {
  transform: 'none',
  scaler: 'standard',
  window: 30,
  encoder: [128],
  dropout: 0.2,
  loss: 'mae',
  learningRate: 0.001,
  threshold: 'p95',
  epochs: 100,
  batchSize: 32,
  patience: 3,
  valSplit: 0.1,
  seed: 42,
  backend: 'auto',
};
