import type { Compute, Mat } from '../compute/compute';

/** Adam hyper-parameters; defaults are Keras'. */
export interface AdamOptions {
  /** Learning rate. Default 1e-3. */
  learningRate?: number;
  /** Default 0.9. */
  beta1?: number;
  /** Default 0.999. */
  beta2?: number;
  /** Default 1e-7 (Keras; added to sqrt(v), as Keras does, not to the bias-corrected sqrt). */
  epsilon?: number;
}

/**
 * Adam exactly as Keras applies it: `lr_t = lr * sqrt(1 - b2^t) / (1 - b1^t)`, `m = b1 m + (1 - b1) g`,
 * `v = b2 v + (1 - b2) g^2`, `p -= lr_t * m / (sqrt(v) + eps)`, over one flat parameter vector. {@link step}
 * runs in JS (float64 arithmetic, float32 storage); {@link stepOn} runs the provider's SIMD kernel (float32)
 * when it has one. One optimizer uses one of the two.
 *
 * @example
 * const adam = new Adam(198273, { learningRate: 1e-3 }); adam.step(params, grads);
 */
export class Adam {
  /** Steps taken so far. */
  t = 0;
  /** The moments: in the JS heap for {@link step}, in the provider's memory for {@link stepOn}'s kernel (allocated on first use). */
  private js: { m: Float32Array; v: Float32Array } | null = null;
  private mats: { g: Compute; m: Mat; v: Mat; parts: Map<Mat, Map<string, Mat>> } | null = null;
  private readonly lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  /** @param size number of parameters. */
  constructor(
    readonly size: number,
    o: AdamOptions = {},
  ) {
    this.lr = o.learningRate ?? 1e-3;
    this.b1 = o.beta1 ?? 0.9;
    this.b2 = o.beta2 ?? 0.999;
    this.eps = o.epsilon ?? 1e-7;
  }

  /**
   * One update of `p` in place from gradients `g`.
   * @throws Error when the lengths differ from the optimizer's size.
   */
  step(p: Float32Array, g: Float32Array): void {
    const n = this.size;
    if (p.length !== n || g.length !== n)
      throw new Error(`adam: expected ${n} values, got ${p.length} and ${g.length}`);
    this.update(p, g, 0, n, this.nextRate());
  }

  /** The update of values lo .. hi - 1 at rate `lrT`, in JS (float64 arithmetic, float32 storage). */
  private update(p: Float32Array, g: Float32Array, lo: number, hi: number, lrT: number): void {
    const { m, v } = this.jsMoments();
    const { b1, b2, eps } = this;
    const c1 = 1 - b1,
      c2 = 1 - b2;
    for (let k = lo; k < hi; k++) {
      const gk = g[k];
      const mk = (m[k] = b1 * m[k] + c1 * gk);
      const vk = (v[k] = b2 * v[k] + c2 * gk * gk);
      p[k] -= (lrT * mk) / (Math.sqrt(vk) + eps);
    }
  }

  /**
   * One update of `p` in place from the gradient `g1 + g2` (`g2` null: `g1`), all matrices of provider `g`:
   * its fused kernel when it has one (moments kept in its memory), else the sum then {@link step}. `g1` may be
   * overwritten.
   * @throws Error when the sizes differ from the optimizer's size.
   * @example
   * adam.stepOn(gemm, params.values, params.grads, workerGrads);
   */
  stepOn(g: Compute, p: Mat, g1: Mat, g2: Mat | null): void {
    this.stepRange(g, p, g1, g2, 0, this.size, this.nextRate());
  }

