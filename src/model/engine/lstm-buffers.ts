import type { Compute, Mat } from '../compute/compute';

/**
 * The weights of one LSTM layer (views into the model's parameter and gradient vectors) plus explicit transposes
 * of the kernels, kept so every product runs untransposed.
 */
export interface LstmWeights {
  /** Input size. */
  d: number;
  /** Units. */
  u: number;
  /** Kernel [d, 4u], recurrent kernel [u, 4u], bias [1, 4u] (Keras layout, gates i, f, c, o). */
  W: Mat;
  U: Mat;
  b: Mat;
  /** Transposes [4u, d] and [4u, u], refreshed by {@link syncTransposes}. */
  Wt: Mat;
  Ut: Mat;
  /** Gradients, same shapes as W, U, b. */
  dW: Mat;
  dU: Mat;
  db: Mat;
}

/**
 * Per-batch-size buffers of one LSTM layer, time-major (row `t * B + b`). `C` and `H` hold T + 1 blocks of B
 * rows: block 0 is the zero initial state, block t + 1 the state after step t.
 */
export interface LstmBuffers {
  B: number;
  T: number;
  /** The layer sees the same input at every step (decoder after RepeatVector). */
  repeated: boolean;
  /**
   * Input projection x W: [T*B, 4u]; [B, 4u] when repeated, or when projected step by step (`xStep`).
   */
  P: Mat;
  /**
   * A narrow input (d <= {@link STEP_PROJECTION_MAX_D}, the first encoder layer) seen per step [B, d]: its
   * projection is then computed per step into a [B, 4u] P that stays in cache, instead of a [T*B, 4u] one that
   * the steps stream through (same numbers: each row's product does not depend on the others). Else null.
   */
  xStep: Mat[] | null;
  /** h_{t-1} U of the current step [B, 4u]. */
  R: Mat;
  /**
   * Gate activations i, f, g, o [T*B, 4u], with per-step views [B, 4u]. For inference one step's rows [B, 4u]
   * (one view), which every step writes over: nothing reads them after the step, and they stay in cache.
   */
  A: Mat;
  aStep: Mat[];
  C: Mat;
  /** tanh(c_t) [T*B, u], with per-step views [B, u]; for inference one step's rows, as A. */
  TC: Mat;
  tcStep: Mat[];
  H: Mat;
  /** Block t of H (h_{t-1}), t = 0..T. */
  hStep: Mat[];
  /**
   * Blocks 1..T-1 of H (h_0..h_{T-2}: the states the steps 1..T-1 start from, [(T-1)*B, u]; h_{-1} = 0 adds
   * nothing to dU) and blocks 1..T (the outputs h_0..h_{T-1}, [T*B, u]).
   */
  hPrev: Mat;
  hOut: Mat;
  /**
   * Training only: gate gradients [T*B, 4u] (with per-step views), written over A in the backward pass (each
   * step's gates are read before their gradients replace them; half the memory the steps stream through).
   * Recurrent and cell gradients carried back.
   */
  dZ: Mat | null;
  /** Training only: the rows of dZ of steps 1..T-1, the partner of `hPrev` in dU = hPrevᵀ dZRecur. */
  dZRecur: Mat | null;
  dZStep: Mat[];
  dhNext: Mat | null;
  dcNext: Mat | null;
  /** Repeated input, training only: dZ seen as [T, B*4u], and the sum of its rows (the sum over steps) [B, 4u]. */
  dZSteps: Mat | null;
  S: Mat | null;
  /** Gradient with respect to the input: [T*B, d], or [B, d] when repeated (null for the first layer). */
  dX: Mat | null;
}

/** Widest input projected step by step (see {@link LstmBuffers.xStep}). */
export const STEP_PROJECTION_MAX_D = 8;

/**
 * Allocate the buffers of one layer for batches of B windows of T steps.
 * @throws Error `invalid steps` for T < 2 (the spec's window is at least 2), or an `input` of the wrong shape.
 * @example
 * const buf = lstmBuffers(g, w, 32, 30, false, true, true);
 * const first = lstmBuffers(g, w0, 32, 30, false, true, false, X); // X [30*32, 1]: projected per step
 */
export function lstmBuffers(
  g: Compute,
  w: LstmWeights,
  B: number,
  T: number,
  repeated: boolean,
  training: boolean,
  needDx: boolean,
  input?: Mat,
): LstmBuffers {
  const G = 4 * w.u;
  const u = w.u;
  if (!Number.isInteger(T) || T < 2) throw new Error(`lstmBuffers: invalid steps: ${T} (at least 2)`);
  const perStep = !repeated && input !== undefined && w.d <= STEP_PROJECTION_MAX_D;
  if (perStep && (input.rows !== T * B || input.cols !== w.d))
    throw new Error(`lstmBuffers: input [${input.rows},${input.cols}] is not [${T * B},${w.d}]`);
  const H = g.alloc((T + 1) * B, u);
  // The backward pass reads every step's gates and tanh(c); inference keeps one step's (see A).
  const kept = training ? T : 1;
  const A = g.alloc(kept * B, G);
  const TC = g.alloc(kept * B, u);
  const buf: LstmBuffers = {
    B,
    T,
    repeated,
    P: g.alloc(repeated || perStep ? B : T * B, G),
    xStep: perStep ? Array.from({ length: T }, (_, t) => g.sub(input, t * B * w.d, B, w.d)) : null,
    R: g.alloc(B, G),
    A,
    aStep: Array.from({ length: kept }, (_, t) => g.sub(A, t * B * G, B, G)),
    C: g.alloc((T + 1) * B, u),
    TC,
    tcStep: Array.from({ length: kept }, (_, t) => g.sub(TC, t * B * u, B, u)),
    H,
    hStep: Array.from({ length: T + 1 }, (_, t) => g.sub(H, t * B * u, B, u)),
    hPrev: g.sub(H, B * u, (T - 1) * B, u),
    hOut: g.sub(H, B * u, T * B, u),
    dZ: null,
    dZRecur: null,
    dZStep: [],
    dhNext: null,
    dcNext: null,
    dZSteps: null,
    S: null,
    dX: null,
  };
  if (training) {
    const dZ = A;
    buf.dZ = dZ;
    buf.dZRecur = g.sub(dZ, B * G, (T - 1) * B, G);
    buf.dZStep = Array.from({ length: T }, (_, t) => g.sub(dZ, t * B * G, B, G));
    buf.dhNext = g.alloc(B, u);
    buf.dcNext = g.alloc(B, u);
    if (repeated) {
      buf.dZSteps = g.sub(dZ, 0, T, B * G);
      buf.S = g.alloc(B, G);
    }
    if (needDx) buf.dX = g.alloc(repeated ? B : T * B, w.d);
  }
  return buf;
}
