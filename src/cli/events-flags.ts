import type { Series } from '../data/series';
import { type ResampleChoice, resampleLine, resampleSeries } from '../pipeline/resample-stage';
import type { CliFlags, EventFlags } from './flags';

export { type ResampleChoice, resampleLine } from '../pipeline/resample-stage';
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
 * The series as `--resample` leaves it (see `resampleSeries`, pipeline/resample-stage.ts): `rule` is the resolved
 * option, by default the flag.
 *
 * @throws InputError for an unknown rule.
 * @example
 * resampled(series, { resample: 'auto' } as CliFlags).auto?.chosen; // '10min' for 4,032 rows at 5 minutes
 */
export function resampled(
  series: Series,
  f: CliFlags,
  rule: string | undefined = eventFlags(f).resample,
): { series: Series; auto?: ResampleChoice } {
  return resampleSeries(series, rule);
}

/**
 * Resample a loaded series when `--resample` asks for it; `say` gets the line of what `auto` chose.
 *
 * @throws InputError for an unknown rule.
 * @example
 * withResample(series, { resample: '10min' } as CliFlags);
 */
export function withResample(
  series: Series,
  f: CliFlags,
  say?: (line: string) => void,
  rule: string | undefined = eventFlags(f).resample,
): Series {
  const r = resampled(series, f, rule);
  if (r.auto && say) say(resampleLine(r.auto));
  return r.series;
}
