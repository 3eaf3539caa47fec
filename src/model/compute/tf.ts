import * as tf from '../../backend/tf';
import { type Compute, checkMm, checkMmT, type Mat } from './compute';

class JsMat implements Mat {
  version = 0;
  constructor(
    readonly f: Float32Array,
    readonly rows: number,
    readonly cols: number,
  ) {}
}

/** `out = a x b`, or `aᵀ x b` when `transposeA`, by `tf.matMul`. */
function matMulInto(a: Mat, b: Mat, out: Mat, transposeA: boolean): void {
  const r = tf.tidy(() =>
    tf.matMul(tf.tensor2d(a.f, [a.rows, a.cols]), tf.tensor2d(b.f, [b.rows, b.cols]), transposeA),
  );
  try {
    out.f.set(r.dataSync() as Float32Array);
  } finally {
    r.dispose();
  }
}

/**
 * The portable {@link Compute}: matrices in the JS heap, products by `tf.matMul` on the current tfjs backend
 * (`cpu`, `tensorflow`, or `wasm` when its internals are not reachable). Each product copies its operands in and
 * its result out; everything runs inside `tf.tidy`, so no tensor outlives a call.
 *
 * @example
 * const g = tfCompute(); const c = g.alloc(2, 2); g.mm(a, b, c);
 */
export function tfCompute(): Compute {
  return {
    name: `tfjs-${tf.getBackend()}`,
    alloc(rows: number, cols: number): Mat {
      return new JsMat(new Float32Array(rows * cols), rows, cols);
    },
    sub(parent: Mat, offset: number, rows: number, cols: number): Mat {
      if (offset < 0 || offset + rows * cols > parent.rows * parent.cols)
        throw new Error(`sub-matrix out of range: ${offset}+${rows}x${cols}`);
      return new JsMat(parent.f.subarray(offset, offset + rows * cols), rows, cols);
    },
    mm(a: Mat, b: Mat, out: Mat): void {
      checkMm(a, b, out);
      matMulInto(a, b, out, false);
    },
    mmT(a: Mat, b: Mat, out: Mat): void {
      checkMmT(a, b, out);
      matMulInto(a, b, out, true);
    },
    sigmoid(m: Mat): void {
      const f = m.f;
      for (let k = 0; k < f.length; k++) f[k] = 1 / (1 + Math.exp(-f[k]));
    },
    touch(m: Mat): void {
      m.version++;
    },
    dispose(): void {
      /* JS-heap matrices: nothing to free */
    },
  };
}
