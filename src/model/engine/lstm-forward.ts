import type { CellOps, Compute, Mat } from '../compute/compute';
import type { LstmBuffers, LstmWeights } from './lstm-buffers';

/**
 * tanh to float32 accuracy (about 1 ulp) without Math.tanh (4x slower): Eigen's rational approximation,
 * clamped where tanh rounds to +-1 in float32.
 */
export function fastTanh(a: number): number {
  // Eigen's clamp constant, written as Eigen writes it (the literal rounds to the same double), and kept as two
  // comparisons: Math.min/max would treat NaN differently.
  // biome-ignore lint/correctness/noPrecisionLoss: Eigen's constant, verbatim
  // biome-ignore lint/complexity/useMathMinMax: NaN must pass through as NaN
  let x = a > 7.90531110763549805 ? 7.90531110763549805 : a;
  // biome-ignore lint/correctness/noPrecisionLoss: Eigen's constant, verbatim
  // biome-ignore lint/complexity/useMathMinMax: NaN must pass through as NaN
  x = x < -7.90531110763549805 ? -7.90531110763549805 : x;
  const x2 = x * x;
  const p =
    x *
    ((((((-2.76076847742355e-16 * x2 + 2.00018790482477e-13) * x2 - 8.60467152213735e-11) * x2 + 5.12229709037114e-8) *
      x2 +
      1.48572235717979e-5) *
      x2 +
      6.37261928875436e-4) *
      x2 +
      4.89352455891786e-3);
  const q = ((1.19825839466702e-6 * x2 + 1.18534705686654e-4) * x2 + 2.268434632439e-3) * x2 + 4.89352518554385e-3;
  return p / q;
}

/**
 * Pre-activations of a step into block `s` of A (replaced by the activations after the sigmoid pass):
 * z = P + R + bias (R skipped at step 0, where h_{-1} = 0).
 */
function preActivations(
  B: number,
  u: number,
  s: number,
  P: Float32Array,
  pBase: number,
  R: Float32Array,
  useR: boolean,
  bias: Float32Array,
  A: Float32Array,
): void {
  const G = 4 * u;
  for (let b = 0; b < B; b++) {
    const po = pBase + b * G;
    const ro = b * G;
    const ao = (s * B + b) * G;
    if (useR) for (let k = 0; k < G; k++) A[ao + k] = P[po + k] + R[ro + k] + bias[k];
    else for (let k = 0; k < G; k++) A[ao + k] = P[po + k] + bias[k];
  }
}

/**
 * The cell of step t after the gate sigmoid: g = tanh(z_g) (from the pre-activation, recomputed as P + R + bias,
 * stored in the g quarter of A), c_t = f c_{t-1} + i g, tanh(c_t), h_t = o tanh(c_t). The gates and tanh(c_t) are
 * in block `s` of A and TC (t, or 0 for inference: {@link LstmBuffers.A}).
 */
function cell(
  B: number,
  u: number,
  t: number,
  s: number,
  P: Float32Array,
  pBase: number,
  R: Float32Array,
  useR: boolean,
  bias: Float32Array,
  A: Float32Array,
  C: Float32Array,
  TC: Float32Array,
  H: Float32Array,
): void {
  const G = 4 * u;
  const u2 = 2 * u;
  for (let b = 0; b < B; b++) {
    const ao = (s * B + b) * G;
    const po = pBase + b * G + u2;
    const ro = b * G + u2;
    const to = (s * B + b) * u; // the TC row
    const cp = (t * B + b) * u; // c_{t-1} (block t)
    const cn = cp + B * u; // c_t and h_t (block t + 1)
    for (let j = 0; j < u; j++) {
      const z = useR ? P[po + j] + R[ro + j] + bias[u2 + j] : P[po + j] + bias[u2 + j];
      const g = fastTanh(z);
      A[ao + u2 + j] = g;
      const c = A[ao + u + j] * C[cp + j] + A[ao + j] * g;
      C[cn + j] = c;
      const tc = fastTanh(c);
      TC[to + j] = tc;
      H[cn + j] = A[ao + 3 * u + j] * tc;
    }
  }
}

/**
 * Run one LSTM layer over a batch of sequences (Keras semantics, zero initial state). `x` is the input, [T*B, d]
 * time-major, or [B, d] when the buffers are `repeated` (the input projection is then computed once). Outputs
 * are in `buf.hOut` ([T*B, u]); the last state is `buf.hStep[T]`. Per step: one product h_{t-1} U, then the cell:
 * the provider's fused kernel ({@link CellOps.forward}) when it has one, else one vectorised sigmoid pass over
 * the gates and the rest in plain JS.
 *
 * @throws Error when shapes disagree with the buffers.
 * @example
 * lstmForward(g, w, buf, x);
 */
export function lstmForward(g: Compute, w: LstmWeights, buf: LstmBuffers, x: Mat): void {
  const { B, T, repeated, xStep } = buf;
  const u = w.u;
  if (!xStep) g.mm(x, w.W, buf.P);
  const k = g.cell;
  // The block of A and TC that step t writes: its own in training, the one block for inference (LstmBuffers.A).
  const every = buf.aStep.length === T;
  for (let t = 0; t < T; t++) {
    const s = every ? t : 0;
    if (xStep) g.mm(xStep[t], w.W, buf.P);
    if (t > 0) g.mm(buf.hStep[t], w.U, buf.R);
    const pBase = repeated || xStep ? 0 : t * B * 4 * u;
    if (k) {
      k.forward(
        B,
        u,
        buf.P,
        pBase,
        t > 0 ? buf.R : null,
        w.b,
        buf.A,
        s * B * 4 * u,
        buf.C,
        t * B * u,
        buf.TC,
        s * B * u,
        buf.H,
        (t + 1) * B * u,
      );
      continue;
    }
    preActivations(B, u, s, buf.P.f, pBase, buf.R.f, t > 0, w.b.f, buf.A.f);
    g.sigmoid(buf.aStep[s]);
    cell(B, u, t, s, buf.P.f, pBase, buf.R.f, t > 0, w.b.f, buf.A.f, buf.C.f, buf.TC.f, buf.H.f);
  }
  // H was written in JS; its views are right operands in the backward pass (weight gradients).
  g.touch(buf.hPrev);
  g.touch(buf.hOut);
}
