import { invalid } from '../../util/errors';
import { Rng } from '../../util/random';
import type { AnomalyKind } from './anomalies';
import type { BaseShape } from './bases';
import { type SynthSeries, synthSeries } from './series';

/**
 * One series of a suite: its base, length and anomaly kinds.
 *
 * @example
 * const entry: SuiteEntry = { base: 'sine', length: 1000, kinds: ['spike'] };
 */
export interface SuiteEntry {
  base: BaseShape;
  length: number;
  kinds: AnomalyKind[];
}

/**
 * A named fixed list of series.
 *
 * @example
 * const def: SuiteDef = SUITES.mini;
 */
export interface SuiteDef {
  about: string;
  series: readonly SuiteEntry[];
}

const e = (base: BaseShape, length: number, ...kinds: AnomalyKind[]): SuiteEntry => ({ base, length, kinds });

/**
 * The suites: `dev`, the standard development suite (24 series, every base shape, every anomaly kind at least 6
 * times, 1-5 anomalies a series, 1,000 to 50,000 steps), and `mini`, every kind once in 5 short series.
 *
 * @example
 * SUITES.dev.series.length; // 24
 */
export const SUITES = {
  dev: {
    about: 'the development suite: 24 series, every base and every anomaly kind, 1,000-50,000 steps',
    series: [
      e('sine', 1000, 'spike'),
      e('sine', 4000, 'level-shift', 'frequency-change'),
      e('sine', 12000, 'amplitude-change', 'flatline', 'noise-burst'),
      e('sine', 50000, 'dip', 'trend-change', 'drift', 'missing-cycle', 'level-shift'),
      e('harmonics', 2000, 'dip', 'missing-cycle'),
      e('harmonics', 8000, 'frequency-change', 'drift', 'spike'),
      e('harmonics', 12000, 'trend-change', 'amplitude-change', 'level-shift', 'noise-burst'),
      e('seasonal', 5000, 'missing-cycle', 'spike'),
      e('seasonal', 10000, 'missing-cycle', 'level-shift', 'drift'),
      e('seasonal', 20000, 'missing-cycle', 'frequency-change', 'amplitude-change', 'dip', 'noise-burst'),
      e('random-walk', 3000, 'level-shift', 'spike'),
      e('random-walk', 9000, 'flatline', 'noise-burst', 'dip'),
      e('random-walk', 15000, 'trend-change', 'drift'),
      e('trend', 1500, 'trend-change'),
      e('trend', 6000, 'drift', 'flatline'),
      e('trend', 14000, 'frequency-change', 'spike', 'level-shift'),
      e('square', 2500, 'amplitude-change', 'dip'),
      e('square', 7000, 'flatline', 'frequency-change', 'trend-change'),
      e('sawtooth', 3500, 'missing-cycle', 'noise-burst'),
      e('sawtooth', 11000, 'amplitude-change', 'drift', 'spike', 'dip'),
      e('noisy', 4500, 'level-shift', 'drift'),
      e('noisy', 10000, 'amplitude-change', 'frequency-change', 'flatline'),
      e('quiet', 1200, 'spike'),
      e('quiet', 8500, 'noise-burst', 'flatline', 'trend-change', 'missing-cycle'),
    ],
  },
  mini: {
    about: 'every anomaly kind once in 5 short series (a quick look, a classroom)',
    series: [
      e('sine', 2000, 'spike', 'level-shift'),
      e('seasonal', 3000, 'missing-cycle', 'noise-burst'),
      e('random-walk', 2000, 'dip', 'flatline'),
      e('harmonics', 3000, 'frequency-change', 'amplitude-change'),
      e('trend', 2500, 'trend-change', 'drift'),
    ],
  },
} satisfies Record<string, SuiteDef>;

/**
 * A suite's name.
 *
 * @example
 * const name: SuiteName = 'dev';
 */
export type SuiteName = keyof typeof SUITES;

/**
 * Options of {@link makeSuite}.
 *
 * @example
 * makeSuite('dev', { seed: 1, from: 0.3 } satisfies SuiteOptions);
 */
export interface SuiteOptions {
  /** Seed of the whole suite; each series gets its own seed drawn from it. Default 28. */
  seed?: number;
  /** Anomalies start at or after this share of each series. Default 0.5. */
  from?: number;
}

/**
 * Make every series of a named suite, each as `<base>/<base>-<length>` with its own seed drawn from `seed`.
 * Same name and seed, same suite to the bit.
 *
 * @throws InputError for an unknown suite name or a bad `from`.
 * @example
 * const dev = makeSuite('dev'); // 24 labeled series
 * const steps = dev.reduce((a, s) => a + s.series.dates.length, 0);
 */
export function makeSuite(name: string = 'dev', opts: SuiteOptions = {}): SynthSeries[] {
  if (!Object.keys(SUITES).includes(name)) throw invalid('suite', name, `one of ${Object.keys(SUITES).join(', ')}`);
  const rng = new Rng(opts.seed ?? 28);
  return SUITES[name as SuiteName].series.map((s) =>
    synthSeries({ base: s.base, length: s.length, kinds: s.kinds, seed: rng.seed(), from: opts.from }),
  );
}
