/**
 * Copy windows `order[start .. start + B - 1]` (with `order` null: windows `start ..`) of `x` (window-major
 * [n, T, F]) into `dst` time-major ([T, rows, F], row `t * rows + b`; `rows` >= B, the buffer's batch).
 * @example
 * gatherWindows(x, 30, 1, order, 0, 32, nb.X.f);
 */
export function gatherWindows(
  x: Float32Array,
  T: number,
  F: number,
  order: ArrayLike<number> | null,
  start: number,
  B: number,
  dst: Float32Array,
  rows = B,
): void {
  for (let b = 0; b < B; b++) {
    const w = order ? order[start + b] : start + b;
    const src = w * T * F;
    for (let t = 0; t < T; t++) {
      const o = (t * rows + b) * F;
      const s = src + t * F;
      for (let c = 0; c < F; c++) dst[o + c] = x[s + c];
    }
  }
}

/**
 * Copy the first B windows of a time-major batch `src` ([T, rows, F], `rows` >= B) back to windows
 * `first .. first + B - 1` of `out` (window-major).
 * @example
 * scatterWindows(nb.Y.f, 30, 1, 64, 32, out);
 */
export function scatterWindows(
  src: Float32Array,
  T: number,
  F: number,
  first: number,
  B: number,
  out: Float32Array,
  rows = B,
): void {
  for (let b = 0; b < B; b++) {
    const dstBase = (first + b) * T * F;
    for (let t = 0; t < T; t++) {
      const o = (t * rows + b) * F;
      const d = dstBase + t * F;
      for (let c = 0; c < F; c++) out[d + c] = src[o + c];
    }
  }
}

/**
 * Check that `x` holds `n` windows of T steps and F features, and that `order` indexes them.
 * @throws Error `invalid windows: ...` or `invalid order: ...`.
 * @example
 * checkWindows(x, n, 30, 1, order);
 */
export function checkWindows(x: Float32Array, n: number, T: number, F: number, order?: ArrayLike<number>): void {
  if (!Number.isInteger(n) || n < 0 || x.length !== n * T * F) {
    throw new Error(`invalid windows: ${x.length} values for ${n} windows of ${T} steps x ${F} features`);
  }
  if (order) {
    for (let k = 0; k < order.length; k++) {
      const w = order[k];
      if (!Number.isInteger(w) || w < 0 || w >= n)
        throw new Error(`invalid order: entry ${k} is ${w}, expected an index in [0, ${n})`);
    }
  }
}
