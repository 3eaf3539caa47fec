import { type Compute, copyRowsInto, type Mat } from '../compute/compute';
import { lstmBackward } from './lstm-backward';
import { type LstmBuffers, type LstmWeights, lstmBuffers } from './lstm-buffers';
import { lstmForward } from './lstm-forward';

/**
 * Buffers of a Keras `Bidirectional(LSTM(u), merge_mode='concat')` layer for batches of B sequences of T steps
 * (time-major rows `t * B + b`). The backward direction is the same LSTM code run on the time-reversed input
 * (`xr`, a copy; nothing to copy when the input is `repeated`, the same at every step), its outputs and output
 * gradients reversed back: no kernel of its own.
 */
export interface BiBuffers {
  B: number;
  T: number;
  repeated: boolean;
  /** Whether the output is every step's ([T*B, 2u]) or the last states ([B, 2u]). */
  sequences: boolean;
  fwd: LstmBuffers;
  bwd: LstmBuffers;
  /** The time-reversed input [T*B, d] (null when repeated). */
  xr: Mat | null;
  /** [forward | backward] outputs: [T*B, 2u] (the backward one at its own time t) or [B, 2u]. */
  out: Mat;
  /** Training only: the output gradient of each direction, the backward one in its reversed time. */
  dF: Mat | null;
  dB: Mat | null;
  /** Training with `needDx`: the input gradient, [T*B, d] or [B, d] when repeated. */
  dX: Mat | null;
}

/**
 * Allocate the buffers of a bidirectional layer with weights `wf` (forward) and `wb` (backward), as
 * {@link lstmBuffers} does for one direction; `input` is the layer's input when it is narrow enough to be
 * projected per step (see `LstmBuffers.xStep`), for the first layer.
 * @example
 * const enc = biBuffers(g, p.lstm[0], p.lstm[1], 32, 98, { repeated: false, sequences: false, training: true, needDx: false, input: X });
 */
export function biBuffers(
  g: Compute,
  wf: LstmWeights,
  wb: LstmWeights,
  B: number,
  T: number,
  o: { repeated: boolean; sequences: boolean; training: boolean; needDx: boolean; input?: Mat },
): BiBuffers {
  const u = wf.u;
  const xr = o.repeated ? null : g.alloc(T * B, wf.d);
  const fwd = lstmBuffers(g, wf, B, T, o.repeated, o.training, o.needDx, o.input);
  const bwd = lstmBuffers(g, wb, B, T, o.repeated, o.training, o.needDx, o.input ? (xr ?? undefined) : undefined);
  const outRows = o.sequences ? T * B : B;
  return {
    B,
    T,
    repeated: o.repeated,
    sequences: o.sequences,
    fwd,
    bwd,
    xr,
    out: g.alloc(outRows, 2 * u),
    dF: o.training ? g.alloc(outRows, u) : null,
    dB: o.training ? g.alloc(outRows, u) : null,
    dX: o.training && o.needDx ? g.alloc(o.repeated ? B : T * B, wf.d) : null,
  };
}

/**
 * dst block s = src block T - 1 - s (blocks of `size` values): a sequence reversed in time.
 * @example
 * reverseBlocks(x.f, xr.f, 98, 32 * 1);
 */
export function reverseBlocks(src: Float32Array, dst: Float32Array, T: number, size: number): void {
  for (let s = 0; s < T; s++) dst.set(src.subarray((T - 1 - s) * size, (T - s) * size), s * size);
}

/**
 * Forward pass of a bidirectional layer on `x` ([T*B, d], or [B, d] when repeated; written and touched): both
 * directions, then their outputs joined into `bi.out`.
 * @example
 * biForward(g, p.lstm[0], p.lstm[1], enc, X);
 */
export function biForward(g: Compute, wf: LstmWeights, wb: LstmWeights, bi: BiBuffers, x: Mat): void {
  const { B, T } = bi;
  const u = wf.u;
  let xb = x;
  if (bi.xr) {
    reverseBlocks(x.f, bi.xr.f, T, B * x.cols);
    g.touch(bi.xr);
    xb = bi.xr;
  }
  lstmForward(g, wf, bi.fwd, x);
  lstmForward(g, wb, bi.bwd, xb);
  const o = bi.out;
  const hf = bi.fwd.H;
  const hb = bi.bwd.H;
  // Output row r = t B + b: the forward state after step t (its rows are in order, after the zero state), the
  // backward one after its own step T - 1 - t (reversed a step at a time); without sequences, the last states.
  const rows = bi.sequences ? T * B : B;
  copyRowsInto(g, hf, (bi.sequences ? 1 : T) * B * u, u, o, 0, 2 * u, rows, u);
  if (!bi.sequences) copyRowsInto(g, hb, T * B * u, u, o, u, 2 * u, B, u);
  else for (let t = 0; t < T; t++) copyRowsInto(g, hb, (T - t) * B * u, u, o, t * B * 2 * u + u, 2 * u, B, u);
  g.touch(bi.out);
}

/**
 * Back-propagate through a bidirectional layer after {@link biForward} on the same buffers and input, from the
 * gradient of its output `dOut` (the shape of `bi.out`): the weight gradients of both directions and, when the
 * buffers have one, the input gradient `bi.dX` (the two directions' gradients added, the backward one reversed).
 * @throws Error when the buffers were allocated for inference.
 * @example
 * biBackward(g, p.lstm[2], p.lstm[3], dec, E, dD);
 */
export function biBackward(g: Compute, wf: LstmWeights, wb: LstmWeights, bi: BiBuffers, x: Mat, dOut: Mat): void {
  const { B, T, dF, dB } = bi;
  if (!dF || !dB) throw new Error('biBackward: buffers were allocated for inference only');
  const u = wf.u;
  const rows = bi.sequences ? T * B : B;
  // Row r of the output: the forward direction's row r; the backward one's at its own time T - 1 - t.
  copyRowsInto(g, dOut, 0, 2 * u, dF, 0, u, rows, u);
  if (!bi.sequences) copyRowsInto(g, dOut, u, 2 * u, dB, 0, u, rows, u);
  else for (let t = 0; t < T; t++) copyRowsInto(g, dOut, t * B * 2 * u + u, 2 * u, dB, (T - 1 - t) * B * u, u, B, u);
  g.touch(dF);
  g.touch(dB);
  const grad = (m: Mat) => (bi.sequences ? { seq: m } : { last: m });
  lstmBackward(g, wf, bi.fwd, x, grad(dF));
  lstmBackward(g, wb, bi.bwd, bi.xr ?? x, grad(dB));
  if (!bi.dX) return;
  const out = bi.dX.f;
  const a = bi.fwd.dX!.f;
  const c = bi.bwd.dX!.f;
  if (bi.repeated) {
    for (let k = 0; k < out.length; k++) out[k] = a[k] + c[k];
  } else {
    const size = B * wf.d;
    for (let t = 0; t < T; t++) {
      const o = t * size;
      const ob = (T - 1 - t) * size;
      for (let k = 0; k < size; k++) out[o + k] = a[o + k] + c[ob + k];
    }
  }
  g.touch(bi.dX);
}
