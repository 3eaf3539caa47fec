import type { Autoencoder, EpochRecord, NamedWeight } from '../model';
import { meanLoss } from '../score/mae';
import { pickWindows, type Windows } from '../sequence/windows';
import { invalid } from '../util/errors';
import { Rng } from '../util/random';

/** Training options (Keras `fit` with EarlyStopping(restore_best_weights=True)). */
export interface TrainOptions {
  /** Maximum epochs. Default 100. */
  epochs?: number;
  /** Windows per batch. Default 32. */
  batchSize?: number;
  /** Epochs without a better validation loss before stopping; 0 disables early stopping. Default 3. */
  patience?: number;
  /** Share of training windows held out for validation: the LAST windows, not shuffled (Keras). Default 0.1. */
  valSplit?: number;
  /** Shuffle the training windows each epoch (seeded). Default true. */
  shuffle?: boolean;
  /** Seed for the shuffling. Default 42. */
  seed?: number;
  /**
   * Warm start: weights (same names and shapes as the model's) set before the first epoch, instead of the model's
   * seeded random ones. Adam's moments are not saved with a model, so they start at zero as in any fresh run:
   * training from these weights is the same, bit for bit, as `model.setWeights(initWeights)` then training.
   */
  initWeights?: NamedWeight[];
  /**
   * The validation loss of the held-out windows (a model whose loss is not `spec.loss` of its reconstruction, such
   * as AER's weighted reconstruction and regression MSE). Default: the mean `spec.loss` between the windows and
   * the model's output.
   */
  valLoss?: (val: Windows) => Promise<number>;
  /** Called after every epoch. Return `false` to stop. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a callback may return nothing, or true to stop training
  onEpoch?: (record: EpochRecord, info: { epochs: number; best: number }) => void | boolean;
  /** Called after every batch (for progress bars). */
  onBatch?: (epoch: number, batch: number, batches: number) => void;
}

/** What training did. */
export interface TrainResult {
  history: EpochRecord[];
  /** Epoch (1-based) whose weights were kept. */
  bestEpoch: number;
  /** Training windows per second over all epochs. */
  seqPerSec: number;
  seconds: number;
}

/**
 * Train an autoencoder to reconstruct its input windows, with early stopping on the validation loss and the
 * best weights restored at the end.
 *
 * @throws InputError `invalid epochs|batch size|patience|validation split: <v>`.
 * @example
 * const { history } = await trainAutoencoder(model, windows, { epochs: 10 });
 */
export async function trainAutoencoder(
  model: Autoencoder,
  data: Windows,
  opts: TrainOptions = {},
): Promise<TrainResult> {
  const epochs = opts.epochs ?? 100;
  const batchSize = opts.batchSize ?? 32;
  const patience = opts.patience ?? 3;
  const valSplit = opts.valSplit ?? 0.1;
  if (!Number.isInteger(epochs) || epochs < 1) throw invalid('epochs', epochs, 'an integer >= 1');
  if (!Number.isInteger(batchSize) || batchSize < 1) throw invalid('batch size', batchSize, 'an integer >= 1');
  if (!Number.isInteger(patience) || patience < 0) throw invalid('patience', patience, 'an integer >= 0');
  if (!(valSplit >= 0 && valSplit < 1)) throw invalid('validation split', valSplit, 'in [0, 1)');

  const nVal = Math.floor(data.n * valSplit);
  const nTrain = data.n - nVal;
  if (nTrain < 1) throw invalid('validation split', valSplit, `leaves no training window of ${data.n}`);
  const train = nVal > 0 ? pickWindows(data, range(0, nTrain)) : data;
  const val = nVal > 0 ? pickWindows(data, range(nTrain, data.n)) : null;
  const rng = new Rng(opts.seed ?? 42);
  if (opts.initWeights) model.setWeights(opts.initWeights);

  const history: EpochRecord[] = [];
  let best = Infinity;
  let bestEpoch = 0;
  let bestWeights: NamedWeight[] | null = null;
  let since = 0;
  const t0 = Date.now();
  for (let epoch = 1; epoch <= epochs; epoch++) {
    const e0 = Date.now();
    const order = opts.shuffle === false ? range(0, nTrain) : rng.permutation(nTrain);
    const loss = await model.trainEpoch(train.x, train.n, order, batchSize, (b, nb) => opts.onBatch?.(epoch, b, nb));
    const trainSeconds = (Date.now() - e0) / 1000;
    const valLoss = !val
      ? null
      : opts.valLoss
        ? await opts.valLoss(val)
        : meanLoss(val.x, await model.predict(val.x, val.n, 256), model.spec.loss);
    const seconds = (Date.now() - e0) / 1000;
    const record: EpochRecord = { epoch, loss, valLoss, seconds, seqPerSec: nTrain / Math.max(trainSeconds, 1e-9) };
    history.push(record);
    const monitored = valLoss ?? loss;
    if (monitored < best) {
      best = monitored;
      bestEpoch = epoch;
      since = 0;
      if (patience > 0) bestWeights = model.getWeights();
    } else {
      since++;
    }
    const stop = opts.onEpoch?.(record, { epochs, best: bestEpoch }) === false;
    if (stop || (patience > 0 && since >= patience)) break;
  }
  if (bestWeights && bestEpoch !== history.length) model.setWeights(bestWeights);
  if (patience === 0) bestEpoch = history.length;
  const seconds = (Date.now() - t0) / 1000;
  return { history, bestEpoch, seconds, seqPerSec: (nTrain * history.length) / Math.max(seconds, 1e-9) };
}

function range(a: number, b: number): number[] {
  return Array.from({ length: b - a }, (_, i) => a + i);
}
