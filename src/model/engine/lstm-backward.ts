import { type Compute, type Mat, sumRowsInto } from '../compute/compute';
import type { LstmBuffers, LstmWeights } from './lstm-buffers';

/**
 * Backward through one LSTM step for a batch: from dh (output gradient of step t plus the recurrent gradient)
 * and the carried cell gradient, write the pre-activation gate gradients dZ of step t and update the carry.
 */
function cellBackward(
  B: number,
  u: number,
  t: number,
  T: number,
  dOut: Float32Array | null,
  dOutBase: number,
  dhN: Float32Array,
  dcN: Float32Array,
  A: Float32Array,
  C: Float32Array,
  TC: Float32Array,
  dZ: Float32Array,
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
export function lstmBackward(g: Compute, w: LstmWeights, buf: LstmBuffers, x: Mat, grad: LstmOutGrad): void {
  const { B, T, repeated } = buf;
  const { dZ, dZRecur, dhNext, dcNext } = buf;
  if (!dZ || !dZRecur || !dhNext || !dcNext) throw new Error('lstmBackward: buffers were allocated for inference only');
  const u = w.u;
  const G = 4 * u;
  const k = g.cell;
  for (let t = T - 1; t >= 0; t--) {
    let dOut: Mat | null = null;
    let base = 0;
    if ('seq' in grad) {
      dOut = grad.seq;
      base = t * B * u;
    } else if (t === T - 1) {
      dOut = grad.last;
    }
    if (k)
      k.backward(
        B,
        u,
        t === T - 1,
        dOut,
        base,
        dhNext,
        dcNext,
        buf.A,
        t * B * G,
        buf.C,
        t * B * u,
        buf.TC,
        t * B * u,
        dZ,
        t * B * G,
      );
    else cellBackward(B, u, t, T, dOut ? dOut.f : null, base, dhNext.f, dcNext.f, buf.A.f, buf.C.f, buf.TC.f, dZ.f);
    if (t > 0) g.mm(buf.dZStep[t], w.Ut, dhNext);
  }
  g.touch(dZ);
  g.touch(dZRecur); // its own version: XNNPACK's transposed copy of it is reused while the version holds
  // Weight gradients straight from the activations: dU = H_prevᵀ dZ, db = the row sums of dZ, dW = xᵀ dZ. With
  // the same input at every step (repeated) the input's terms are the sums of dZ over steps, S.
  g.mmT(buf.hPrev, dZRecur, w.dU);
  sumRowsInto(g, dZ, w.db);
  let dIn = dZ;
  if (repeated) {
    dIn = buf.S!;
    sumRowsInto(g, buf.dZSteps!, dIn);
  }
  g.mmT(x, dIn, w.dW);
  if (buf.dX) g.mm(dIn, w.Wt, buf.dX);
}
