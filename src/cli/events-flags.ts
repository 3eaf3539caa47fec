import { resample } from '../data/resample';
import type { Series } from '../data/series';
import type { PipelineOptions } from '../pipeline/options';
import type { Preset } from '../pipeline/presets';
import { checkRunOptions, layerOptions } from '../pipeline/resolve';
import type { CliFlags, EventFlags } from './flags';

export { EVENT_FLAGS, type EventFlags } from './flags';

import { flagOptions } from './resolve';

export { THRESHOLD_HINT } from '../pipeline/resolve';

/**
 * The event flags of parsed flags.
 *
 * @throws never.
 * @example
 * eventFlags(parseFlags(['--fit', 'all'], DETECT_FLAGS)).fit; // 'all'
 */
export function eventFlags(f: CliFlags): EventFlags {
  return f;
}

/**
 * Add the event options to resolved options, by the library's order (`layerOptions`, pipeline/resolve.ts):
 * with `--fit all` the whole-series defaults over every option neither a flag nor the preset sets; then checks
 * the threshold rule, smoothing, padding and pruning once (`checkRunOptions`).
 *
 * @throws InputError for an unknown threshold rule, an invalid --smooth or a negative --pad / --prune.
 * @example
 * resolveEventOptions({ fit: 'all' }, {}).window; // 100
 */
export function resolveEventOptions(
  f: CliFlags,
  options: Partial<PipelineOptions>,
  preset?: Preset,
): Partial<PipelineOptions> {
  const e = eventFlags(f);
  const events: Partial<PipelineOptions> = {};
  for (const k of ['fit', 'aggregate', 'smooth', 'pad', 'prune'] as const) {
    if (e[k] !== undefined) Object.assign(events, { [k]: e[k] });
  }
  const given = { ...flagOptions(f), ...events };
  const o = layerOptions({ defaults: options, detector: null, preset: preset?.options, given });
  checkRunOptions(o);
  return o;
}

/**
 * Resample a loaded series when `--resample` asks for it.
 *
 * @throws InputError for an unknown rule.
 * @example
 * withResample(series, { resample: '10min' } as CliFlags);
 */
export function withResample(series: Series, f: CliFlags): Series {
  const r = eventFlags(f).resample;
  return r ? resample(series, r) : series;
}
