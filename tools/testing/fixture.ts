import type { Series } from '../../src/data/series';
import { DEFAULT_PIPELINE_OPTIONS } from '../../src/pipeline/options';
import type { ReportInput } from '../../src/report/result';
import type { EpochRecord, RunResult, ScoredWindow } from '../../src/result';
import { percentile } from '../../src/threshold/percentile';
import { Rng } from '../../src/util/random';

/** Options of {@link reportFixture}. */
export interface FixtureOptions {
  /** Seed of all random draws. Default 7. */
  seed?: number;
  /** Rows of the series. Default 300. */
  rows?: number;
  /** Training rows (the rest are test rows, one test window ending at each). Default 100. */
  trainRows?: number;
  /** Window length in steps. Default 30. */
  window?: number;
  /** Data source name (may hold any text, to test escaping). Default `synthetic:fixture`. */
  source?: string;
  /** Name of the single column. Default `value`. */
  column?: string;
  /** Set drift.warn with a message. Default false. */
  drift?: boolean;
  /** Offsets into the test rows where a spike is injected (each makes a few anomalies). Default [60, 140]. */
  spikes?: number[];
}

/** ISO date `YYYY-MM-DD` of day `i` after 2020-01-01. */
function day(i: number): string {
  return new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
}

/**
 * A deterministic synthetic run for tests and demos (no model is trained): a seeded noisy sine with spikes in the
 * test part, 12 epochs of loss, training/test window scores, a 99th-percentile threshold and the anomalies above it.
 *
 * @throws Error `invalid fixture: ...` when trainRows or window do not fit in rows.
 * @example
 * const { result, series } = reportFixture(); // 300 rows, 200 test windows
 */
export function reportFixture(opts: FixtureOptions = {}): ReportInput {
  const rows = opts.rows ?? 300;
  const trainRows = opts.trainRows ?? 100;
  const window = opts.window ?? DEFAULT_PIPELINE_OPTIONS.window;
  const spikes = opts.spikes ?? [60, 140];
  if (!(window >= 2 && trainRows >= window && rows > trainRows))
    throw new Error(`invalid fixture: ${rows} rows, ${trainRows} training rows, window ${window}`);
  const rng = new Rng(opts.seed ?? 7);
  const dates = Array.from({ length: rows }, (_, i) => day(i));
  const values = dates.map((_, i) => 100 + 10 * Math.sin((2 * Math.PI * i) / 50) + 0.05 * i + rng.normal());
  for (const s of spikes) values[trainRows + s] += 25;
  const series: Series = {
    dates,
    values: values.map((v) => [v]),
    columns: [opts.column ?? 'value'],
    source: opts.source ?? 'synthetic:fixture',
  };

  const noise = () => 0.1 + 0.04 * Math.abs(rng.normal());
  const trainScores = Array.from({ length: trainRows - window + 1 }, noise);
  const thresholdValue = percentile(trainScores, 99);
  const test: ScoredWindow[] = [];
  for (let e = trainRows; e < rows; e++) {
    const hit = spikes.some((s) => e - (trainRows + s) >= 0 && e - (trainRows + s) < 4);
    const mae = noise() + (hit ? 0.3 : 0);
    test.push({ start: dates[e - window + 1], end: dates[e], mae, anomaly: mae > thresholdValue });
  }
  const anomalies = test
    .filter((w) => w.anomaly)
    .map((w) => ({ date: w.end, value: values[dates.indexOf(w.end)], mae: w.mae }));

  const history: EpochRecord[] = Array.from({ length: 12 }, (_, k) => ({
    epoch: k + 1,
    loss: 0.2 + 0.8 * Math.exp(-k / 2.5) + 0.01 * rng.next(),
    valLoss: 0.25 + 0.7 * Math.exp(-k / 2.5) + 0.004 * (k - 8) ** 2,
    seconds: 0.5,
    seqPerSec: 140,
  }));
  let bestEpoch = 1;
  for (const h of history) if (h.valLoss! < history[bestEpoch - 1].valLoss!) bestEpoch = h.epoch;

  const outsideShare = opts.drift ? 0.46 : 0.02;
  const result: RunResult = {
    config: {
      ...DEFAULT_PIPELINE_OPTIONS,
      window,
      encoder: [64],
      threshold: 'p99',
      epochs: 12,
      backend: 'cpu',
      trainFrac: trainRows / rows,
    },
    data: { source: series.source, rows, start: dates[0], end: dates[rows - 1], columns: series.columns },
    split: { trainRows, testRows: rows - trainRows, trainEnd: dates[trainRows - 1] },
    scaler: { kind: 'standard', mean: [100], std: [7] },
    training: {
      backend: 'cpu',
      engine: 'tfjs-cpu, 1 thread',
      epochs: history.length,
      bestEpoch,
      history,
      seqPerSec: 140,
      seconds: 6,
      parameters: 50113,
    },
    threshold: { method: 'percentile', value: thresholdValue, percentile: 99 },
    drift: {
      outsideShare,
      warn: !!opts.drift,
      level: 0.2,
      ...(opts.drift
        ? {
            message:
              'drift: 46.0% of test values lie outside the range seen in training; reconstruction error will flag most of the test period.',
          }
        : {}),
    },
    trainScores,
    test,
    anomalies,
    version: '0.1.0',
  };
  return { result, series };
}
