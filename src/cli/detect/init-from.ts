import { readWarmStart } from '../../detector/lstm/warm-start';
import type { NamedWeight } from '../../model';
import type { PipelineOptions } from '../../pipeline/options';
import { resolvePipelineOptions } from '../../pipeline/resolve';
import { InputError } from '../../util/errors';

/**
 * Check `--init-from` against the other flags before any data is read: a warm start trains one LSTM, so it is
 * refused with `--compare` and with a detector that has no weights (zscore, pca, iforest, mp, dense).
 *
 * @throws InputError (one line) naming the clash.
 * @example
 * const dir = checkInitFromFlag(f.initFrom, undefined, 'lstm'); // 'reports/run/model'
 */
export function checkInitFromFlag(
  initFrom: string | undefined,
  compare: readonly string[] | undefined,
  detector: string | undefined,
): string | undefined {
  if (initFrom === undefined) return undefined;
  if (initFrom === '') throw new InputError('--init-from: needs the folder of a saved model');
  if (compare) throw new InputError('--init-from: not with --compare (a warm start trains one lstm model)');
  if (detector !== undefined && detector !== 'lstm') {
    throw new InputError(`--init-from: the ${detector} detector has no weights to start from (only lstm has)`);
  }
  return initFrom;
}

/**
 * The weights of the model in `dir` for a run with these options and this many feature columns (not checked when
 * `features` is absent: before the data is read).
 *
 * @throws InputError `--init-from DIR: ...` for a missing model, another kind or another shape.
 * @example
 * const initWeights = warmStartWeights('reports/run/model', { window: 30 }, 1);
 */
export function warmStartWeights(dir: string, options: Partial<PipelineOptions>, features?: number): NamedWeight[] {
  const o = resolvePipelineOptions(options);
  return readWarmStart(dir, { window: o.window, encoder: o.encoder, features });
}
