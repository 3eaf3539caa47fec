/**
 * The z-normalised matrix profile of one column (Yeh et al. 2016, "Matrix Profile I"; STOMP, Zhu et al. 2016):
 * each window's Euclidean distance, after z-normalising both windows, to its nearest neighbour. Computed diagonal
 * by diagonal in O(n^2) time and O(n) memory with the mean-centred form of STOMP's sliding-dot-product recurrence
 * (SCAMP / stumpy's `_compute_diagonal`): the co-moment C(i, j) = sum_t (a[i+t] - mu_i)(b[j+t] - mu_j) is updated
 * from C(i-1, j-1) by two products, which avoids STOMP's QT - m mu_i mu_j cancellation on windows of small spread.
 *
 * Constant windows (max = min) follow stumpy: two constant windows are at distance 0, a constant and a varying
 * one at sqrt(m) (their correlation taken as 1 and 0.5).
 */

/** Per-window statistics of one column for the recurrence. */
interface Stats {
  /** Windows: n - m + 1. */
  k: number;
  mean: Float64Array;
  /** 1 / ||window - mean|| (0 for a constant window). */
  inv: Float64Array;
  constant: Uint8Array;
  /** (x[i+m-1] - x[i-1]) / 2 and (x[i+m-1] - mu_i) + (x[i-1] - mu_{i-1}), 0 at i = 0. */
  df: Float64Array;
  dg: Float64Array;
}

/**
 * The exclusion zone of a window of m steps: ceil(m / 4), stumpy's default (`STUMPY_EXCL_ZONE_DENOM = 4`); windows
 * i and j with |i - j| <= zone are trivial matches of each other and never neighbours in a self-join.
 *
 * @example
 * exclusionZone(100); // 25
 */
export function exclusionZone(m: number): number {
  return Math.ceil(m / 4);
}

function stats(x: Float64Array, m: number): Stats {
  const k = x.length - m + 1;
  const mean = new Float64Array(k);
  const inv = new Float64Array(k);
  const constant = new Uint8Array(k);
  const df = new Float64Array(k);
  const dg = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = 0;
    let lo = x[i];
    let hi = x[i];
    for (let t = i; t < i + m; t++) {
      const v = x[t];
      s += v;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    const mu = s / m;
    let ss = 0;
    for (let t = i; t < i + m; t++) ss += (x[t] - mu) * (x[t] - mu);
    mean[i] = mu;
    constant[i] = hi === lo ? 1 : 0;
    inv[i] = hi === lo || ss === 0 ? 0 : 1 / Math.sqrt(ss);
    if (i > 0) {
      df[i] = (x[i + m - 1] - x[i - 1]) / 2;
      dg[i] = x[i + m - 1] - mu + (x[i - 1] - mean[i - 1]);
    }
  }
  return { k, mean, inv, constant, df, dg };
}

/** The co-moment of window i of a and window j of b, directly (O(m)). */
function comoment(a: Float64Array, sa: Stats, i: number, b: Float64Array, sb: Stats, j: number, m: number): number {
  let c = 0;
  for (let t = 0; t < m; t++) c += (a[i + t] - sa.mean[i]) * (b[j + t] - sb.mean[j]);
  return c;
}

/** The correlation of two windows (stumpy's values where one is constant). */
function corr(c: number, sa: Stats, i: number, sb: Stats, j: number): number {
  if (sa.constant[i] || sb.constant[j]) return sa.constant[i] && sb.constant[j] ? 1 : 0.5;
  return c * sa.inv[i] * sb.inv[j];
}

/**
 * Distances sqrt(2m (1 - r)) of the best correlations, in place; a squared distance below 1e-14 is 0 (stumpy's
 * `STUMPY_P_NORM_THRESHOLD`: the rounding of r near 1 would otherwise show as about 1e-8).
 */
function toDistance(best: Float64Array, m: number): Float64Array {
  for (let i = 0; i < best.length; i++) {
    const d2 = 2 * m * (1 - Math.min(best[i], 1));
    best[i] = best[i] === -Infinity ? Infinity : d2 < 1e-14 ? 0 : Math.sqrt(d2);
  }
  return best;
}

function checkLength(x: Float64Array, m: number, what: string): void {
  if (!Number.isInteger(m) || m < 3) throw new Error(`matrix profile: window ${m} (at least 3 steps)`);
  if (x.length < m) throw new Error(`matrix profile: ${what} has ${x.length} steps, fewer than the window ${m}`);
}

/**
 * Self-join: each of the n - m + 1 windows of `x` against every window outside its exclusion zone
 * ({@link exclusionZone}); Infinity for a window with none.
 *
 * @throws Error for a window below 3 or a series shorter than it.
 * @example
 * selfJoin(Float64Array.from([0, 1, 0, 1, 0, 1, 5, 1]), 3); // 6 distances
 */
export function selfJoin(x: Float64Array, m: number): Float64Array {
  checkLength(x, m, 'the series');
  const s = stats(x, m);
  const { k, df, dg, inv, constant } = s;
  const best = new Float64Array(k).fill(-Infinity);
  const anyConstant = constant.includes(1);
  for (let d = exclusionZone(m) + 1; d < k; d++) {
    let c = comoment(x, s, 0, x, s, d, m);
    let r = anyConstant ? corr(c, s, 0, s, d) : c * inv[0] * inv[d];
    if (r > best[0]) best[0] = r;
    if (r > best[d]) best[d] = r;
    for (let i = 1, j = d + 1; j < k; i++, j++) {
      c += df[i] * dg[j] + df[j] * dg[i];
      r = anyConstant && (constant[i] | constant[j]) !== 0 ? corr(c, s, i, s, j) : c * inv[i] * inv[j];
      if (r > best[i]) best[i] = r;
      if (r > best[j]) best[j] = r;
    }
  }
  return toDistance(best, m);
}

/**
 * AB-join: each window of `a` against every window of `b` (no exclusion zone: they are different series).
 *
 * @throws Error for a window below 3 or a series shorter than it.
 * @example
 * abJoin(test, train, 30); // test.length - 29 distances
 */
export function abJoin(a: Float64Array, b: Float64Array, m: number): Float64Array {
  checkLength(a, m, 'the scored series');
  checkLength(b, m, 'the reference');
  const sa = stats(a, m);
  const sb = stats(b, m);
  const best = new Float64Array(sa.k).fill(-Infinity);
  for (let d = -(sa.k - 1); d < sb.k; d++) {
    let i = d < 0 ? -d : 0;
    let j = i + d;
    let c = comoment(a, sa, i, b, sb, j, m);
    for (let first = true; i < sa.k && j < sb.k; i++, j++, first = false) {
      if (!first) c += sa.df[i] * sb.dg[j] + sb.df[j] * sa.dg[i];
      const r = sa.constant[i] || sb.constant[j] ? corr(c, sa, i, sb, j) : c * sa.inv[i] * sb.inv[j];
      if (r > best[i]) best[i] = r;
    }
  }
  return toDistance(best, m);
}
