import { InputError } from '../util/errors';
import { isoMillis, type LabelInterval } from './labels';

/** Labels placed on a series' steps. */
export interface StepLabels {
  /** True at every step whose date lies inside a label (inclusive). */
  truth: boolean[];
  /** Each label as inclusive step indices `[first, last]` of the steps inside it (clipped to the series). */
  spans: [number, number][];
}

/**
 * Place labeled intervals on a series' dates (in time order). A label that only partly overlaps the series is
 * clipped to it; one holding no step of the series is refused.
 *
 * @throws InputError `<name>: label <start>..<end> is outside the series (<first>..<last>)`, or holds no step.
 * @example
 * labelSteps([{ start: '2020-01-02', end: '2020-01-09' }], ['2020-01-01', '2020-01-02']).spans; // [[1, 1]]
 */
export function labelSteps(labels: LabelInterval[], dates: string[], name = 'labels'): StepLabels {
  const t = dates.map(isoMillis);
  const truth = new Array<boolean>(dates.length).fill(false);
  const spans: [number, number][] = [];
  for (const l of labels) {
    const a = isoMillis(l.start);
    const b = isoMillis(l.end);
    if (!Number.isFinite(a) || !Number.isFinite(b)) {
      throw new InputError(`${name}: invalid label dates ${l.start}..${l.end}`);
    }
    if (dates.length === 0 || b < t[0] || a > t[t.length - 1]) {
      const range = dates.length ? `${dates[0]}..${dates[dates.length - 1]}` : 'empty';
      throw new InputError(`${name}: label ${l.start}..${l.end} is outside the series (${range})`);
    }
    let first = -1;
    let last = -1;
    for (let i = 0; i < t.length; i++) {
      if (t[i] >= a && t[i] <= b) {
        truth[i] = true;
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first < 0) throw new InputError(`${name}: label ${l.start}..${l.end} holds no step of the series`);
    spans.push([first, last]);
  }
  return { truth, spans };
}
