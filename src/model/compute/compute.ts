/**
 * A row-major float32 matrix owned by a {@link Compute} provider. Its values may live outside the JS heap
 * (in WebAssembly memory), so read `f` again after every call into the provider: the view can be replaced.
 */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  /** The values, `rows * cols`, row-major. */
  readonly f: Float32Array;
  /** Bumped by {@link Compute.touch}: the provider repacks a right operand whose version changed. */
  version: number;
}

/**
 * The compute provider of the engine: matrix products, an in-place logistic sigmoid and, optionally, the fused
 * kernels of {@link CellOps}. Without those the engine does the rest (cell, Adam, dropout) in plain JS over
 * `Mat.f`. One provider per backend: the engine's SIMD kernels (or XNNPACK) on wasm, tfjs ops elsewhere.
 */
export interface Compute {
  /** Provider name, e.g. `wasm-xnnpack` or `tfjs-cpu`. */
  readonly name: string;
  /** A new zero-filled matrix. */
  alloc(rows: number, cols: number): Mat;
  /** A matrix sharing `rows * cols` values of `parent` from element `offset` (rows of a sequence, a weight). */
  sub(parent: Mat, offset: number, rows: number, cols: number): Mat;
  /**
   * `out = a x b` (no transposes: the engine keeps explicit transposed copies of the weights).
   * @throws Error when the shapes do not agree.
   */
  mm(a: Mat, b: Mat, out: Mat): void;
  /**
   * `out = aᵀ x b` with `a` [K, M] and `b` [K, N] (weight gradients: activationsᵀ x gate gradients).
   * @throws Error when the shapes do not agree.
   */
  mmT(a: Mat, b: Mat, out: Mat): void;
  /** `m = 1 / (1 + exp(-m))`, elementwise, in place. */
  sigmoid(m: Mat): void;
  /** Declare that the values of `m` changed since it was last used as a right operand. */
  touch(m: Mat): void;
  /** Free every matrix this provider allocated. */
  dispose(): void;
  /** Fused LSTM step kernels, when the provider has them (wasm SIMD); else the engine runs its plain-JS cell. */
  readonly cell?: CellOps;
}

/**
 * A row copy's arguments: rows of `u` values from `src` (row r at element `from + r * srcStride`) to `dst` (at
 * `to + r * dstStride`).
 */
export type RowCopy = [
  src: Mat,
  from: number,
  srcStride: number,
  dst: Mat,
  to: number,
  dstStride: number,
  rows: number,
  u: number,
];

/**
 * Fused LSTM step kernels over a provider's matrices (see `wasm/kernels.c`). Offsets count elements from the
 * start of a matrix; a step covers B rows. Gate rows are `[i | f | g | o]`, each `u` wide.
 */
export interface CellOps {
  /**
   * Forward step: z = P + R + bias (R null at the first step), gate activations into A, c_t (C at
   * `cOff + B*u`) from c_{t-1} (C at `cOff`), tanh(c_t) into TC and h_t = o tanh(c_t) into H.
   */
  forward(
    B: number,
    u: number,
    P: Mat,
    pOff: number,
    R: Mat | null,
    bias: Mat,
    A: Mat,
    aOff: number,
    C: Mat,
    cOff: number,
    TC: Mat,
    tcOff: number,
    H: Mat,
    hOff: number,
  ): void;
  /**
   * Backward step: from dh = dhNext (unless `last`) + dOut (when given) and the carried cell gradient dcNext,
   * the gate pre-activation gradients into dZ; dcNext becomes dc f.
   */
  backward(
    B: number,
    u: number,
    last: boolean,
    dOut: Mat | null,
    dOutOff: number,
    dhNext: Mat,
    dcNext: Mat,
    A: Mat,
    aOff: number,
    C: Mat,
    cOff: number,
    TC: Mat,
    tcOff: number,
    dZ: Mat,
    dzOff: number,
  ): void;
  /** `dst` = transpose of `src` (not touched: the caller does). */
  transpose(src: Mat, dst: Mat): void;
  /** `out` [1, N] = the sums of the rows of `a` [M, N] (bias gradients). */
  sumRows(a: Mat, out: Mat): void;
  /** A row copy (see {@link RowCopy}); `dst` is not touched. */
  copyRows(...args: RowCopy): void;
  /** `out` = `a` * `m` element by element (dropout masks; all of one size, `out` may be `a`; not touched). */
  mul(a: Mat, m: Mat, out: Mat): void;
  /**
   * One Keras Adam step on `p` from the gradient `g1 + g2` (`g2` null: `g1`), moments `m` and `s` updated in
   * place (see {@link Adam}); all of the same size.
   */
  adam(p: Mat, g1: Mat, g2: Mat | null, m: Mat, s: Mat, lrT: number, b1: number, b2: number, eps: number): void;
  /** The masks `dropoutMasks` (dropout.ts) makes, the same numbers, written into `enc` [B, uLast] and `dec` [T*B, uFirst]. */
  dropoutMasks(rate: number, seed: number, step: number, row0: number, B: number, T: number, enc: Mat, dec: Mat): void;
}

