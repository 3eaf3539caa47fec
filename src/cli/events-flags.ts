import { resample } from '../data/resample';
import type { Series } from '../data/series';
import type { CliFlags, EventFlags } from './flags';

export { THRESHOLD_HINT } from '../pipeline/resolve';
export { EVENT_FLAGS, type EventFlags } from './flags';
export { resolveEventOptions } from './resolve';

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
