import { invalid, InputError } from '../util/errors';


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
  private constructor(readonly kind: ScalerKind, readonly offset: number[], readonly scale: number[], private readonly max: number[] = []) {}

  /**
   * Fit on rows (`rows[t][feature]`). Standard: offset = mean, scale = population std (ddof 0).
   * Min-max: offset = min, scale = max - min.
   * @throws InputError for no rows, or a constant feature (scale 0).
   * @example
   * Scaler.fit('standard', [[1], [2], [3]]).transform([[2]]); // [[0]]
   */
  static fit(kind: ScalerKind, rows: number[][], columns?: string[]): Scaler {
    if (kind !== 'standard' && kind !== 'minmax') throw invalid('scaler', kind, 'standard or minmax');
    if (rows.length === 0) throw new InputError('cannot fit a scaler on no rows');
    const f = rows[0].length;
    const offset: number[] = [];
    const scale: number[] = [];
    const maxes: number[] = [];
    for (let j = 0; j < f; j++) {
      let a: number;
      let b: number;
      if (kind === 'standard') {
        let s = 0;
        for (const r of rows) s += r[j];
        a = s / rows.length;
        let ss = 0;
        for (const r of rows) ss += (r[j] - a) ** 2;
        b = Math.sqrt(ss / rows.length);
      } else {
        a = Infinity;
        let hi = -Infinity;
        for (const r of rows) { if (r[j] < a) a = r[j]; if (r[j] > hi) hi = r[j]; }
        b = hi - a;
        maxes.push(hi);
      }
      if (!(b > 0)) {
        throw new InputError(`constant series: column "${columns?.[j] ?? j}" has the same value (${rows[0][j]}) in all ${rows.length} training rows; nothing to learn`);
      }
      offset.push(a);
      scale.push(b);
    }
    return new Scaler(kind, offset, scale, maxes);
  }

  /** Rebuild a fitted scaler from its JSON. */
  static fromJSON(j: ScalerJson): Scaler {
    return j.kind === 'standard'
      ? new Scaler('standard', [...j.mean], [...j.std])
      : new Scaler('minmax', [...j.min], j.max.map((hi, k) => hi - j.min[k]), [...j.max]);
  }

  /** Scale rows. */
  transform(rows: number[][]): number[][] {
    return rows.map((r) => r.map((v, j) => (v - this.offset[j]) / this.scale[j]));
  }

  /** Undo the scaling. */
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
