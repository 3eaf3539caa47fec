import { Rng } from '../../util/random';
import type { NamedWeight } from '../autoencoder';
import { type AutoencoderSpec, lstmSizes } from '../spec';

/**
 * Names and shapes of every weight of a spec, in Keras layout and order: per LSTM layer `lstm_i/kernel`
 * [in, 4u], `lstm_i/recurrent_kernel` [u, 4u], `lstm_i/bias` [4u]; then `dense/kernel` [u, features] and
 * `dense/bias` [features].
 *
 * @example
 * weightShapes(resolveSpec()).map((w) => w.name); // ['lstm_0/kernel', ..., 'dense/bias']
 */
export function weightShapes(spec: AutoencoderSpec): { name: string; shape: number[] }[] {
  const out: { name: string; shape: number[] }[] = [];
  let input = spec.features;
  lstmSizes(spec).forEach((u, i) => {
    out.push({ name: `lstm_${i}/kernel`, shape: [input, 4 * u] });
    out.push({ name: `lstm_${i}/recurrent_kernel`, shape: [u, 4 * u] });
    out.push({ name: `lstm_${i}/bias`, shape: [4 * u] });
    input = u;
  });
  out.push({ name: 'dense/kernel', shape: [input, spec.features] });
  out.push({ name: 'dense/bias', shape: [spec.features] });
  return out;
}

/**
 * Keras `glorot_uniform`: U(-l, l) with l = sqrt(6 / (fanIn + fanOut)).
 * @example
 * const kernel = glorotUniform(new Rng(1), 1, 512);
 */
function glorotUniform(rng: Rng, rows: number, cols: number): Float32Array {
  const limit = Math.sqrt(6 / (rows + cols));
  const a = new Float32Array(rows * cols);
  for (let k = 0; k < a.length; k++) a[k] = rng.uniform(-limit, limit);
  return a;
}

/**
 * Keras `orthogonal` (gain 1) for a [rows, cols] matrix: QR of a standard normal matrix of the transposed shape
 * when rows < cols (modified Gram-Schmidt, twice, in float64), so the result has orthonormal rows (or columns).
 * @example
 * const recurrent = orthogonal(new Rng(1), 128, 512);
 */
function orthogonal(rng: Rng, rows: number, cols: number): Float32Array {
  const long = Math.max(rows, cols);
  const short = Math.min(rows, cols);
  // q: `short` orthonormal vectors of length `long`, built from normal draws.
  const q: Float64Array[] = [];
  for (let j = 0; j < short; j++) {
    const v = new Float64Array(long);
    for (let k = 0; k < long; k++) v[k] = rng.normal();
    for (let pass = 0; pass < 2; pass++) {
      for (const p of q) {
        let d = 0;
        for (let k = 0; k < long; k++) d += p[k] * v[k];
        for (let k = 0; k < long; k++) v[k] -= d * p[k];
      }
    }
    let n = 0;
    for (let k = 0; k < long; k++) n += v[k] * v[k];
    n = Math.sqrt(n);
    for (let k = 0; k < long; k++) v[k] /= n;
    q.push(v);
  }
  const a = new Float32Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) a[r * cols + c] = rows < cols ? q[r][c] : q[c][r];
  }
  return a;
}

/**
 * Keras initialisation of every weight, seeded and done in JS so it is identical on every backend: kernels
 * glorot_uniform, recurrent kernels orthogonal, LSTM biases zero with unit forget bias, dense glorot_uniform and
 * zero bias. Each weight draws from its own stream derived from `spec.seed`.
 *
 * @example
 * const weights = initialWeights(resolveSpec({ seed: 7 }));
 */
export function initialWeights(spec: AutoencoderSpec): NamedWeight[] {
  // Unit forget bias on the LSTM layers' biases (named lstm_K/bias).
  return kerasInitialWeights(weightShapes(spec), spec.seed, (name) => name.startsWith('lstm_'));
}

/**
 * Keras initialisation of named weights, seeded and in JS (the same on every backend): kernels glorot_uniform,
 * recurrent kernels orthogonal, biases zero, with unit forget bias (the second quarter of an LSTM bias, gate order
 * i, f, c, o) where `isLstmBias(name)`; each weight draws from its own stream derived from `seed`.
 *
 * @example
 * const weights = kerasInitialWeights(weightShapes(spec), spec.seed, (name) => name.startsWith('lstm_'));
 */
export function kerasInitialWeights(
  shapes: { name: string; shape: number[] }[],
  seed: number,
  isLstmBias: (name: string) => boolean,
): NamedWeight[] {
  const root = new Rng(seed);
  return shapes.map(({ name, shape }) => {
    const rng = new Rng(root.seed());
    let values: Float32Array;
    if (name.endsWith('/recurrent_kernel')) values = orthogonal(rng, shape[0], shape[1]);
    else if (name.endsWith('/kernel')) values = glorotUniform(rng, shape[0], shape[1]);
    else {
      values = new Float32Array(shape[0]);
      if (isLstmBias(name)) values.fill(1, shape[0] / 4, shape[0] / 2);
    }
    return { name, shape: [...shape], values };
  });
}

/**
 * Check that `weights` have exactly the names and shapes of the spec (any order) and return them in spec order.
 * @throws Error `weights: ...` naming the first missing, unexpected or misshapen weight.
 * @example
 * const ordered = checkWeights(spec, loaded);
 */
export function checkWeights(spec: AutoencoderSpec, weights: NamedWeight[]): NamedWeight[] {
  const byName = new Map(weights.map((w) => [w.name, w]));
  const shapes = weightShapes(spec);
  if (weights.length !== shapes.length)
    throw new Error(`weights: expected ${shapes.length} arrays, got ${weights.length}`);
  return shapes.map(({ name, shape }) => {
    const w = byName.get(name);
    if (!w) throw new Error(`weights: missing ${name}`);
    const size = shape.reduce((a, b) => a * b, 1);
    if (w.shape.length !== shape.length || w.shape.some((d, i) => d !== shape[i]) || w.values.length !== size) {
      throw new Error(`weights: ${name} has shape [${w.shape}] (${w.values.length} values), expected [${shape}]`);
    }
    return w;
  });
}
