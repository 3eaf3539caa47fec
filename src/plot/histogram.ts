import { invalid } from '../util/errors';
import { plotText } from './text';
import { baseLayout, COLORS, Figure, fmt, vline } from './figure';

/** Options of {@link maeHistogram}. */
export interface MaeHistogramOptions {
  /** Bar colour. Default the training colour (blue); use `COLORS.test` for test scores. */
  color?: string;
  /** Legend name of the bars. Default `windows`. */
  name?: string;
  /** Number of bins Plotly aims for. Default 50. */
  bins?: number;
  /** X-axis title. Default `reconstruction MAE`. */
  xTitle?: string;
}

/**
 * Charts (c) and (d): histogram of window reconstruction errors (MAE) with the threshold as a dashed vertical
 * line, labelled with its value and how many windows lie above it.
 *
 * @throws InputError `invalid threshold: <v>` when the threshold is not finite.
 * @example
 * const fig = maeHistogram(result.trainScores, result.threshold.value, 'Training MAE');
 * const testFig = maeHistogram(result.test.map((w) => w.mae), result.threshold.value, 'Test MAE', { color: COLORS.test });
 */
export function maeHistogram(scores: number[], threshold: number, title: string, opts: MaeHistogramOptions = {}): Figure {
  if (!Number.isFinite(threshold)) throw invalid('threshold', threshold, 'a finite number');
  const above = scores.filter((s) => s > threshold).length;
  const color = opts.color ?? COLORS.train;
  const data = [{
    type: 'histogram', name: plotText(opts.name ?? 'windows'), x: scores, nbinsx: opts.bins ?? 50,
    marker: { color, line: { color: '#ffffff', width: 0.5 } }, opacity: 0.85,
    hovertemplate: 'MAE %{x}<br>%{y} windows<extra></extra>',
  }];
  const layout: Record<string, unknown> = {
    ...baseLayout({ title, x: opts.xTitle ?? 'reconstruction MAE', y: 'windows' }),
    bargap: 0.02,
    showlegend: false,
    shapes: [vline(threshold, COLORS.anomaly)],
    annotations: [{
      x: threshold, xref: 'x', y: 1, yref: 'paper', xanchor: 'left', yanchor: 'top', xshift: 4, showarrow: false,
      text: `threshold ${fmt(threshold)}<br>${above} of ${scores.length} above`, align: 'left',
      font: { size: 11, color: COLORS.anomaly }, bgcolor: 'rgba(255,255,255,0.8)',
    }],
  };
  // Keep the threshold line in view even when every score lies on one side of it.
  let lo = threshold;
  let hi = threshold;
  for (const s of scores) if (Number.isFinite(s)) { lo = Math.min(lo, s); hi = Math.max(hi, s); }
  if (scores.length > 0 && hi > lo) (layout.xaxis as Record<string, unknown>).range = [lo - 0.04 * (hi - lo), hi + 0.04 * (hi - lo)];
  return { data, layout };
}
