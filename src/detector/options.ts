import type { BackendChoice } from '../backend/select';
import type { AutoencoderSpec, LossKind } from '../model';
import { SPEC_OPTION_DEFS } from '../model';
import type { ScalerKind } from '../transform/scaler';
import type { TransformKind } from '../transform/transforms';
import { BACKENDS, SCALERS, TRANSFORMS } from '../util/choices';
import { defaultsOf, type OptionDef, optionDef } from '../util/options';
import { DTW_SPAN } from './aer/dtw';
import { REC_ERROR_TYPES, type RecErrorType } from './aer/errors';

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
  /** aer: each step's reconstruction error, `point` or `dtw` (Orion's `rec_error_type`). Unset: 'point'. */
  recError?: RecErrorType;
}

/** Options of the whole detector, each declared once; {@link DEFAULT_DETECTOR_OPTIONS} and `--help` derive from it. */
export const DETECTOR_OPTION_DEFS: readonly OptionDef[] = [
  {
    key: 'transform',
    flag: '--transform',
    type: 'string',
    default: 'none',
    cliDefault: 'logret',
    help: 'transform before scaling (logret: log returns)',
    group: 'Pipeline',
    choices: TRANSFORMS,
    detectorDefaults: { dense: 'none', aer: 'none' },
  },
  {
    key: 'scaler',
    flag: '--scaler',
    type: 'string',
    default: 'standard',
    help: 'scaler fitted on the training part',
    group: 'Pipeline',
    choices: SCALERS,
    detectorDefaults: { aer: 'minmax' },
  },
  { ...spec('window'), detectorDefaults: { dense: 1, aer: 100 } },
  { ...spec('encoder'), detectorDefaults: { aer: [30] } },
  spec('dropout'),
  spec('loss'),
  spec('learningRate'),
  {
    key: 'threshold',
    flag: '--threshold',
    type: 'string',
    arg: 'RULE',
    default: 'p95',
    help: 'p95, p99 (percentile of training MAE), a number (0.65), or 3sigma',
    group: 'Pipeline',
  },
  {
    key: 'epochs',
    flag: '--epochs',
    type: 'posint',
    arg: 'N',
    default: 100,
    help: 'maximum epochs',
    group: 'Model and training',
    detectorDefaults: { aer: 35 },
  },
  {
    key: 'batchSize',
    flag: '--batch-size',
    type: 'posint',
    arg: 'N',
    default: 32,
    help: 'windows per batch',
    group: 'Model and training',
    detectorDefaults: { aer: 64 },
  },
  {
    key: 'patience',
    flag: '--patience',
    type: 'number',
    arg: 'N',
    default: 3,
    help: 'early stopping: epochs without better validation loss (0: off)',
    group: 'Model and training',
    detectorDefaults: { aer: 10 },
  },
  {
    key: 'valSplit',
    flag: '--val-split',
    type: 'number',
    arg: 'F',
    default: 0.1,
    help: 'last share of training windows used for validation',
    group: 'Model and training',
    detectorDefaults: { aer: 0.2 },
  },
  spec('seed'),
  {
    key: 'backend',
    flag: '--backend',
    type: 'string',
    arg: 'NAME',
    default: 'auto',
    help: 'auto, tensorflow (tfjs-node), wasm or cpu',
    group: 'Model and training',
    choices: BACKENDS,
  },
  {
    key: 'recError',
    flag: '--rec-error',
    type: 'string',
    // no default value: the other detectors' options and saved states stay without it (aer reads unset as point)
    shown: 'point',
    help: `aer: each step's reconstruction error, point (|value - median reconstruction|) or dtw (DTW distance over the ${DTW_SPAN} steps around it)`,
    group: 'Model and training',
    choices: REC_ERROR_TYPES,
  },
];

function spec(key: keyof AutoencoderSpec): OptionDef {
  return optionDef(SPEC_OPTION_DEFS, key);
}

/** The defaults of {@link DetectorOptions}: the Colab notebook's settings (from {@link DETECTOR_OPTION_DEFS}). */
export const DEFAULT_DETECTOR_OPTIONS: DetectorOptions = defaultsOf<DetectorOptions>(DETECTOR_OPTION_DEFS);

/**
 * A detector's own defaults where they differ from {@link DEFAULT_DETECTOR_OPTIONS} (and the CLI's), from the
 * `detectorDefaults` of {@link DETECTOR_OPTION_DEFS}: dense, for tables without time order, reads each row alone
 * (`window: 1`, `transform: 'none'`); aer takes Orion's AER settings (`aer.json` and its primitive: no transform,
 * min-max scaling, window 100, 30 units, at most 35 epochs of 64 windows, early stopping after 10 epochs on the
 * last 20% of the windows). Explicit options win over them.
 *
 * @throws Nothing.
 * @example
 * detectorDefaults('dense'); // { transform: 'none', window: 1 }
 * detectorDefaults('lstm'); // {}
 */
export function detectorDefaults(kind: string): Partial<DetectorOptions> {
  const out: Record<string, unknown> = {};
  for (const d of DETECTOR_OPTION_DEFS) {
    if (d.detectorDefaults && Object.hasOwn(d.detectorDefaults, kind)) {
      const v = d.detectorDefaults[kind];
      out[d.key] = Array.isArray(v) ? [...v] : v;
    }
  }
  return out as Partial<DetectorOptions>;
}

/**
 * The options of the Pipeline group some detector defaults differently (see {@link detectorDefaults}): how a
 * detector reads the series (transform, scaler, window). A comparison sets them to the shared default so that
 * every detector reads the series the same way; a detector's own model and training defaults (aer's units and
 * epochs) stay its own.
 *
 * @throws Nothing.
 * @example
 * DETECTOR_DEFAULTED_KEYS; // ['transform', 'scaler', 'window']
 */
export const DETECTOR_DEFAULTED_KEYS: readonly (keyof DetectorOptions)[] = DETECTOR_OPTION_DEFS.filter(
  (d) => d.detectorDefaults !== undefined && d.group === 'Pipeline',
).map((d) => d.key as keyof DetectorOptions);

/**
 * A detector's own model and training defaults (those of {@link detectorDefaults} outside the Pipeline group):
 * they hold under `--fit all` too, over the whole-series defaults, which are the LSTM's. aer's are Orion's, which
 * Orion fits on the whole series.
 *
 * @throws Nothing.
 * @example
 * detectorModelDefaults('aer').encoder; // [30]
 * detectorModelDefaults('dense'); // {}
 */
export function detectorModelDefaults(kind: string): Partial<DetectorOptions> {
  const own = detectorDefaults(kind) as Record<string, unknown>;
  for (const k of DETECTOR_DEFAULTED_KEYS) delete own[k];
  return own as Partial<DetectorOptions>;
}
