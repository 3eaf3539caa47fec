import type { NamedWeight } from '../autoencoder';
import type { Compute } from '../compute/compute';
import { type AutoencoderSpec, lstmSizes } from '../spec';
import { type DenseWeights, FlatParams } from './flat-params';
import { checkWeights, weightShapes } from './init';

export type { DenseWeights } from './flat-params';

/**
 * All trainable values of a model in one flat vector (Keras order, see {@link weightShapes}), with a matching
 * gradient vector and per-layer views into both.
 */
export class Params extends FlatParams {
  readonly dense: DenseWeights;

  /** Allocate zeroed parameters for `spec` through `g`. */
  constructor(
    readonly spec: AutoencoderSpec,
    g: Compute,
  ) {
    super(weightShapes(spec), g);
    const pv = this.views;
    const gv = this.gradViews;
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