/**
 * Check the shapes of `out = a x b`.
 * @throws Error `matmul shapes: [..] x [..] -> [..]` when they disagree.
 * @example
 * checkMm(a, b, out);
 */
export function checkMm(a: Mat, b: Mat, out: Mat): void {
  if (a.cols !== b.rows || out.rows !== a.rows || out.cols !== b.cols) {
    throw new Error(`matmul shapes: [${a.rows},${a.cols}] x [${b.rows},${b.cols}] -> [${out.rows},${out.cols}]`);
  }
}

/**
 * Write the transpose of `src` into `dst` (`dst` is `src.cols x src.rows`), then touch `dst` through `g`.
 * @throws Error when the shapes disagree.
 * @example
 * transposeInto(g, w, wT);
 */
export function transposeInto(g: Compute, src: Mat, dst: Mat): void {
  if (dst.rows !== src.cols || dst.cols !== src.rows)
    throw new Error(`transpose shapes: [${src.rows},${src.cols}] -> [${dst.rows},${dst.cols}]`);
  if (g.cell) {
    g.cell.transpose(src, dst);
    g.touch(dst);
    return;
  }
  const s = src.f;
  const d = dst.f;
  const R = src.rows;
  const C = src.cols;
  // Blocked to stay in cache for the large [T*B, u] activations.
  const BS = 32;
  for (let r0 = 0; r0 < R; r0 += BS) {
    const r1 = Math.min(R, r0 + BS);
    for (let c0 = 0; c0 < C; c0 += BS) {
      const c1 = Math.min(C, c0 + BS);
      for (let r = r0; r < r1; r++) {
        const so = r * C;
        for (let c = c0; c < c1; c++) d[c * R + r] = s[so + c];
      }
    }
  }
  g.touch(dst);
}

/**
 * Check the shapes of `out = aᵀ x b`.
 * @throws Error `matmul shapes: [..]ᵀ x [..] -> [..]` when they disagree.
 * @example
 * checkMmT(a, b, out);
 */
export function checkMmT(a: Mat, b: Mat, out: Mat): void {
  if (a.rows !== b.rows || out.rows !== a.cols || out.cols !== b.cols) {
    throw new Error(`matmul shapes: [${a.rows},${a.cols}]ᵀ x [${b.rows},${b.cols}] -> [${out.rows},${out.cols}]`);
  }
}

/**
 * `out` [1, N] = the sums of the rows of `a` [M, N], in row order (the provider's kernel when it has one).
 * @throws Error when `out` does not have N values.
 * @example
 * sumRowsInto(g, dZ, w.db);
 */
export function sumRowsInto(g: Compute, a: Mat, out: Mat): void {
  if (out.rows * out.cols !== a.cols)
    throw new Error(`row-sum shapes: [${a.rows},${a.cols}] -> [${out.rows},${out.cols}]`);
  if (g.cell && a.rows > 0) g.cell.sumRows(a, out);
  else {
    const s = a.f;
    const o = out.f;
    const N = a.cols;
    o.fill(0);
    for (let r = 0; r < a.rows; r++) for (let c = 0; c < N; c++) o[c] += s[r * N + c];
  }
  g.touch(out);
}

/**
 * Copy `rows` rows of `u` values from `src` (row r at `from + r * srcStride`) to `dst` (row r at `to + r *
 * dstStride`): joins a bidirectional layer's two directions into rows of 2u values, or splits them. Plain loops:
 * rows of a few dozen values copy several times faster so than by `set(subarray(..))`, which makes a view per row.
 * @example
 * copyRows(hf, 0, 30, out.f, 0, 60, 64, 30); // the forward states into the first halves of the output rows
 */
export function copyRows(
  src: Float32Array,
  from: number,
  srcStride: number,
  dst: Float32Array,
  to: number,
  dstStride: number,
  rows: number,
  u: number,
): void {
  for (let r = 0; r < rows; r++) {
    const s = from + r * srcStride;
    const d = to + r * dstStride;
    for (let j = 0; j < u; j++) dst[d + j] = src[s + j];
  }
}

/**
 * {@link copyRows} on matrices, by the provider's kernel when it has one (a bidirectional layer's joins and splits
 * took a sixth of AER's training in plain loops); `dst` is not touched (the caller does, once).
 * @example
 * copyRowsInto(g, bi.fwd.H, B * u, u, bi.out, 0, 2 * u, T * B, u);
 */
export function copyRowsInto(g: Compute, ...args: RowCopy): void {
  const [src, from, srcStride, dst, to, dstStride, rows, u] = args;
  if (g.cell && rows > 0) g.cell.copyRows(...args);
  else copyRows(src.f, from, srcStride, dst.f, to, dstStride, rows, u);
}
