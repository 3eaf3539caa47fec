import { invalid } from '../util/errors';
import { baseLayout, COLORS, type Figure, fmt, vline } from './figure';
import { plotText } from './text';

/** Options of {@link maeHistogram}. */
export interface MaeHistogramOptions {
  /** Bar colour. Default the training colour (blue); use `COLORS.test` for test scores. */
  color?: string;
  /** Legend name of the bars. Default `windows`. */
  name?: string;
  /** What one score is, on the y axis and in the hover text (`rows` for a table). Default `windows`. */
  unit?: string;
  /** Number of bins Plotly aims for. Default 50. */
  bins?: number;
  /** X-axis title. Default `reconstruction MAE`. */
  xTitle?: string;
  /** With no threshold line: a note in the corner, e.g. `window-sigma:3 flags per step; 5 windows flagged`. */
  note?: string;
}

/** Above this many scores the histogram is binned here and drawn as bars (the page carries counts, not scores). */
export const BIN_ABOVE = 10000;

/**
 * `bins` equal bins over the finite scores: bin centres, counts and the bin width.
 *
 * @throws never: no finite score gives no bins.
 * @example
 * binScores([0, 1, 1, 2], 2); // { centers: [0.5, 1.5], counts: [1, 3], width: 1 }
 */
export function binScores(
  scores: ArrayLike<number>,
  bins: number,
): { centers: number[]; counts: number[]; width: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < scores.length; i++)
    if (Number.isFinite(scores[i])) {
      lo = Math.min(lo, scores[i]);
      hi = Math.max(hi, scores[i]);
    }
  if (lo > hi) return { centers: [], counts: [], width: 0 };
  const width = hi > lo ? (hi - lo) / bins : 1;
  const counts = new Array<number>(hi > lo ? bins : 1).fill(0);
  for (let i = 0; i < scores.length; i++) {
    if (Number.isFinite(scores[i])) counts[Math.min(counts.length - 1, Math.floor((scores[i] - lo) / width))]++;
  }
  return { centers: counts.map((_, k) => lo + (k + 0.5) * width), counts, width };
}

/**
 * Charts (c) and (d): histogram of window reconstruction errors (MAE) with the threshold as a dashed vertical
 * line, labelled with its value and how many windows lie above it. More than {@link BIN_ABOVE} scores are binned
 * here into `bins` bars, so the page stays small.
 *
 * `threshold` null draws no line: a step rule flags steps, not windows above one value (say so in `opts.note`).
 *
 * @throws InputError `invalid threshold: <v>` when the threshold is a number that is not finite.
 * @example
 * const fig = maeHistogram(result.trainScores, result.threshold.value, 'Training MAE');
 * const testFig = maeHistogram(result.test.map((w) => w.mae), result.threshold.value, 'Test MAE', { color: COLORS.test });
 */
export function maeHistogram(
  scores: number[],
  threshold: number | null,
  title: string,
  opts: MaeHistogramOptions = {},
): Figure {
  if (threshold !== null && !Number.isFinite(threshold)) throw invalid('threshold', threshold, 'a finite number');
  const color = opts.color ?? COLORS.train;
  const name = plotText(opts.name ?? 'windows');
  const unit = plotText(opts.unit ?? 'windows');
  const marker = { color, line: { color: '#ffffff', width: 0.5 } };
  const binned = scores.length > BIN_ABOVE ? binScores(scores, opts.bins ?? 50) : null;
  const data = [
    binned
      ? {
          type: 'bar',
          name,
          x: binned.centers,
          y: binned.counts,
          width: binned.width,
          marker,
          opacity: 0.85,
          hovertemplate: `MAE %{x:.5g}<br>%{y} ${unit}<extra></extra>`,
        }
      : {
          type: 'histogram',
          name,
          x: scores,
          nbinsx: opts.bins ?? 50,
          marker,
          opacity: 0.85,
          hovertemplate: `MAE %{x}<br>%{y} ${unit}<extra></extra>`,
        },
  ];
  const layout: Record<string, unknown> = {
    ...baseLayout({ title, x: opts.xTitle ?? 'reconstruction MAE', y: opts.unit ?? 'windows' }),
    bargap: 0.02,
    showlegend: false,
  };
  const note = (text: string, at: Record<string, unknown>) => ({
    ...at,
    y: 1,
    yref: 'paper',
    yanchor: 'top',
    showarrow: false,
    text,
    align: 'left',
    font: { size: 11, color: COLORS.anomaly },
    bgcolor: 'rgba(255,255,255,0.8)',
  });
  if (threshold === null) {
    layout.shapes = [];
    layout.annotations = opts.note ? [note(plotText(opts.note), { x: 1, xref: 'paper', xanchor: 'right' })] : [];
    return { data, layout };
  }
  const above = scores.filter((s) => s > threshold).length;
  // Keep the threshold line in view even when every score lies on one side of it.
  let lo = threshold;
  let hi = threshold;
  for (const s of scores)
    if (Number.isFinite(s)) {
      lo = Math.min(lo, s);
      hi = Math.max(hi, s);
    }
  // In the right third of the axis the label goes left of the line, so it is not cut off at the edge.
  const right = hi > lo && threshold > lo + (2 / 3) * (hi - lo);
  Object.assign(layout, {
    shapes: [vline(threshold, COLORS.anomaly)],
    annotations: [
      {
        x: threshold,
        xref: 'x',
        y: 1,
        yref: 'paper',
        xanchor: right ? 'right' : 'left',
        yanchor: 'top',
        xshift: right ? -4 : 4,
        showarrow: false,
        text: `threshold ${fmt(threshold)}<br>${above} of ${scores.length} above`,
        align: 'left',
        font: { size: 11, color: COLORS.anomaly },
        bgcolor: 'rgba(255,255,255,0.8)',
      },
    ],
  });
  if (scores.length > 0 && hi > lo)
    (layout.xaxis as Record<string, unknown>).range = [lo - 0.04 * (hi - lo), hi + 0.04 * (hi - lo)];
  return { data, layout };
}
