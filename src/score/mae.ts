/**
 * Reconstruction error of each window: the mean absolute error over its steps and features.
 *
 * @throws Error when x and recon differ in length or do not hold n windows of `size` values.
 * @example
 * windowMae(new Float32Array([0, 0]), new Float32Array([1, 3]), 1); // [2]
 */
export function windowMae(x: Float32Array, recon: Float32Array, n: number): number[] {
  if (x.length !== recon.length || (n > 0 && x.length % n !== 0)) {
    throw new Error(`invalid reconstruction: ${recon.length} values for ${x.length} inputs in ${n} windows`);
  }
  if (n === 0) return [];
  const size = x.length / n;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let s = 0;
    for (let k = i * size; k < (i + 1) * size; k++) s += Math.abs(x[k] - recon[k]);
    out[i] = s / size;
  }
  return out;
}

/**
 * Mean loss over all values: mean absolute error (`mae`) or mean squared error (`mse`).
 *
 * @example
 * meanLoss(new Float32Array([0, 0]), new Float32Array([1, 3]), 'mse'); // 5
 */
export function meanLoss(x: Float32Array, recon: Float32Array, kind: 'mae' | 'mse'): number {
  if (x.length === 0) return NaN;
  let s = 0;
  for (let k = 0; k < x.length; k++) {
    const d = x[k] - recon[k];
    s += kind === 'mae' ? Math.abs(d) : d * d;
  }
  return s / x.length;
}
