import { dateAt, hasCompactValues, rowCount, type Series, sliceSeries, valueAt, withValues } from '../data/series';
import { TRANSFORMS } from '../util/choices';
import { InputError, invalid } from '../util/errors';

/** A stateless transform applied before scaling: `none`, log returns `ln(v[t]/v[t-1])`, or differences `v[t]-v[t-1]`. */
export type TransformKind = 'none' | 'logret' | 'diff';

/** The transforms there are (the one list, in src/util/choices.ts). */
export { TRANSFORMS };

/** Rows a transform consumes at the start of a series (0 for none, 1 for logret and diff). */
export function transformLag(kind: TransformKind): number {
  return kind === 'none' ? 0 : 1;
}

/**
 * Apply a transform to every feature; logret and diff drop the first row (each row is dated by its later day).
 *
 * @throws InputError `invalid transform: <kind>`; for logret, a value <= 0 (naming date and column).
 * @example
 * applyTransform(series, 'logret'); // rows: n - 1
 */
export function applyTransform(series: Series, kind: TransformKind): Series {
  if (!TRANSFORMS.includes(kind)) throw invalid('transform', kind, TRANSFORMS.join(', '));
  if (kind === 'none') return series;
  const n = rowCount(series);
  const f = series.columns.length;
  // a compact series gives typed columns (no array per row), a series of arrays gives arrays as before
  const typed = hasCompactValues(series);
  const cols = typed ? Array.from({ length: f }, () => new Float64Array(Math.max(0, n - 1))) : [];
  const rows: number[][] = [];
  for (let t = 1; t < n; t++) {
    const row = typed ? [] : new Array<number>(f);
    for (let j = 0; j < f; j++) {
      const v = valueAt(series, t, j);
      const prev = valueAt(series, t - 1, j);
      let x: number;
      if (kind === 'diff') x = v - prev;
      else {
        if (!(v > 0) || !(prev > 0)) {
          const bad = v > 0 ? t - 1 : t;
          throw new InputError(
            `${series.source}: log returns need positive values, column "${series.columns[j]}" is ${valueAt(series, bad, j)} on ${dateAt(series, bad)} (use --transform diff or none)`,
          );
        }
        x = Math.log(v / prev);
      }
      if (typed) cols[j][t - 1] = x;
      else row[j] = x;
    }
    if (!typed) rows.push(row);
  }
  return withValues(sliceSeries(series, 1, Math.max(1, n)), typed ? cols : rows);
}
