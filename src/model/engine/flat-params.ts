import type { NamedWeight } from '../autoencoder';
import { type Compute, type Mat, transposeInto } from '../compute/compute';
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
 * What every engine model's parameters share: all trainable values in one flat vector (in the order of `names`),
 * a matching gradient vector, a view of each weight into both, the LSTM layers' and the output layer's weights
 * (filled in by the subclass from those views), their transposes refreshed by {@link changed}, and copies out.
 *
 * @example
 * class MyParams extends FlatParams { ... } // see Params and AerParams
 */
export abstract class FlatParams {
  /** Flat parameters and gradients, [1, parameterCount]. */
  readonly values: Mat;
  readonly grads: Mat;
  readonly lstm: LstmWeights[] = [];
  abstract readonly dense: DenseWeights;
  /** Each weight's view into `values` and into `grads`, in the order of `names`. */
  protected readonly views: Mat[] = [];
  protected readonly gradViews: Mat[] = [];

  /** Allocate zeroed values and gradients for the weights `names` through `g`. */
  constructor(
    protected readonly names: { name: string; shape: number[] }[],
    protected readonly g: Compute,
  ) {
    const total = names.reduce((s, w) => s + w.shape.reduce((a, b) => a * b, 1), 0);
    this.values = g.alloc(1, total);
    this.grads = g.alloc(1, total);
    let off = 0;
    for (const { shape } of names) {
      const rows = shape.length === 2 ? shape[0] : 1;
      const cols = shape.length === 2 ? shape[1] : shape[0];
      this.views.push(g.sub(this.values, off, rows, cols));
      this.gradViews.push(g.sub(this.grads, off, rows, cols));
      off += rows * cols;
    }
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

  /** Copies of the values, named and shaped as `names`. */
  get(): NamedWeight[] {
    return this.copies(this.views);
  }

  /** Copies of the last computed gradients, named and shaped as {@link get}. */
  getGrads(): NamedWeight[] {
    return this.copies(this.gradViews);
  }

  private copies(of: Mat[]): NamedWeight[] {
    return this.names.map(({ name, shape }, i) => ({ name, shape: [...shape], values: Float32Array.from(of[i].f) }));
  }
}
