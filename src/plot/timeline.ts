import { invalid } from '../util/errors';
import { decimate } from './decimate';
import { baseLayout, COLORS, type Figure, fmt } from './figure';
import { brokenLine } from './gaps';

/** A scored window as the timeline needs it: the part of a `ScoredWindow` it draws. */
export interface TimelinePoint {
  /** ISO date of the window's last step (x). */
  end: string;
  /** Reconstruction error of the window (y). */
  mae: number;
  /** True when the window is flagged. */
  anomaly: boolean;
}

/** Options of {@link maeTimeline}. */
export interface MaeTimelineOptions {
  /** Chart title. Default `Test reconstruction error over time`. */
  title?: string;
}

/**
 * Chart (e): test MAE over time (x = window end date) against the threshold line; flagged windows as red markers.
 * A long line is drawn decimated (min/max per bucket), always through the flagged windows.
 *
 * `threshold` null draws no line (a step rule flagged the windows: its thresholds are per step, see `stepTimeline`).
 *
 * @throws InputError `invalid threshold: <v>` when the threshold is a number that is not finite.
 * @example
 * const fig = maeTimeline(result.test, result.threshold.value);
 */
export function maeTimeline(windows: TimelinePoint[], threshold: number | null, opts: MaeTimelineOptions = {}): Figure {
  if (threshold !== null && !Number.isFinite(threshold)) throw invalid('threshold', threshold, 'a finite number');
  const x = windows.map((w) => w.end);
  const flagged = windows.filter((w) => w.anomaly);
  const idx = decimate(
    windows.map((w) => w.mae),
    undefined,
    windows.flatMap((w, i) => (w.anomaly ? [i] : [])),
  );
  const span = x.length > 0 ? [x[0], x[x.length - 1]] : [];
  const data: Array<Record<string, unknown>> = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'test MAE',
      ...brokenLine(
        x,
        windows.map((w) => w.mae),
        idx,
      ),
      line: { color: COLORS.test, width: 1.5 },
      hovertemplate: '%{x}<br>MAE: %{y:.5g}<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: `anomalies (${flagged.length})`,
      x: flagged.map((w) => w.end),
      y: flagged.map((w) => w.mae),
      marker: { color: COLORS.anomaly, size: 7, line: { color: '#ffffff', width: 1 } },
      hovertemplate: '%{x}<br>MAE: %{y:.5g}<extra>anomaly</extra>',
    },
  ];
  if (threshold !== null) {
    data.splice(1, 0, {
      type: 'scatter',
      mode: 'lines',
      name: `threshold (${fmt(threshold)})`,
      x: span,
      y: span.map(() => threshold),
      line: { color: COLORS.threshold, width: 2, dash: 'dash' },
      hoverinfo: 'skip',
    });
  }
  const layout = baseLayout({
    title: opts.title ?? 'Test reconstruction error over time',
    x: 'window end date',
    y: 'reconstruction MAE',
    xType: 'date',
  });
  return { data, layout };
}
