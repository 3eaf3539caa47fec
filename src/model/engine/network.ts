import { type Compute, type Mat, sumRowsInto } from '../compute/compute';
import type { LossKind } from '../spec';
import type { DropoutMasks } from './dropout';
import { lstmBackward } from './lstm-backward';
import { type LstmBuffers, lstmBuffers } from './lstm-buffers';
import { lstmForward } from './lstm-forward';
import type { Params } from './params';

/** Every buffer the autoencoder needs for batches of B windows (time-major rows `t * B + b`). */
export interface NetBuffers {
  B: number;
  T: number;
  training: boolean;
  /** The provider that allocated these buffers (disposing it frees them). */
  g: Compute;
  /** Input windows [T*B, features]. */
  X: Mat;
  layers: LstmBuffers[];
  /** Encoder output after dropout [B, uLast]; decoder output after dropout [T*B, uFirst]; reconstruction. */
  E: Mat;
  D: Mat;
  Y: Mat;
  /** Training with dropout, providers with kernels: the dropout masks of the batch (see {@link DropoutMasks}). */
  maskEnc: Mat | null;
  maskDec: Mat | null;
  /** Training only: loss gradient and its product with the dense kernel. */
  dY: Mat | null;
  dD: Mat | null;
}

/**
 * Allocate the buffers of a model for batches of B windows, through a fresh provider from `newCompute`.
 * @example
 * const nb = netBuffers(params, () => wasmCompute(), 32, true);
 */
export function netBuffers(p: Params, newCompute: () => Compute, B: number, training: boolean): NetBuffers {
  const g = newCompute();
  const { window: T, features: F } = p.spec;
  const k = p.spec.encoder.length;
  const X = g.alloc(T * B, F);
  const layers = p.lstm.map((w, i) => lstmBuffers(g, w, B, T, i === k, training, i > 0, i === 0 ? X : undefined));
  const uLast = p.lstm[k - 1].u;
  const uFirst = p.lstm[2 * k - 1].u;
  return {
    B,
    T,
    training,
    g,
    layers,
    X,
    E: g.alloc(B, uLast),
    D: g.alloc(T * B, uFirst),
    Y: g.alloc(T * B, F),
    dY: training ? g.alloc(T * B, F) : null,
    dD: training ? g.alloc(T * B, uFirst) : null,
    maskEnc: training && g.cell && p.spec.dropout > 0 ? g.alloc(B, uLast) : null,
    maskDec: training && g.cell && p.spec.dropout > 0 ? g.alloc(T * B, uFirst) : null,
  };
}

/**
 * dst = src * mask (mask null: copy): the provider's kernel where the mask is one of its matrices (`maskMat`,
 * the masks of a provider with kernels), else in JS; the same bits either way.
 */
function applyMask(g: Compute, src: Mat, mask: Float32Array | null, maskMat: Mat | null, dst: Mat): void {
  if (mask && maskMat && g.cell) g.cell.mul(src, maskMat, dst);
  else if (mask) {
    const d = dst.f,
      s = src.f;
    for (let k = 0; k < d.length; k++) d[k] = s[k] * mask[k];
  } else dst.f.set(src.f.subarray(0, dst.rows * dst.cols));
  g.touch(dst);
}

/** d *= mask in place, as {@link applyMask}. */
function maskInPlace(g: Compute, d: Mat, mask: Float32Array, maskMat: Mat | null): void {
  if (maskMat && g.cell) g.cell.mul(d, maskMat, d);
  else {
    const f = d.f;
    for (let i = 0; i < f.length; i++) f[i] *= mask[i];
  }
}

/**
 * Forward pass over the windows in `nb.X` (already filled and touched); the reconstruction lands in `nb.Y`.
 * `masks` null means inference (no dropout).
 * @example
 * networkForward(params, nb, null);
 */
export function networkForward(p: Params, nb: NetBuffers, masks: DropoutMasks | null): void {
  const g = nb.g;
  const k = p.spec.encoder.length;
  const L = p.lstm.length;
  for (let i = 0; i < L; i++) {
    const x = i === 0 ? nb.X : i === k ? nb.E : nb.layers[i - 1].hOut;
    lstmForward(g, p.lstm[i], nb.layers[i], x);
    if (i === k - 1) applyMask(g, nb.layers[i].hStep[nb.T], masks?.enc ?? null, nb.maskEnc, nb.E);
  }
  applyMask(g, nb.layers[L - 1].hOut, masks?.dec ?? null, nb.maskDec, nb.D);
  g.mm(nb.D, p.dense.K, nb.Y);
  const y = nb.Y.f;
  const bias = p.dense.b.f;
  const F = bias.length;
  for (let r = 0; r < y.length; r += F) for (let c = 0; c < F; c++) y[r + c] += bias[c];
}

/**
 * Loss of the reconstruction against the input, summed over this buffer's values, and its gradient written to
 * `nb.dY` scaled by `1 / norm` (the value count of the whole batch, so shards of a batch add up).
 * @example
 * const sum = networkLoss(nb, 'mae', 32 * 30);
 */
export function networkLoss(nb: NetBuffers, kind: LossKind, norm: number): number {
  const x = nb.X.f,
    y = nb.Y.f;
  const dy = nb.dY ? nb.dY.f : null;
  let s = 0;
  for (let k = 0; k < x.length; k++) {
    const d = y[k] - x[k];
    if (kind === 'mae') {
      s += Math.abs(d);
      if (dy) dy[k] = (d > 0 ? 1 : d < 0 ? -1 : 0) / norm;
    } else {
      s += d * d;
      if (dy) dy[k] = (2 * d) / norm;
    }
  }
  if (nb.dY) nb.g.touch(nb.dY);
  return s;
}

/**
 * Backward pass after {@link networkForward} and {@link networkLoss} on the same buffers and masks: fills
 * `p.grads` (every gradient is overwritten).
 * @throws Error when the buffers were allocated for inference.
 * @example
 * networkBackward(params, nb, masks);
 */
export function networkBackward(p: Params, nb: NetBuffers, masks: DropoutMasks | null): void {
  const { dY, dD } = nb;
  if (!dY || !dD) throw new Error('networkBackward: buffers were allocated for inference only');
  const g = nb.g;
  const k = p.spec.encoder.length;
  const L = p.lstm.length;
  // Dense head: dK = Dᵀ dY, db = column sums of dY, dD = dY Kᵀ (then through the dropout mask).
  g.mmT(nb.D, dY, p.dense.dK);
  sumRowsInto(g, dY, p.dense.db);
  g.mm(dY, p.dense.Kt, dD);
  if (masks) maskInPlace(g, dD, masks.dec, nb.maskDec);
  let grad: { seq: Mat } | { last: Mat } = { seq: dD };
  for (let i = L - 1; i >= 0; i--) {
    const x = i === 0 ? nb.X : i === k ? nb.E : nb.layers[i - 1].hOut;
    lstmBackward(g, p.lstm[i], nb.layers[i], x, grad);
    const dX = nb.layers[i].dX;
    if (!dX) break;
    if (i === k) {
      // Through RepeatVector (already summed over steps) and the encoder dropout, onto the last state only.
      if (masks) maskInPlace(g, dX, masks.enc, nb.maskEnc);
      grad = { last: dX };
    } else {
      grad = { seq: dX };
    }
  }
}
