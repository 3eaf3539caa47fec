/**
 * A row-major float32 matrix owned by a {@link Gemm} provider. Its values may live outside the JS heap
 * (in WebAssembly memory), so read `f` again after every call into the provider: the view can be replaced.
 */
export interface Mat {
  readonly rows: number;
  readonly cols: number;
  /** The values, `rows * cols`, row-major. */
  readonly f: Float32Array;
  /** Bumped by {@link Gemm.touch}: the provider repacks a right operand whose version changed. */
  version: number;
}

/**
 * The compute provider of the engine: matrix products and an in-place logistic sigmoid (the only
 * transcendental the LSTM needs: tanh(x) = 2 sigmoid(2x) - 1). Everything else (gate arithmetic, losses, Adam)
 * is plain JS over `Mat.f`. One provider per backend: XNNPACK called directly on wasm, tfjs ops elsewhere.
 */
export interface Gemm {
  /** Provider name, e.g. `wasm-xnnpack` or `tfjs-cpu`. */
  readonly name: string;
  /** A new zero-filled matrix. */
  alloc(rows: number, cols: number): Mat;
  /** A matrix sharing `rows * cols` values of `parent` from element `offset` (rows of a sequence, a weight). */
  sub(parent: Mat, offset: number, rows: number, cols: number): Mat;
  /**
   * `out = a x b` (no transposes: the engine keeps explicit transposed copies).
   * @throws Error when the shapes do not agree.
   */
  mm(a: Mat, b: Mat, out: Mat): void;
  /** `m = 1 / (1 + exp(-m))`, elementwise, in place. */
  sigmoid(m: Mat): void;
  /** Declare that the values of `m` changed since it was last used as a right operand. */
  touch(m: Mat): void;
  /** Free every matrix this provider allocated. */
  dispose(): void;
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
export function transposeInto(g: Gemm, src: Mat, dst: Mat): void {
  if (dst.rows !== src.cols || dst.cols !== src.rows) throw new Error(`transpose shapes: [${src.rows},${src.cols}] -> [${dst.rows},${dst.cols}]`);
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
