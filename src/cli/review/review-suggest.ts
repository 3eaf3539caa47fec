import { type Counts, scoreCounts } from '../../evaluate/counts';
import { isoMillis, type LabelInterval } from '../../evaluate/labels';
import { overlapSegment } from '../../evaluate/overlap';
import type { ScoredWindow } from '../../result';
import { flagRuns, mergeRuns } from '../../threshold/runs';

/** Number of quantiles the threshold candidates are read at (0, 1/199, ..., 1 of the window MAEs). */
export const REVIEW_CANDIDATES = 200;

/** An interval in milliseconds since the epoch, inclusive. */
type Span = [number, number];

/**
 * Intervals of label or event dates, in milliseconds.
 *
 * @throws never.
 * @example
 * spansOf([{ start: '1970-01-01', end: '1970-01-02' }]); // [[0, 86400000]]
 */
export function spansOf(list: { start: string; end: string }[]): Span[] {
  return list.map((l) => [isoMillis(l.start), isoMillis(l.end)]);
}

/**
 * The events a window threshold gives (as `score --threshold X` forms them): each run of windows with MAE above
 * `threshold`, runs fewer than `window - 1` windows apart merged, from its first window's start to its last
 * window's end.
 *
 * @throws never.
 * @example
 * windowEventSpans(result.test, 0.02, 30).length;
 */
export function windowEventSpans(windows: ScoredWindow[], threshold: number, window: number): Span[] {
  const flags = windows.map((w) => w.mae > threshold);
  return mergeRuns(flagRuns(flags), window - 1).map(([a, b]) => [
    isoMillis(windows[a].start),
    isoMillis(windows[b].end),
  ]);
}

/**
 * How well events match marks: overlap-segment counts, with F1 1 when there is neither a mark nor an event.
 *
 * @throws never.
 * @example
 * matchCounts([[0, 10]], [[5, 6]]).f1; // 1
 */
export function matchCounts(marks: Span[], events: Span[]): Counts {
  const c = overlapSegment(marks, events);
  return c.tp + c.fp + c.fn === 0 ? { ...scoreCounts(0, 0, 0), f1: 1 } : c;
}

/** A suggested window threshold and how its events match the marks. */
export interface ThresholdSuggestion {
  threshold: number;
  counts: Counts;
  events: number;
  /** Distinct candidates tried. */
  candidates: number;
}

/**
 * The window threshold whose events best match the marks by overlap-segment F1. Candidates: the distinct window
 * MAEs at {@link REVIEW_CANDIDATES} evenly spaced quantiles (nearest rank, the lowest to the highest MAE; a window
 * is flagged when its MAE is above the threshold). Ties: the fewer false positives, then the higher threshold.
 *
 * @throws never; with no windows the threshold is NaN.
 * @example
 * suggestThreshold(result.test, spansOf(marks), 30).threshold;
 */
export function suggestThreshold(windows: ScoredWindow[], marks: Span[], window: number): ThresholdSuggestion {
  const sorted = windows.map((w) => w.mae).sort((a, b) => a - b);
  const n = sorted.length;
  const cands = [
    ...new Set(
      Array.from({ length: REVIEW_CANDIDATES }, (_, k) => sorted[Math.round((k * (n - 1)) / (REVIEW_CANDIDATES - 1))]),
    ),
  ].filter((v) => v !== undefined);
  let best: ThresholdSuggestion = { threshold: NaN, counts: scoreCounts(0, 0, 0), events: 0, candidates: cands.length };
  for (const t of cands) {
    const ev = windowEventSpans(windows, t, window);
    const c = matchCounts(marks, ev);
    const b = best.counts;
    const better =
      Number.isNaN(best.threshold) ||
      c.f1 > b.f1 ||
      (c.f1 === b.f1 && (c.fp < b.fp || (c.fp === b.fp && t > best.threshold)));
    if (better) best = { threshold: t, counts: c, events: ev.length, candidates: cands.length };
  }
  return best;
}

/**
 * The marks that touch the scored span `[from, to]` (the others, in a split's training part, cannot be hit).
 *
 * @throws never.
 * @example
 * marksInSpan(marks, result.test[0].start, result.test.at(-1).end);
 */
export function marksInSpan(marks: LabelInterval[], from: string, to: string): LabelInterval[] {
  const a = isoMillis(from);
  const b = isoMillis(to);
  return marks.filter((m) => isoMillis(m.end) >= a && isoMillis(m.start) <= b);
}
