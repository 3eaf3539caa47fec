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
 * `v = b2 v + (1 - b2) g^2`, `p -= lr_t * m / (sqrt(v) + eps)`, over one flat parameter vector.
 *
 * @example
 * const adam = new Adam(198273, { learningRate: 1e-3 }); adam.step(params, grads);
 */
export class Adam {
  /** Steps taken so far. */
  t = 0;
  private readonly m: Float32Array;
  private readonly v: Float32Array;
  private readonly lr: number;
  private readonly b1: number;
  private readonly b2: number;
  private readonly eps: number;

  /** @param size number of parameters. */
  constructor(size: number, o: AdamOptions = {}) {
    this.m = new Float32Array(size);
    this.v = new Float32Array(size);
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
    const { m, v, b1, b2, eps } = this;
    if (p.length !== m.length || g.length !== m.length) throw new Error(`adam: expected ${m.length} values, got ${p.length} and ${g.length}`);
    this.t++;
    const lrT = (this.lr * Math.sqrt(1 - Math.pow(b2, this.t))) / (1 - Math.pow(b1, this.t));
    const c1 = 1 - b1, c2 = 1 - b2;
    for (let k = 0; k < p.length; k++) {
      const gk = g[k];
      const mk = (m[k] = b1 * m[k] + c1 * gk);
      const vk = (v[k] = b2 * v[k] + c2 * gk * gk);
      p[k] -= (lrT * mk) / (Math.sqrt(vk) + eps);
    }
  }

  /** Forget the moments and the step count (after weights are replaced). */
  reset(): void {
    this.t = 0;
    this.m.fill(0);
    this.v.fill(0);
  }
}
