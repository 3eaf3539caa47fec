import { POINT_ADJUST_WARNING } from '../../evaluate/point-adjust';
import type { RunResult } from '../../result';

/**
 * Warnings about a finished run a user should act on: a fixed threshold above every training error (or one that
 * looks like a percentile, such as `99`), and a loss that never improved after the first epoch.
 *
 * @throws Nothing.
 * @example
 * for (const w of runWarnings(result)) process.stderr.write(`warning: ${w}\n`);
 */
export function runWarnings(r: RunResult): string[] {
  const out: string[] = [];
  const t = r.threshold;
  if (t.method === 'fixed') {
    const max = r.trainScores.reduce((a, b) => Math.max(a, b), -Infinity);
    const looksPercentile = t.value >= 50 && t.value <= 100;
    const suggest = looksPercentile ? `p${t.value}` : 'p99';
    if (looksPercentile || (r.trainScores.length > 0 && t.value > max)) {
      const why =
        r.trainScores.length > 0 && t.value > max
          ? `is above every training error (largest ${max.toPrecision(4)})`
          : 'looks like a percentile';
      out.push(`threshold: fixed ${t.value} ${why}; for a percentile of training error write --threshold ${suggest}`);
    }
  }
  if (r.evaluation?.pointAdjusted) out.push(POINT_ADJUST_WARNING);
  const h = r.training.history;
  if (h.length > 1) {
    const monitored = h.map((e) => e.valLoss ?? e.loss);
    if (monitored.slice(1).every((v) => !(v < monitored[0]))) {
      const which = h[0].valLoss === null ? 'training' : 'validation';
      out.push(
        `training: the ${which} loss never improved after epoch 1 (${h.length} epochs); ` +
          'the --learning-rate may be too large or too small, or the data too short',
      );
    }
  }
  return out;
}

/**
 * One line naming what computed the run: the tfjs backend and the kernels the LSTM engine ran on.
 *
 * @throws Nothing.
 * @example
 * computeLine('wasm', 'native-avx2-fma, 2 threads'); // 'compute: native-avx2-fma kernels, 2 threads (tfjs ...'
 */
export function computeLine(backend: string, engine: string): string {
  if (!engine) return `compute: tfjs ${backend} backend`;
  const [kernels, ...rest] = engine.split(', ');
  const threads = rest.length > 0 ? `, ${rest.join(', ')}` : '';
  return `compute: LSTM on ${kernels} kernels${threads}; tfjs ${backend} backend for the rest`;
}
