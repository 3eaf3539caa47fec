import type { RunResult } from '../result';

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * The CLI summary lines of a run's events: `N events (M windows)`, the threshold's explanation, the largest
 * events and, with labels, the evaluation.
 *
 * @throws never.
 * @example
 * eventSummary(result)[0]; // '1 event (27 windows): 2020-01-29 .. 2020-04-17'
 */
export function eventSummary(result: RunResult): string[] {
  const events = result.events ?? [];
  const windows = (result.test ?? []).filter((w) => w.anomaly).length;
  const shown = events
    .slice()
    .sort((a, b) => b.severity - a.severity)
    .slice(0, 3)
    .map((e) => (e.start === e.end ? e.start : `${e.start} .. ${e.end}`))
    .join('; ');
  const lines = [
    `${plural(events.length, 'event')} (${plural(windows, 'window')})${shown ? `: ${shown}` : ''}` +
      `${events.length > 3 ? ' (the 3 most severe)' : ''}`,
  ];
  if (result.threshold.explanation) lines.push(`threshold: ${result.threshold.explanation}`);
  const ev = result.evaluation;
  if (ev) {
    const o = ev.overlap;
    lines.push(
      `evaluation against ${plural(ev.labels, 'label')}: overlap-segment P ${o.precision.toFixed(3)} ` +
        `R ${o.recall.toFixed(3)} F1 ${o.f1.toFixed(3)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn}); point-wise F1 ` +
        `${ev.pointwise.f1.toFixed(3)}; AUC-PR ${Number.isFinite(ev.aucPr) ? ev.aucPr.toFixed(3) : '-'}`,
    );
  }
  return lines;
}