  /**
   * The update of {@link stepOn} on values lo .. hi - 1 only, at rate `lrT` (from {@link advance}): two threads
   * each update one part of the same step, with the bits of one whole update when `lo` and `hi` are multiples of
   * 16 or the ends (every element's arithmetic is its own). The moments outside the range are not touched.
   * @throws Error when the sizes differ from the optimizer's size, or the range is not within it.
   * @example
   * const rate = adam.advance(); adam.stepRange(gemm, values, grads, other, 0, half, rate);
   */
  stepRange(g: Compute, p: Mat, g1: Mat, g2: Mat | null, lo: number, hi: number, lrT: number): void {
    const n = this.size;
    const size = (x: Mat) => x.rows * x.cols;
    if (size(p) !== n || size(g1) !== n || (g2 && size(g2) !== n)) throw new Error(`adam: expected ${n} values`);
    if (!(Number.isInteger(lo) && Number.isInteger(hi) && lo >= 0 && lo <= hi && hi <= n))
      throw new Error(`adam: invalid range: ${lo}..${hi} of ${n}`);
    if (lo === hi) return;
    const k = g.cell;
    if (!k) {
      const a = g1.f;
      if (g2) {
        const b = g2.f;
        for (let i = lo; i < hi; i++) a[i] += b[i];
      }
      this.update(p.f, a, lo, hi, lrT);
    } else {
      const { m, v } = this.matsFor(g);
      const whole = lo === 0 && hi === n;
      const part = (x: Mat) => (whole ? x : this.part(g, x, lo, hi));
      k.adam(part(p), part(g1), g2 && part(g2), part(m), part(v), lrT, this.b1, this.b2, this.eps);
    }
    g.touch(p);
  }

  /** Values lo .. hi - 1 of `x` as a matrix of its own (made once per matrix and range). */
  private part(g: Compute, x: Mat, lo: number, hi: number): Mat {
    const parts = this.mats!.parts;
    const key = `${lo}:${hi}`;
    let byMat = parts.get(x);
    if (!byMat) parts.set(x, (byMat = new Map()));
    let sub = byMat.get(key);
    if (!sub) byMat.set(key, (sub = g.sub(x, lo, 1, hi - lo)));
    return sub;
  }

  /** Count a step and return its rate, for {@link stepRange} calls that share one step. */
  advance(): number {
    return this.nextRate();
  }

  /**
   * Copies of the moments of values lo .. hi - 1 (zeros before the first step), to hand that part of the update
   * to another optimizer ({@link setMoments}).
   */
  moments(lo: number, hi: number): { m: Float32Array; v: Float32Array } {
    const src = this.mats ? { m: this.mats.m.f, v: this.mats.v.f } : this.js;
    if (!src) return { m: new Float32Array(hi - lo), v: new Float32Array(hi - lo) };
    return { m: src.m.slice(lo, hi), v: src.v.slice(lo, hi) };
  }

  /** Set the moments of values lo .. lo + m.length - 1 (see {@link moments}) in provider `g`'s memory. */
  setMoments(g: Compute, lo: number, m: Float32Array, v: Float32Array): void {
    const mats = g.cell ? this.matsFor(g) : null;
    const dst = mats ? { m: mats.m.f, v: mats.v.f } : this.jsMoments();
    dst.m.set(m, lo);
    dst.v.set(v, lo);
  }

  /** The moments in the JS heap (for {@link step}), made on first use. */
  private jsMoments(): { m: Float32Array; v: Float32Array } {
    return (this.js ??= { m: new Float32Array(this.size), v: new Float32Array(this.size) });
  }

  /** The moments in provider `g`'s memory (for its kernel), made on first use with that provider. */
  private matsFor(g: Compute): NonNullable<Adam['mats']> {
    if (this.mats?.g !== g) this.mats = { g, m: g.alloc(1, this.size), v: g.alloc(1, this.size), parts: new Map() };
    return this.mats;
  }

  /** Count a step and return its rate `lr * sqrt(1 - b2^t) / (1 - b1^t)`. */
  private nextRate(): number {
    this.t++;
    return (this.lr * Math.sqrt(1 - this.b2 ** this.t)) / (1 - this.b1 ** this.t);
  }
}
