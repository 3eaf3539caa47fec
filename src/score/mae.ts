import type { Autoencoder } from '../model';

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

/** Windows per chunk of {@link predictMae}. */
const MAE_CHUNK = 1 << 16;

/**
 * {@link windowMae} of `model`'s reconstructions of n windows, predicted a chunk of `chunk` windows at a time so
 * that only one chunk's reconstruction is held: the same numbers, since each window's reconstruction is its own
 * (whatever its batch; see src/model/engine/predict-chunks.test.ts).
 *
 * @throws Error when x does not hold n windows of the model's size.
 * @example
 * const mae = await predictMae(model, w.x, w.n);
 */
export async function predictMae(model: Autoencoder, x: Float32Array, n: number, chunk = MAE_CHUNK): Promise<number[]> {
  const size = model.spec.window * model.spec.features;
  if (x.length !== n * size) throw new Error(`invalid windows: ${x.length} values for ${n} windows of ${size}`);
  const out = new Array<number>(n);
  for (let a = 0; a < n; a += chunk) {
    const m = Math.min(chunk, n - a);
    const part = x.subarray(a * size, (a + m) * size);
    const mae = windowMae(part, await model.predict(part, m), m);
    for (let i = 0; i < m; i++) out[a + i] = mae[i];
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
