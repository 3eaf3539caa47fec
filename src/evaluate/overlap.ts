import { type Counts, scoreCounts } from './counts';

/**
 * Overlap-segment counts (Orion's `contextual` metrics with `weighted=False`): a labeled interval overlapped by at
 * least one event is a true positive, one overlapped by none a false negative, and an event overlapping no label
 * a false positive. Intervals are inclusive `[start, end]` in any common unit (steps or milliseconds); touching
 * ends count as overlap (Orion's strict test `(e0 - o1)(e1 - o0) < 0` does not count them).
 *
 * @throws never.
 * @example
 * overlapSegment([[0, 10], [20, 30]], [[5, 6], [8, 9], [40, 41]]); // tp 1, fp 1, fn 1
 */
export function overlapSegment(labels: [number, number][], events: [number, number][]): Counts {
  const hit = (l: [number, number], e: [number, number]): boolean => l[0] <= e[1] && e[0] <= l[1];
  const tp = labels.filter((l) => events.some((e) => hit(l, e))).length;
  const fp = events.filter((e) => !labels.some((l) => hit(l, e))).length;
  return scoreCounts(tp, fp, labels.length - tp);
}
