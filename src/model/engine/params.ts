import type { NamedWeight } from '../autoencoder';
import { type Compute, type Mat, transposeInto } from '../compute/compute';
import { type AutoencoderSpec, lstmSizes } from '../spec';
import { checkWeights, weightShapes } from './init';
import type { LstmWeights } from './lstm-buffers';

/** The output layer: TimeDistributed(Dense(features)) with its transpose and gradients. */
export interface DenseWeights {
  K: Mat;
  b: Mat;
  Kt: Mat;
  dK: Mat;
  db: Mat;
}

/**
 * All trainable values of a model in one flat vector (Keras order, see {@link weightShapes}), with a matching
 * gradient vector and per-layer views into both.
 */
export class Params {
  /** Flat parameters and gradients, [1, parameterCount]. */
  readonly values: Mat;
  readonly grads: Mat;
  readonly lstm: LstmWeights[] = [];
  readonly dense: DenseWeights;
  private readonly views: Mat[] = [];
  private readonly gradViews: Mat[] = [];
  private readonly names: { name: string; shape: number[] }[];

  /** Allocate zeroed parameters for `spec` through `g`. */
  constructor(
    readonly spec: AutoencoderSpec,
    private readonly g: Compute,
  ) {
    this.names = weightShapes(spec);
    const total = this.names.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
    this.values = g.alloc(1, total);
    this.grads = g.alloc(1, total);
    const pv: Mat[] = [];
    const gv: Mat[] = [];
    let off = 0;
    for (const { shape } of this.names) {
      const rows = shape.length === 2 ? shape[0] : 1;
      const cols = shape.length === 2 ? shape[1] : shape[0];
      pv.push(g.sub(this.values, off, rows, cols));
      gv.push(g.sub(this.grads, off, rows, cols));
      off += rows * cols;
    }
    this.views = pv;
    this.gradViews = gv;
    let input = spec.features;
    lstmSizes(spec).forEach((u, i) => {
      const k = 3 * i;
      this.lstm.push({
        d: input,
        u,
        W: pv[k],
        U: pv[k + 1],
        b: pv[k + 2],
        Wt: g.alloc(4 * u, input),
        Ut: g.alloc(4 * u, u),
        dW: gv[k],
        dU: gv[k + 1],
        db: gv[k + 2],
      });
      input = u;
    });
    const k = pv.length - 2;
    this.dense = { K: pv[k], b: pv[k + 1], Kt: g.alloc(spec.features, input), dK: gv[k], db: gv[k + 1] };
  }

  /** Number of trainable values. */
  get size(): number {
    return this.values.cols;
  }

  /** Call after the values changed (Adam step, setWeights): refresh the transposes and repack the kernels. */
  changed(): void {
    for (const v of this.views) this.g.touch(v);
    for (const l of this.lstm) {
      transposeInto(this.g, l.W, l.Wt);
      transposeInto(this.g, l.U, l.Ut);
    }
    transposeInto(this.g, this.dense.K, this.dense.Kt);
  }

  /** Copies of the values in Keras layout. */
  get(): NamedWeight[] {
    return this.names.map(({ name, shape }, i) => ({
      name,
      shape: [...shape],
      values: Float32Array.from(this.views[i].f),
    }));
  }

  /** Copies of the last computed gradients, named and shaped as {@link get}. */
  getGrads(): NamedWeight[] {
    return this.names.map(({ name, shape }, i) => ({
      name,
      shape: [...shape],
      values: Float32Array.from(this.gradViews[i].f),
    }));
  }

  /**
   * Replace every value.
   * @throws Error when names or shapes differ from the spec's.
   */
  set(weights: NamedWeight[]): void {
    const ordered = checkWeights(this.spec, weights);
    ordered.forEach((w, i) => this.views[i].f.set(w.values));
    this.changed();
  }
}
