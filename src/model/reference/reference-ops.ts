import * as tf from '../../backend/tf';
import type { DropoutMasks } from '../engine/dropout';
import { type AutoencoderSpec, lstmSizes } from '../spec';

/**
 * A straightforward tf-ops implementation of the autoencoder's training loss, step by step with explicit
 * dropout masks (time-major, as {@link dropoutMasks} makes them), for checking the engine's hand-written
 * gradients against tfjs autograd (`tf.variableGrads`). Slow on purpose: clarity over speed.
 *
 * @param w tensors by Keras weight name (`lstm_0/kernel`, ..., `dense/bias`).
 * @param x windows [B, T, F].
 * @example
 * const { value, grads } = tf.variableGrads(() => referenceLoss(spec, vars, x, masks));
 */
export function referenceLoss(
  spec: AutoencoderSpec,
  w: Record<string, tf.Tensor>,
  x: tf.Tensor3D,
  masks: DropoutMasks | null,
): tf.Scalar {
  return tf.tidy(() => {
    const [B, T] = x.shape;
    const k = spec.encoder.length;
    const sizes = lstmSizes(spec);
    const lstm = (i: number, inputs: tf.Tensor2D[]): tf.Tensor2D[] => {
      const u = sizes[i];
      const W = w[`lstm_${i}/kernel`],
        U = w[`lstm_${i}/recurrent_kernel`],
        b = w[`lstm_${i}/bias`];
      let h = tf.zeros([B, u]) as tf.Tensor2D;
      let c = tf.zeros([B, u]) as tf.Tensor2D;
      const out: tf.Tensor2D[] = [];
      for (const xt of inputs) {
        const z = tf.add(tf.add(tf.matMul(xt, W as tf.Tensor2D), tf.matMul(h, U as tf.Tensor2D)), b) as tf.Tensor2D;
        const [zi, zf, zg, zo] = tf.split(z, 4, 1);
        c = tf.add(tf.mul(tf.sigmoid(zf), c), tf.mul(tf.sigmoid(zi), tf.tanh(zg))) as tf.Tensor2D;
        h = tf.mul(tf.sigmoid(zo), tf.tanh(c)) as tf.Tensor2D;
        out.push(h);
      }
      return out;
    };
    let seq = tf.unstack(x, 1) as tf.Tensor2D[];
    for (let i = 0; i < k; i++) seq = lstm(i, seq);
    let e = seq[T - 1];
    if (masks) e = tf.mul(e, tf.tensor2d(masks.enc, e.shape)) as tf.Tensor2D;
    seq = Array.from({ length: T }, () => e);
    for (let i = k; i < 2 * k; i++) seq = lstm(i, seq);
    const u0 = sizes[2 * k - 1];
    if (masks)
      seq = seq.map(
        (h, t) => tf.mul(h, tf.tensor2d(masks.dec.subarray(t * B * u0, (t + 1) * B * u0), [B, u0])) as tf.Tensor2D,
      );
    const y = tf.stack(
      seq.map((h) => tf.add(tf.matMul(h, w['dense/kernel'] as tf.Tensor2D), w['dense/bias'])),
      1,
    ) as tf.Tensor3D;
    const d = tf.sub(y, x);
    const loss = spec.loss === 'mae' ? tf.mean(tf.abs(d)) : tf.mean(tf.square(d));
    return loss as tf.Scalar;
  });
}
