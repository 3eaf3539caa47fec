import type { Series } from '../data/series';
import { type ResampledSeries, resampleLine, resampleSeries } from '../pipeline/resample-stage';
import type { CliFlags, EventFlags } from './flags';

export { type ResampleChoice, type ResampledSeries, resampleLine } from '../pipeline/resample-stage';
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
 * The series as `--resample` leaves it, with the record of what ran (see `resampleSeries`,
 * pipeline/resample-stage.ts): `rule` is the resolved option, by default the flag. Hand the record (not its
 * `series`) to `runPipeline` / `runCompare`, which then do not resample again.
 *
 * @throws InputError for an unknown rule.
 * @example
 * resampled(series, { resample: 'auto' } as CliFlags).auto?.chosen; // '10min' for 4,032 rows at 5 minutes
 */
export function resampled(
  series: Series,
  f: CliFlags,
  rule: string | undefined = eventFlags(f).resample,
): ResampledSeries {
  return resampleSeries(series, rule);
}

/**
 * Resample a loaded series when `--resample` asks for it ({@link resampled}); `say` gets the line of what `auto`
 * chose. The record it returns is what the run takes, so the series is resampled once and the choice said once.
 *
 * @throws InputError for an unknown rule.
 * @example
 * const once = withResample(series, { resample: 'auto' } as CliFlags, (m) => console.error(m));
 * await runPipeline(once, { resample: 'auto' }); // reads once.series as it is
 */
export function withResample(
  series: Series,
  f: CliFlags,
  say?: (line: string) => void,
  rule: string | undefined = eventFlags(f).resample,
): ResampledSeries {
  const r = resampled(series, f, rule);
  if (r.auto && say) say(resampleLine(r.auto));
  return r;
}
