import type { RunResult } from '../../result';

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * The line saying how many labels lie outside the scored span (in a split's training part) and count as misses.
 *
 * @throws never.
 * @example
 * outsideLine(2); // '2 labels outside the scored span (in the training part): counted as misses (fn)'
 */
export function outsideLine(n: number): string {
  return `${plural(n, 'label')} outside the scored span (in the training part): counted as misses (fn)`;
}

/**
 * The CLI summary lines of a run's events: `N events (M windows)` with the largest events, one indented line
 * per shown event with its explanation (when it has one), the threshold's explanation and, with labels, the
 * evaluation.
 *
 * @throws never.
 * @example
 * eventSummary(result)[0]; // '1 event (27 windows): 2020-02-25 .. 2020-04-17'
 */
export function eventSummary(result: RunResult): string[] {
  const events = result.events ?? [];
  const windows = (result.test ?? []).filter((w) => w.anomaly).length;
  const top = events
    .slice()
    .sort((a, b) => b.severity - a.severity)
    .slice(0, 3);
  const span = (e: (typeof events)[number]): string => (e.start === e.end ? e.start : `${e.start} .. ${e.end}`);
  const shown = top.map(span).join('; ');
  const lines = [
    `${plural(events.length, 'event')} (${plural(windows, 'window')})${shown ? `: ${shown}` : ''}` +
      `${events.length > 3 ? ' (the 3 most severe)' : ''}`,
  ];
  for (const e of top) if (e.explanation) lines.push(`  ${span(e)}: ${e.explanation}`);
  if (result.threshold.explanation) lines.push(`threshold: ${result.threshold.explanation}`);
  const ev = result.evaluation;
  if (ev) {
    const o = ev.overlap;
    const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');
    // no event means no precision to give (0 / 0): say so rather than print NaN
    const overlap =
      o.tp + o.fp === 0
        ? `overlap-segment: no events (tp 0, fp 0, fn ${o.fn})`
        : `overlap-segment P ${f3(o.precision)} R ${f3(o.recall)} F1 ${f3(o.f1)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`;
    lines.push(
      `evaluation against ${plural(ev.labels, 'label')}: ${overlap}; point-wise F1 ` +
        `${f3(ev.pointwise.f1)}; AUC-PR ${f3(ev.aucPr)}`,
    );
    if (ev.labelsOutside) lines.push(outsideLine(ev.labelsOutside));
  }
  return lines;
}
