import { decimate, pick } from './decimate';
import { baseLayout, COLORS, type Figure } from './figure';

/** The per-step scores a step rule flagged: each step's score, its threshold and whether it was flagged. */
export interface StepTimelineView {
  dates: string[];
  scores: ArrayLike<number>;
  thresholds: ArrayLike<number>;
  flags: ArrayLike<boolean>;
}

/**
 * Chart (e) of a run whose flags come from a step rule (`window-sigma[:k]`, `dynamic`): the per-step score over
 * time against the threshold of each step (the line that flagged), the flagged steps as red markers. A long
 * series is drawn decimated (min/max per bucket), always through the flagged steps.
 *
 * @throws never.
 * @example
 * const fig = stepTimeline({ ...stepView(run.stage), flags: run.stage.flags }, 'window-sigma:3');
 */
export function stepTimeline(v: StepTimelineView, rule: string): Figure {
  const n = Math.min(v.dates.length, v.scores.length);
  const flagged: number[] = [];
  for (let s = 0; s < n; s++) if (v.flags[s]) flagged.push(s);
  const idx = decimate(Array.prototype.slice.call(v.scores, 0, n) as number[], undefined, flagged);
  const finite = (t: number): number | null => (Number.isFinite(t) ? t : null);
  const data = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'step score',
      x: pick(v.dates, idx),
      y: idx.map((s) => v.scores[s]),
      line: { color: COLORS.test, width: 1.5 },
      hovertemplate: '%{x}<br>score: %{y:.5g}<extra></extra>',
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `threshold ${rule} (per step)`,
      x: pick(v.dates, idx),
      y: idx.map((s) => finite(v.thresholds[s])),
      line: { color: COLORS.threshold, width: 2, dash: 'dash' },
      hoverinfo: 'skip',
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: `flagged steps (${flagged.length})`,
      x: flagged.map((s) => v.dates[s]),
      y: flagged.map((s) => v.scores[s]),
      marker: { color: COLORS.anomaly, size: 5 },
      hovertemplate: '%{x}<br>score: %{y:.5g}<extra>flagged</extra>',
    },
  ];
  const layout = baseLayout({
    title: `Per-step score over time, flagged by ${rule}`,
    x: 'date',
    y: 'per-step score',
    xType: 'date',
  });
  return { data, layout };
}
