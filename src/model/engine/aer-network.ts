import { type Compute, type Mat, sumRowsInto } from '../compute/compute';
import type { AerParams, AerSpec } from './aer-params';
import { type BiBuffers, biBackward, biBuffers, biForward } from './bidirectional';

/** Every buffer of an AER model for batches of B windows (time-major rows `t * B + b`). */
export interface AerBuffers {
  B: number;
  training: boolean;
  /** The provider that allocated these buffers (disposing it frees them). */
  g: Compute;
  /** Whole windows [W*B, F]: the targets. */
  X: Mat;
  /** Their inner steps 1 .. W-2 [(W-2)*B, F]: the encoder's input. */
  inner: Mat;
  enc: BiBuffers;
  dec: BiBuffers;
  /** Output [W*B, F]: step 0 the backward regression, steps 1 .. W-2 the reconstruction, step W-1 the forward one. */
  Y: Mat;
  /** Training only: loss gradient [W*B, F] and its product with the dense kernel [W*B, 2u]. */
  dY: Mat | null;
  dD: Mat | null;
}

/**
 * Allocate the buffers of an AER model for batches of B windows, through a fresh provider from `newCompute`.
 * @example
 * const ab = aerBuffers(params, () => wasmCompute(), 64, true);
 */
export function aerBuffers(p: AerParams, newCompute: () => Compute, B: number, training: boolean): AerBuffers {
  const g = newCompute();
  const { window: W, features: F, units: u } = p.spec;
  const w = W - 2;
  const inner = g.alloc(w * B, F);
  const [ef, eb, df, db] = p.lstm;
  return {
    B,
    training,
    g,
    X: g.alloc(W * B, F),
    inner,
    enc: biBuffers(g, ef, eb, B, w, { repeated: false, sequences: false, training, needDx: false, input: inner }),
    dec: biBuffers(g, df, db, B, W, { repeated: true, sequences: true, training, needDx: true }),
    Y: g.alloc(W * B, F),
    dY: training ? g.alloc(W * B, F) : null,
    dD: training ? g.alloc(W * B, 2 * u) : null,
  };
}

/**
 * Forward pass over the windows in `ab.X` (filled): the encoder reads the inner steps, the decoder the latent
 * repeated W times; the output lands in `ab.Y`.
 * @example
 * aerForward(params, ab);
 */
export function aerForward(p: AerParams, ab: AerBuffers): void {
  const g = ab.g;
  const { B } = ab;
  const F = p.spec.features;
  ab.inner.f.set(ab.X.f.subarray(B * F, (p.spec.window - 1) * B * F));
  g.touch(ab.X);
  g.touch(ab.inner);
  const [ef, eb, df, db] = p.lstm;
  biForward(g, ef, eb, ab.enc, ab.inner);
  biForward(g, df, db, ab.dec, ab.enc.out);
  g.mm(ab.dec.out, p.dense.K, ab.Y);
  const y = ab.Y.f;
  const bias = p.dense.b.f;
  for (let r = 0; r < y.length; r += F) for (let c = 0; c < F; c++) y[r + c] += bias[c];
  g.touch(ab.Y);
}

/**
 * The weight of each squared error of a batch of `batch` windows in the AER loss (Orion's: MSE of each output,
 * weighted `regRatio / 2`, `1 - regRatio`, `regRatio / 2`): the two regressed steps and the inner steps.
 * @example
 * aerLossWeights(spec, 64); // { edge: 0.5 / 2 / 64, inner: 0.5 / (64 * 98) } for one feature
 */
export function aerLossWeights(spec: AerSpec, batch: number): { edge: number; inner: number } {
  const { window: W, features: F, regRatio: r } = spec;
  return { edge: r / 2 / (batch * F), inner: (1 - r) / (batch * (W - 2) * F) };
}

/**
 * The AER loss of n whole windows `x` and their outputs `y` (both window-major, [n, W, F], as `predict` gives them):
 * `regRatio / 2` times the MSE of each regressed step plus `1 - regRatio` times the MSE of the inner steps, over
 * all n windows: the training loss of one batch of them (Keras' `evaluate` of Orion's model).
 * @example
 * aerOutputLoss(spec, x, await model.predict(x, n), n); // 0.5 * mse(inner) + 0.25 * (mse(first) + mse(last))
 */
export function aerOutputLoss(spec: AerSpec, x: Float32Array, y: Float32Array, n: number): number {
  const { edge, inner } = aerLossWeights(spec, n);
  const { window: W, features: F } = spec;
  let e = 0;
  let r = 0;
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < W; t++) {
      let st = 0;
      for (let k = (i * W + t) * F; k < (i * W + t + 1) * F; k++) {
        const d = y[k] - x[k];
        st += d * d;
      }
      if (t === 0 || t === W - 1) e += st;
      else r += st;
    }
  }
  return edge * e + inner * r;
}

/**
 * The AER loss of this buffer's windows as part of a batch of `batch` windows (the shards of a batch add up to its
 * loss), and its gradient written to `ab.dY` when training.
 * @example
 * const loss = aerLoss(spec, ab, 64);
 */
export function aerLoss(spec: AerSpec, ab: AerBuffers, batch: number): number {
  const { edge, inner } = aerLossWeights(spec, batch);
  const W = spec.window;
  const x = ab.X.f;
  const y = ab.Y.f;
  const dy = ab.dY ? ab.dY.f : null;
  const block = ab.B * spec.features;
  let s = 0;
  for (let t = 0; t < W; t++) {
    const c = t === 0 || t === W - 1 ? edge : inner;
    let st = 0;
    for (let k = t * block; k < (t + 1) * block; k++) {
      const d = y[k] - x[k];
      st += d * d;
      if (dy) dy[k] = 2 * c * d;
    }
    s += c * st;
  }
  if (ab.dY) ab.g.touch(ab.dY);
  return s;
}

/**
 * Backward pass after {@link aerForward} and {@link aerLoss} on the same buffers: fills `p.grads` (every gradient
 * is overwritten).
 * @throws Error when the buffers were allocated for inference.
 * @example
 * aerBackward(params, ab);
 */
export function aerBackward(p: AerParams, ab: AerBuffers): void {
  const { dY, dD } = ab;
  if (!dY || !dD) throw new Error('aerBackward: buffers were allocated for inference only');
  const g = ab.g;
  g.mmT(ab.dec.out, dY, p.dense.dK);
  sumRowsInto(g, dY, p.dense.db);
  g.mm(dY, p.dense.Kt, dD);
  g.touch(dD);
  const [ef, eb, df, db] = p.lstm;
  biBackward(g, df, db, ab.dec, ab.enc.out, dD);
  biBackward(g, ef, eb, ab.enc, ab.inner, ab.dec.dX!);
}
