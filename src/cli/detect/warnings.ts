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

/** The detectors whose model runs on the engine's kernels (`model/engine`), as the compute line names them. */
const ENGINE_MODELS: Readonly<Record<string, string>> = { lstm: 'LSTM', aer: 'AER (bidirectional LSTM)' };

/**
 * What the compute line calls a detector's model when it runs on the engine's kernels (lstm, aer), else undefined.
 *
 * @throws Nothing.
 * @example
 * engineModel('aer'); // 'AER (bidirectional LSTM)'
 * engineModel('pca'); // undefined
 */
export function engineModel(kind: string): string | undefined {
  return Object.hasOwn(ENGINE_MODELS, kind) ? ENGINE_MODELS[kind] : undefined;
}

/**
 * One line naming what computed the run: the model that ran on the engine (the `kind` of detector: lstm, aer), the
 * kernels it ran on, and the tfjs backend. No engine: the backend alone.
 *
 * @throws Nothing.
 * @example
 * computeLine('wasm', 'native-avx2-fma, 2 threads'); // 'compute: LSTM on native-avx2-fma kernels, 2 threads; tfjs ...'
 * computeLine('wasm', 'native-avx2-fma, 1 thread', 'aer'); // 'compute: AER (bidirectional LSTM) on native-avx2-fma ...'
 */
export function computeLine(backend: string, engine: string, kind = 'lstm'): string {
  if (!engine) return `compute: tfjs ${backend} backend`;
  const [kernels, ...rest] = engine.split(', ');
  const threads = rest.length > 0 ? `, ${rest.join(', ')}` : '';
  const model = engineModel(kind) ?? kind;
  return `compute: ${model} on ${kernels} kernels${threads}; tfjs ${backend} backend for the rest`;
}
