import { type ValueTable, valueTable } from '../data/series';
import { InputError, invalid } from '../util/errors';

/** Largest finite float32: the models compute in float32, so scaled values must stay within ±this. */
export const FLOAT32_MAX = 3.4028234663852886e38;

/** Serialised scaler: per-feature arrays. */
export type ScalerJson =
  | { kind: 'standard'; mean: number[]; std: number[] }
  | { kind: 'minmax'; min: number[]; max: number[] };

/** Scaler kinds: z-score with the population standard deviation (as scikit-learn), or min-max to [0, 1]. */
export type ScalerKind = 'standard' | 'minmax';

/**
 * A per-feature affine scaler `(x - offset) / scale`, fitted on training rows only.
 */
export class Scaler {
  private constructor(
    readonly kind: ScalerKind,
    readonly offset: number[],
    readonly scale: number[],
    private readonly max: number[] = [],
    private readonly columns: string[] = [],
  ) {}

  private name(j: number): string {
    return this.columns[j] ?? String(j);
  }

  /**
   * Fit on rows (`rows[t][feature]`). Standard: offset = mean, scale = population std (ddof 0).
   * Min-max: offset = min, scale = max - min.
   * @throws InputError for no rows, a constant feature (scale 0), a feature whose mean or spread overflows, or
   *   a training value that scales beyond the float32 range (naming the column).
   * @example
   * Scaler.fit('standard', [[1], [2], [3]]).transform([[2]]); // [[0]]
   */
  static fit(kind: ScalerKind, rows: number[][] | ValueTable, columns?: string[]): Scaler {
    if (kind !== 'standard' && kind !== 'minmax') throw invalid('scaler', kind, 'standard or minmax');
    const t = Array.isArray(rows) ? valueTable(rows) : rows;
    const n = t.length;
    if (n === 0) throw new InputError('cannot fit a scaler on no rows');
    const f = t.features;
    const offset: number[] = [];
    const scale: number[] = [];
    const maxes: number[] = [];
    for (let j = 0; j < f; j++) {
      let a: number;
      let b: number;
      if (kind === 'standard') {
        let s = 0;
        for (let r = 0; r < n; r++) s += t.at(r, j);
        a = s / n;
        let ss = 0;
        for (let r = 0; r < n; r++) ss += (t.at(r, j) - a) ** 2;
        b = Math.sqrt(ss / n);
      } else {
        a = Infinity;
        let hi = -Infinity;
        for (let r = 0; r < n; r++) {
          const v = t.at(r, j);
          if (v < a) a = v;
          if (v > hi) hi = v;
        }
        b = hi - a;
        maxes.push(hi);
      }
      if (!Number.isFinite(a) || !Number.isFinite(b)) {
        const what = kind === 'standard' ? 'mean or standard deviation' : 'range';
        throw new InputError(
          `column "${columns?.[j] ?? j}": values too large to scale (their ${what} overflows); scale the data down first`,
        );
      }
      if (!(b > 0)) {
        throw new InputError(
          `constant series: column "${columns?.[j] ?? j}" has the same value (${t.at(0, j)}) in all ${n} training rows; nothing to learn`,
        );
      }
      offset.push(a);
      scale.push(b);
    }
    const scaler = new Scaler(kind, offset, scale, maxes, columns ? [...columns] : []);
    // every training value must scale into float32: checked in place (no scaled copy of millions of rows); the
    // first one that does not is reported by scaleAt
    for (let r = 0; r < n; r++) for (let j = 0; j < f; j++) scaler.scaleAt(t.at(r, j), j, r);
    return scaler;
  }

  static fromJSON(j: ScalerJson): Scaler {
    return j.kind === 'standard'
      ? new Scaler('standard', [...j.mean], [...j.std])
      : new Scaler(
          'minmax',
          [...j.min],
          j.max.map((hi, k) => hi - j.min[k]),
          [...j.max],
        );
  }

  /**
   * Scale rows.
   * @throws InputError naming the column and row when a scaled value is beyond the float32 range (or not finite).
   * @example
   * Scaler.fit('minmax', [[0], [10]]).transform([[5]]); // [[0.5]]
   */
  transform(rows: number[][]): number[][] {
    return rows.map((r, i) => r.map((v, j) => this.scaleAt(v, j, i)));
  }

  /**
   * One value of column `j` scaled, as {@link transform} scales it; `row` (from 0) names it in the error.
   *
   * @throws InputError when the value scales beyond the float32 range.
   * @example
   * scaler.scaleAt(3230.78, 0, 0); // e.g. 1.42
   */
  scaleAt(v: number, j: number, row: number): number {
    const x = (v - this.offset[j]) / this.scale[j];
    if (!(Math.abs(x) <= FLOAT32_MAX)) {
      const where = `column "${this.name(j)}": value ${v} at row ${row + 1}`;
      throw new InputError(`${where} scales to ${x}, beyond the float32 range (±3.4e38) the model computes in`);
    }
    return x;
  }

  inverse(rows: number[][]): number[][] {
    return rows.map((r) => r.map((v, j) => v * this.scale[j] + this.offset[j]));
  }

  /** JSON form: `{kind:'standard', mean, std}` or `{kind:'minmax', min, max}`. */
  toJSON(): ScalerJson {
    return this.kind === 'standard'
      ? { kind: 'standard', mean: [...this.offset], std: [...this.scale] }
      : { kind: 'minmax', min: [...this.offset], max: [...this.max] };
  }
}
