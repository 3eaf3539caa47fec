import { meanStd } from './percentile';

/** Standard deviations tried by {@link dynamicEpsilon}: 2, 2.5, ..., 10 (as Orion's z range, Hundman's step). */
export const DYNAMIC_Z = Array.from({ length: 17 }, (_, i) => 2 + i * 0.5);

/**
 * Hundman et al.'s non-parametric threshold (KDD 2018): ε = mean + z·σ of the errors, with z chosen from `zs` to
 * maximise (Δmean/mean + Δσ/σ) / (#points above ε + #runs above ε²), where Δ is the drop in mean and population
 * standard deviation when the points above ε are removed (Orion's `_find_threshold` cost). Ties keep the smaller
 * z; when no z flags anything the largest z is used. Constant or all-zero errors give ε = mean (flags nothing).
 *
 * @throws Error for no errors.
 * @example
 * dynamicEpsilon([1, 1, 1, 1, 1, 1, 1, 1, 1, 10]); // { epsilon: 7.3, z: 2 } (mean 1.9, σ 2.7)
 */
export function dynamicEpsilon(errors: ArrayLike<number>, zs: number[] = DYNAMIC_Z): { epsilon: number; z: number } {
  const { mean, std } = meanStd(errors);
  if (!(std > 0) || !(mean > 0)) return { epsilon: mean, z: 0 };
  let best = { z: zs[zs.length - 1], cost: -Infinity };
  for (const z of zs) {
    const eps = mean + z * std;
    const below: number[] = [];
    let above = 0;
    let seqs = 0;
    for (let i = 0; i < errors.length; i++) {
      if (errors[i] > eps) {
        above++;
        if (i === 0 || !(errors[i - 1] > eps)) seqs++;
      } else below.push(errors[i]);
    }
    if (above === 0) continue;
    const b = meanStd(below);
    const cost = ((mean - b.mean) / mean + (std - b.std) / std) / (above + seqs * seqs);
    if (cost > best.cost) best = { z, cost };
  }
  return { epsilon: mean + best.z * std, z: best.z };
}
