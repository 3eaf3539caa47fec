import type { Rng } from '../../util/random';

/** Euler-Mascheroni constant. */
const EULER_GAMMA = 0.5772156649015329;

/**
 * The harmonic number H(i) = 1 + 1/2 + ... + 1/i: summed exactly up to i = 64, beyond by its asymptotic expansion
 * ln(i) + gamma + 1/(2i) - 1/(12i^2) + 1/(120i^4) (error below 1e-15 there).
 *
 * @throws Nothing (H(0) = 0).
 * @example
 * harmonic(3); // 1.8333333333333333
 */
export function harmonic(i: number): number {
  if (i <= 64) {
    let s = 0;
    for (let k = 1; k <= i; k++) s += 1 / k;
    return s;
  }
  const i2 = i * i;
  return Math.log(i) + EULER_GAMMA + 1 / (2 * i) - 1 / (12 * i2) + 1 / (120 * i2 * i2);
}

/**
 * c(n), the average path length of an unsuccessful search in a binary search tree of n points (Liu, Ting and Zhou
 * 2008, eq. 1): c(n) = 2H(n-1) - 2(n-1)/n, c(1) = c(0) = 0. It normalises the path length h(x) in the score
 * 2^(-E(h(x)) / c(psi)) and is added at a leaf still holding n points. H is the harmonic number itself (the paper
 * estimates it by ln(i) + 0.5772156649, as scikit-learn does: 10.2448 for c(256) where H gives 10.2487).
 *
 * @throws Nothing.
 * @example
 * averagePathLength(2); // 1
 */
export function averagePathLength(n: number): number {
  if (n <= 1) return 0;
  return 2 * harmonic(n - 1) - (2 * (n - 1)) / n;
}

/** Isolation trees stored flat: node k is a leaf when `feature[k]` is -1, else `x[feature] < split` goes left. */
export interface FlatTrees {
  feature: number[];
  split: number[];
  left: number[];
  right: number[];
  /** Points the node held while growing (leaves: the points c(size) stands for). */
  size: number[];
  /** Root node of each tree. */
  roots: number[];
}

/**
 * Grow one isolation tree on the points `idx` (indices of rows of `x`, `d` values each; the array is reordered)
 * and append it to `trees`. A node splits on a feature drawn at random among those not constant on its points,
 * at a value drawn uniformly between their min and max, until it holds one point, all its points are equal, or
 * it is `limit` deep (the paper's height limit ceil(log2 psi)).
 *
 * @throws Nothing.
 * @example
 * growTree(trees, windows.x, 30, Int32Array.from(sample), 8, new Rng(42));
 */
export function growTree(trees: FlatTrees, x: Float32Array, d: number, idx: Int32Array, limit: number, rng: Rng): void {
  const feats = Int32Array.from({ length: d }, (_, j) => j);
  trees.roots.push(grow(0, idx.length, 0));

  function grow(lo: number, hi: number, depth: number): number {
    const node = trees.feature.length;
    trees.feature.push(-1);
    trees.split.push(0);
    trees.left.push(-1);
    trees.right.push(-1);
    trees.size.push(hi - lo);
    if (depth >= limit || hi - lo <= 1) return node;
    // Draw features without replacement until one is not constant here (uniform over the non-constant ones).
    for (let m = d; m > 0; m--) {
      const j = rng.int(m);
      const f = feats[j];
      feats[j] = feats[m - 1];
      feats[m - 1] = f;
      let min = Infinity;
      let max = -Infinity;
      for (let k = lo; k < hi; k++) {
        const v = x[idx[k] * d + f];
        if (v < min) min = v;
        if (v > max) max = v;
      }
      if (!(max > min)) continue;
      const p = rng.uniform(min, max);
      let mid = lo;
      for (let k = lo; k < hi; k++) {
        if (x[idx[k] * d + f] < p) {
          const t = idx[k];
          idx[k] = idx[mid];
          idx[mid++] = t;
        }
      }
      trees.feature[node] = f;
      trees.split[node] = p;
      trees.left[node] = grow(lo, mid, depth + 1);
      trees.right[node] = grow(mid, hi, depth + 1);
      return node;
    }
    return node;
  }
}

/**
 * The path length h(x) of the point at `x[o .. o + d)` in the tree rooted at `root`: edges from the root to its
 * leaf, plus `leafCorrection[leaf]` (c(size) of the leaf).
 *
 * @throws Nothing.
 * @example
 * pathLength(trees, corr, trees.roots[0], windows.x, 0);
 */
export function pathLength(
  t: FlatTrees,
  leafCorrection: Float64Array,
  root: number,
  x: ArrayLike<number>,
  o: number,
): number {
  let node = root;
  let h = 0;
  while (t.feature[node] >= 0) {
    node = x[o + t.feature[node]] < t.split[node] ? t.left[node] : t.right[node];
    h++;
  }
  return h + leafCorrection[node];
}
