import { WHOLE_SERIES_DEFAULTS } from './event-options';
import type { PipelineOptions } from './options';

/**
 * Options of a whole-series run (`--fit all` and its defaults: train on everything, score every window,
 * window-sigma events), with overrides on top; the same for every detector of a comparison.
 *
 * @throws never.
 * @example
 * await runCompare(series, 'lstm,pca', wholeSeriesOptions({ epochs: 2 }));
 */
export function wholeSeriesOptions(overrides: Partial<PipelineOptions> = {}): Partial<PipelineOptions> {
  const { encoder, ...rest } = WHOLE_SERIES_DEFAULTS;
  return { ...(rest as Partial<PipelineOptions>), encoder: [...encoder], fit: 'all', ...overrides };
}
