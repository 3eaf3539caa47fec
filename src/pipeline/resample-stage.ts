import { resample } from '../data/resample';
import { autoResample } from '../data/resample-auto';
import type { Series } from '../data/series';

/** What the `auto` rule chose for one series (`10min` or `none`), and why, in words. */
export interface ResampleChoice {
  chosen: '10min' | 'none';
  why: string;
}

// series this stage gave out (or, for `auto` choosing none, let through), with the rule that made them: a run
// handed one of them with the same rule does not resample again
const made = new WeakMap<Series, { rule: string; auto?: ResampleChoice }>();

/**
 * The series as the run option `resample` leaves it: a bucket's means (`10min`, `1h`, `1d`), the series itself
 * (`none` or unset), or for `auto` the rule of `autoResample` with what it chose. A series this function already
 * gave out for the same rule comes back as it is (with the same choice), so a caller that resamples first to
 * read labels against the aggregated rows, then calls `runPipeline` with the same options, resamples once.
 *
 * @throws InputError `invalid resample: <rule> (10min, 1h or 1d)` for an unknown rule.
 * @example
 * resampleSeries(series, 'auto').auto; // { chosen: '10min', why: 'median step 5 min, 4,032 rows' }
 */
export function resampleSeries(series: Series, rule?: string): { series: Series; auto?: ResampleChoice } {
  if (rule === undefined || rule === 'none') return { series };
  const done = made.get(series);
  if (done?.rule === rule) return { series, ...(done.auto ? { auto: done.auto } : {}) };
  if (rule === 'auto') {
    const { series: out, chosen, why } = autoResample(series);
    const auto = { chosen, why };
    made.set(out, { rule, auto });
    return { series: out, auto };
  }
  const out = resample(series, rule);
  made.set(out, { rule });
  return { series: out };
}

/**
 * The line a run prints for what `resample: 'auto'` chose, e.g. `resample: auto -> 10min means (median step
 * 5 min, 4,032 rows)` or `resample: auto -> none (1,200 rows, under 4,000)`.
 *
 * @throws never.
 * @example
 * resampleLine({ chosen: 'none', why: '1,200 rows, under 4,000' }); // 'resample: auto -> none (1,200 rows, under 4,000)'
 */
export function resampleLine(c: ResampleChoice): string {
  return `resample: auto -> ${c.chosen === 'none' ? 'none' : `${c.chosen} means`} (${c.why})`;
}
