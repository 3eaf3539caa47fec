import { type ValueTable, valueTable } from '../data/series';
/** The drift check: share of test values outside the training range. */
export interface DriftJson {
  /** Share in [0, 1] of (transformed) test values outside [min, max] of training, over all features. */
  outsideShare: number;
  /** True when outsideShare is above the warning level. */
  warn: boolean;
  /** Warning level used (0.2). */
  level: number;
  /** Human-readable warning, present when warn is true. */
  message?: string;
  /** False when the run could not measure drift (a score run: a saved model keeps no training range). */
  measured?: boolean;
}

/** Share of test values above which the run warns about drift (0.2). */
export const DRIFT_LEVEL = 0.2;

/**
 * The drift check: the share of test values (all features) outside the [min, max] range seen in training.
 *
 * Above 20% the reconstruction error will flag most of the test period; the message suggests log returns.
 * @example
 * driftCheck([[1], [2]], [[3], [1.5]]).outsideShare; // 0.5
 */
export function driftCheck(
  train: number[][] | ValueTable,
  test: number[][] | ValueTable,
  transform = 'none',
): DriftJson {
  const a = Array.isArray(train) ? valueTable(train) : train;
  const b = Array.isArray(test) ? valueTable(test) : test;
  if (a.length === 0 || b.length === 0) return { outsideShare: 0, warn: false, level: DRIFT_LEVEL };
  const f = a.features;
  const lo = new Array(f).fill(Infinity);
  const hi = new Array(f).fill(-Infinity);
  for (let r = 0; r < a.length; r++)
    for (let j = 0; j < f; j++) {
      lo[j] = Math.min(lo[j], a.at(r, j));
      hi[j] = Math.max(hi[j], a.at(r, j));
    }
  let out = 0;
  for (let r = 0; r < b.length; r++)
    for (let j = 0; j < f; j++) {
      const v = b.at(r, j);
      if (v < lo[j] || v > hi[j]) out++;
    }
  const share = out / (b.length * f);
  const warn = share > DRIFT_LEVEL;
  const pct = (share * 100).toFixed(1);
  const hint =
    transform === 'none' ? ' Try --transform logret (log returns) so test values stay in the training range.' : '';
  return {
    outsideShare: share,
    warn,
    level: DRIFT_LEVEL,
    ...(warn
      ? {
          message: `drift: ${pct}% of test values lie outside the range seen in training; reconstruction error will flag most of the test period.${hint}`,
        }
      : {}),
  };
}
