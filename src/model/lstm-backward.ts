import { Gemm, Mat, transposeInto } from './gemm';
import type { LstmBuffers, LstmWeights } from './lstm-buffers';

/**
 * Backward through one LSTM step for a batch: from dh (output gradient of step t plus the recurrent gradient)
 * and the carried cell gradient, write the pre-activation gate gradients dZ of step t and update the carry.
 */
function cellBackward(
  B: number, u: number, t: number, T: number, dOut: Float32Array | null, dOutBase: number, dhN: Float32Array,
  dcN: Float32Array, A: Float32Array, C: Float32Array, TC: Float32Array, dZ: Float32Array,
): void {
  const G = 4 * u;
  const last = t === T - 1;
  for (let b = 0; b < B; b++) {
    const ao = (t * B + b) * G;
    const so = b * u;
    const cp = (t * B + b) * u;
    const oo = dOutBase + b * u;
    for (let j = 0; j < u; j++) {
      let dh = last ? 0 : dhN[so + j];
      if (dOut !== null) dh += dOut[oo + j];
      const i = A[ao + j];
      const f = A[ao + u + j];
      const g = A[ao + 2 * u + j];
      const o = A[ao + 3 * u + j];
      const tc = TC[cp + j];
      const dc = (last ? 0 : dcN[so + j]) + dh * o * (1 - tc * tc);
      dZ[ao + j] = dc * g * i * (1 - i);
      dZ[ao + u + j] = dc * C[cp + j] * f * (1 - f);
      dZ[ao + 2 * u + j] = dc * i * (1 - g * g);
      dZ[ao + 3 * u + j] = dh * tc * o * (1 - o);
      dcN[so + j] = dc * f;
    }
  }
}

/**
 * Gradient flowing into an LSTM layer's outputs: `seq` [T*B, u] for every step, or `last` [B, u] for the last
 * step only (a layer without return_sequences).
 */
export type LstmOutGrad = { seq: Mat } | { last: Mat };

/**
 * Back-propagate through one LSTM layer after {@link lstmForward} on the same buffers and input `x`: writes the
 * weight gradients `w.dW`, `w.dU`, `w.db` and, when the buffers have one, the input gradient `buf.dX`. Step by
 * step only dZ_t Uᵀ (one [B, 4u] x [4u, u] product) is sequential; each weight gradient is then one product
 * over all steps.
 *
 * @throws Error when the buffers were allocated without training buffers.
 * @example
 * lstmBackward(g, w, buf, x, { seq: dH });
 */
export function lstmBackward(g: Gemm, w: LstmWeights, buf: LstmBuffers, x: Mat, grad: LstmOutGrad): void {
  const { B, T, repeated } = buf;
  const { dZ, dZT, dhNext, dcNext, dUT, dWT } = buf;
  if (!dZ || !dZT || !dhNext || !dcNext || !dUT || !dWT) throw new Error('lstmBackward: buffers were allocated for inference only');
  const u = w.u;
  const G = 4 * u;
  for (let t = T - 1; t >= 0; t--) {
    let dOut: Float32Array | null = null;
    let base = 0;
    if ('seq' in grad) {
      dOut = grad.seq.f;
      base = t * B * u;
    } else if (t === T - 1) {
      dOut = grad.last.f;
    }
    cellBackward(B, u, t, T, dOut, base, dhNext.f, dcNext, buf.A.f, buf.C.f, buf.TC.f, dZ.f);
    if (t > 0) g.mm(buf.dZStep[t], w.Ut, dhNext);
  }
  transposeInto(g, dZ, dZT);
  // Recurrent kernel: dUᵀ = dZᵀ [4u, T*B] x H_prev [T*B, u].
  g.mm(dZT, buf.hPrev, dUT);
  transposeInto(g, dUT, w.dU);
  // Bias: sums over all rows of dZ, i.e. over the columns of dZᵀ.
  const zt = dZT.f;
  const db = w.db.f;
  const n = T * B;
  for (let k = 0; k < G; k++) {
    let s = 0;
    for (let r = k * n, e = r + n; r < e; r++) s += zt[r];
    db[k] = s;
  }
  if (repeated) {
    // The same input at every step: its projection's gradient is the sum over steps.
    const S = buf.S!;
    const sf = S.f;
    const z = dZ.f;
    sf.fill(0);
    for (let t = 0; t < T; t++) {
      const o = t * B * G;
      for (let k = 0; k < B * G; k++) sf[k] += z[o + k];
    }
    g.touch(S);
    transposeInto(g, x, buf.XT!);
    g.mm(buf.XT!, S, w.dW);
    if (buf.dX) g.mm(S, w.Wt, buf.dX);
  } else {
    g.mm(dZT, x, dWT);
    transposeInto(g, dWT, w.dW);
    if (buf.dX) g.mm(dZ, w.Wt, buf.dX);
  }
}
