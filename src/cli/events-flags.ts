import { resample } from '../data/resample';
import { autoResample } from '../data/resample-auto';
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

/** What `--resample auto` chose for one series, and why (see `autoResample`). */
export interface ResampleChoice {
  chosen: '10min' | 'none';
  why: string;
}

/**
 * The series as `--resample` leaves it: a rule's means (`10min`, `1h`, `1d`), the series itself (`none` or no
 * flag), or for `auto` the rule of `autoResample` with what it chose.
 *
 * @throws InputError for an unknown rule.
 * @example
 * resampled(series, { resample: 'auto' } as CliFlags).auto?.chosen; // '10min' for 4,032 rows at 5 minutes
 */
export function resampled(series: Series, f: CliFlags): { series: Series; auto?: ResampleChoice } {
  const r = eventFlags(f).resample;
  if (!r || r === 'none') return { series };
  if (r === 'auto') {
    const { series: out, chosen, why } = autoResample(series);
    return { series: out, auto: { chosen, why } };
  }
  return { series: resample(series, r) };
}

/**
 * The line a run prints for what `--resample auto` chose, e.g. `resample: auto -> 10min means (median step
 * 5 min, 4,032 rows)` or `resample: auto -> none (1,200 rows, under 4,000)`.
 *
 * @throws never.
 * @example
 * resampleLine({ chosen: 'none', why: '1,200 rows, under 4,000' }); // 'resample: auto -> none (1,200 rows, under 4,000)'
 */
export function resampleLine(c: ResampleChoice): string {
  return `resample: auto -> ${c.chosen === 'none' ? 'none' : `${c.chosen} means`} (${c.why})`;
}

/**
 * Resample a loaded series when `--resample` asks for it; `say` gets the line of what `auto` chose.
 *
 * @throws InputError for an unknown rule.
 * @example
 * withResample(series, { resample: '10min' } as CliFlags);
 */
export function withResample(series: Series, f: CliFlags, say?: (line: string) => void): Series {
  const r = resampled(series, f);
  if (r.auto && say) say(resampleLine(r.auto));
  return r.series;
}
