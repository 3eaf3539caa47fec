import { InputError } from '../util/errors';
import { baseLayout, COLORS, type Figure } from './figure';
import { plotText } from './text';

/** What {@link reconstructionChart} draws besides the window. */
export interface ReconstructionOptions {
  /** Chart title; default `Window <index>: input and reconstruction`. */
  title?: string;
  /** Date of each step of this window (else the steps are numbered 1..window). */
  dates?: string[];
  /** Which feature to draw (default 0). */
  column?: number;
  /** A window threshold on the MAE, named in the title beside the window's MAE. */
  threshold?: number;
}

/** One window of a flat `[n, window, features]` array, with its reconstruction and per-step absolute error. */
export interface WindowErrors {
  input: number[];
  recon: number[];
  /** |input − reconstruction| per step, of the drawn column. */
  error: number[];
  /** The window's MAE over all steps and features (what the threshold compares). */
  mae: number;
}

/**
 * Cut window `index` out of flat model inputs and reconstructions (`[n * window * features]`, as `makeWindows`
 * and `Autoencoder.predict` give them): the drawn column, its reconstruction, the per-step error and the MAE.
 *
 * @throws InputError when `index` is not a window of the arrays or `column` is not a feature.
 * @example
 * windowErrors(testW.x, recon, 30, 1, 12).mae; // the same as windowMae(testW.x, recon, testW.n)[12]
 */
export function windowErrors(
  x: ArrayLike<number>,
  recon: ArrayLike<number>,
  window: number,
  features: number,
  index: number,
  column = 0,
): WindowErrors {
  const size = window * features;
  const n = Math.floor(x.length / size);
  if (!Number.isInteger(index) || index < 0 || index >= n) {
    throw new InputError(`window ${index} is not one of the ${n} windows`);
  }
  if (!Number.isInteger(column) || column < 0 || column >= features) {
    throw new InputError(`column ${column} is not one of the ${features} features`);
  }
  const base = index * size;
  let sum = 0;
  for (let k = 0; k < size; k++) sum += Math.abs(x[base + k] - recon[base + k]);
  const input: number[] = [];
  const out: number[] = [];
  const error: number[] = [];
  for (let s = 0; s < window; s++) {
    const k = base + s * features + column;
    input.push(x[k]);
    out.push(recon[k]);
    error.push(Math.abs(x[k] - recon[k]));
  }
  return { input, recon: out, error, mae: sum / size };
}

/**
 * One window opened up, as the Keras and TensorFlow autoencoder tutorials draw it: on top the window the model
 * saw (scaled) and its reconstruction, below the absolute error of each step as bars; the title gives the
 * window's MAE (the mean of those errors over all features) and, when given, the threshold it is compared with.
 *
 * @throws InputError when `index` or `column` is out of range.
 * @example
 * showFigure(reconstructionChart(testW.x, recon, 30, 1, 12, { dates: testDates.slice(12, 42) }), 380);
 */
export function reconstructionChart(
  x: ArrayLike<number>,
  recon: ArrayLike<number>,
  window: number,
  features: number,
  index: number,
  opts: ReconstructionOptions = {},
): Figure {
  const w = windowErrors(x, recon, window, features, index, opts.column ?? 0);
  if (opts.dates && opts.dates.length !== window) {
    throw new InputError(`${opts.dates.length} dates for a window of ${window} steps`);
  }
  const steps = opts.dates ?? Array.from({ length: window }, (_, s) => s + 1);
  const vs = opts.threshold === undefined ? '' : ` (threshold ${opts.threshold.toFixed(4)})`;
  const title = `${opts.title ?? `Window ${index}: input and reconstruction`}, MAE ${w.mae.toFixed(4)}${vs}`;
  const base = baseLayout({
    title,
    x: opts.dates ? 'date' : 'step',
    y: 'scaled value',
    xType: opts.dates ? 'date' : 'linear',
  });
  const data = [
    { type: 'scatter', mode: 'lines+markers', name: 'input', x: steps, y: w.input, line: { color: COLORS.train } },
    {
      type: 'scatter',
      mode: 'lines+markers',
      name: 'reconstruction',
      x: steps,
      y: w.recon,
      line: { color: COLORS.test, dash: 'dot' },
    },
    { type: 'bar', name: 'per-step error', x: steps, y: w.error, yaxis: 'y2', marker: { color: COLORS.anomaly } },
  ];
  const layout = {
    ...base,
    xaxis: { ...(base.xaxis as object), anchor: 'y2' },
    yaxis: { ...(base.yaxis as object), domain: [0.42, 1], title: { text: plotText('scaled value') } },
    yaxis2: {
      ...(base.yaxis as object),
      domain: [0, 0.32],
      anchor: 'x',
      title: { text: 'error' },
      rangemode: 'tozero',
    },
    legend: { orientation: 'h', x: 0, xanchor: 'left', y: -0.2, yanchor: 'top' },
    margin: { l: 64, r: 24, t: 56, b: 90 },
  };
  return { data, layout };
}
