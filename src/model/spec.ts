import { LOSSES } from '../util/choices';
import { invalid } from '../util/errors';
import { keyword } from '../util/keyword';
import { defaultsOf, type OptionDef } from '../util/options';

/** Loss a model is trained on: mean absolute error or mean squared error, averaged over steps and features. */
export type LossKind = (typeof LOSSES)[number];

/**
 * The architecture of an LSTM autoencoder.
 *
 * Encoder LSTMs of sizes `encoder[0..k-1]` (all but the last return sequences) -> Dropout(dropout) ->
 * RepeatVector(window) -> decoder LSTMs of sizes `reverse(encoder)` (all return sequences) ->
 * Dropout(dropout) -> TimeDistributed(Dense(features)). With `encoder = [128]` this is the Colab model
 * (198,273 parameters for one feature). Gates use sigmoid (Keras semantics), cell/output activation tanh.
 */
export interface AutoencoderSpec {
  /** Steps per window. Default 30. */
  window: number;
  /** Features per step. Default 1. */
  features: number;
  /** Encoder LSTM sizes, outermost first; the decoder mirrors them. Default [128]. */
  encoder: number[];
  /** Dropout rate after the encoder and after the decoder, in [0, 1). Default 0.2. */
  dropout: number;
  /** Training loss. Default 'mae'. */
  loss: LossKind;
  /** Adam learning rate. Default 1e-3. */
  learningRate: number;
  /** Seed for weight initialisation and dropout masks. Default 42. */
  seed: number;
}

/** The model's options, each declared once (key, flag, type, default, help); {@link DEFAULT_SPEC} is derived. */
export const SPEC_OPTION_DEFS: readonly OptionDef[] = [
  {
    key: 'window',
    flag: '--window',
    type: 'posint',
    arg: 'N',
    default: 30,
    help: 'steps per window',
    group: 'Pipeline',
  },
  {
    key: 'features',
    type: 'posint',
    default: 1,
    help: 'features per step (from the data)',
    group: 'Model and training',
  },
  {
    key: 'encoder',
    flag: '--units',
    type: 'posint',
    arg: 'N',
    default: [128],
    help: 'LSTM units of the single-layer model',
    group: 'Model and training',
  },
  {
    key: 'dropout',
    flag: '--dropout',
    type: 'number',
    arg: 'F',
    default: 0.2,
    help: 'dropout after encoder and decoder',
    group: 'Model and training',
  },
  {
    key: 'loss',
    flag: '--loss',
    type: 'string',
    default: 'mae',
    help: 'training loss',
    group: 'Model and training',
    choices: LOSSES,
  },
  {
    key: 'learningRate',
    flag: '--learning-rate',
    type: 'number',
    arg: 'F',
    default: 0.001,
    help: 'Adam learning rate',
    group: 'Model and training',
  },
  {
    key: 'seed',
    flag: '--seed',
    type: 'int',
    arg: 'N',
    default: 42,
    help: 'seed for weights, dropout, shuffling and synthetic data',
    group: 'Model and training',
  },
];

/** Defaults of {@link AutoencoderSpec}: the Colab notebook's model (from {@link SPEC_OPTION_DEFS}). */
export const DEFAULT_SPEC: AutoencoderSpec = defaultsOf<AutoencoderSpec>(SPEC_OPTION_DEFS);

/**
 * Fill defaults and check every field of a spec.
 *
 * @throws InputError `invalid <field>: <value>` for a value out of range.
 * @example
 * const spec = resolveSpec({ encoder: [64, 32, 16] });
 */
export function resolveSpec(partial: Partial<AutoencoderSpec> = {}): AutoencoderSpec {
  const s: AutoencoderSpec = { ...DEFAULT_SPEC, ...partial, encoder: [...(partial.encoder ?? DEFAULT_SPEC.encoder)] };
  if (!Number.isInteger(s.window) || s.window < 2) throw invalid('window', s.window, 'an integer >= 2');
  if (!Number.isInteger(s.features) || s.features < 1) throw invalid('features', s.features, 'an integer >= 1');
  if (s.encoder.length === 0 || s.encoder.some((u) => !Number.isInteger(u) || u < 1)) {
    throw invalid('layers', s.encoder.join(','), 'positive integers, e.g. 64,32,16');
  }
  if (!(s.dropout >= 0 && s.dropout < 1)) throw invalid('dropout', s.dropout, 'in [0, 1)');
  keyword('loss', s.loss, LOSSES);
  if (!(s.learningRate > 0)) throw invalid('learning rate', s.learningRate, '> 0');
  if (!Number.isFinite(s.seed)) throw invalid('seed', s.seed);
  return s;
}

/** Sizes of the LSTM layers in order: encoder then mirrored decoder. */
export function lstmSizes(spec: AutoencoderSpec): number[] {
  return [...spec.encoder, ...[...spec.encoder].reverse()];
}

/**
 * Trainable parameters of one LSTM layer of `units` on `input` features (Keras: kernel, recurrent kernel, bias).
 *
 * @example
 * lstmParameters(128, 1); // 66560
 */
export function lstmParameters(units: number, input: number): number {
  return 4 * (units * (input + units) + units);
}

/**
 * Number of trainable parameters (as Keras' summary counts them).
 *
 * @example
 * parameterCount(resolveSpec()); // 198273
 */
export function parameterCount(spec: AutoencoderSpec): number {
  let input = spec.features;
  let total = 0;
  for (const u of lstmSizes(spec)) {
    total += lstmParameters(u, input);
    input = u;
  }
  return total + input * spec.features + spec.features;
}
