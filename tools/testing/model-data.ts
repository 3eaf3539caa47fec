import { Rng } from '../../src/util/random';

/**
 * Seeded test windows: noisy sines with a random phase per window, `n * T * F` values in [-1, 1].
 * @example
 * const x = testWindows(40, 10, 1, 7);
 */
export function testWindows(n: number, T: number, F: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const x = new Float32Array(n * T * F);
  for (let i = 0; i < n; i++) {
    const phase = rng.uniform(0, 2 * Math.PI);
    for (let t = 0; t < T; t++) {
      for (let c = 0; c < F; c++) x[(i * T + t) * F + c] = 0.8 * Math.sin(phase + 0.4 * t + c) + 0.1 * rng.normal();
    }
  }
  return x;
}

/**
 * Largest absolute difference divided by the largest magnitude of `ref` (a scale-aware relative error).
 * @throws Error when the lengths differ.
 * @example
 * relErr(engineGrad, autogradGrad) < 1e-5;
 */
export function relErr(a: ArrayLike<number>, ref: ArrayLike<number>): number {
  if (a.length !== ref.length) throw new Error(`relErr: lengths ${a.length} and ${ref.length}`);
  let d = 0,
    m = 0;
  for (let k = 0; k < a.length; k++) {
    d = Math.max(d, Math.abs(a[k] - ref[k]));
    m = Math.max(m, Math.abs(ref[k]));
  }
  return m === 0 ? d : d / m;
}
