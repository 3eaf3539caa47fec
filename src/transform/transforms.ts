import type { Series } from '../data/series';
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
  const values: number[][] = [];
  for (let t = 1; t < series.values.length; t++) {
    const prev = series.values[t - 1];
    values.push(
      series.values[t].map((v, j) => {
        if (kind === 'diff') return v - prev[j];
        if (!(v > 0) || !(prev[j] > 0)) {
          const bad = v > 0 ? t - 1 : t;
          throw new InputError(
            `${series.source}: log returns need positive values, column "${series.columns[j]}" is ${series.values[bad][j]} on ${series.dates[bad]} (use --transform diff or none)`,
          );
        }
        return Math.log(v / prev[j]);
      }),
    );
  }
  return { dates: series.dates.slice(1), values, columns: series.columns, source: series.source };
}
