import { InputError } from '../../util/errors';
import { MAX_MODEL_BYTES } from '../limits';

/**
 * The hidden layer sizes of the dense detector for input vectors of `inputs` = window x features values:
 * `[h, b, h]` with the outer layer h = clamp(ceil(inputs / 2), 10, 256) and the bottleneck
 * b = clamp(ceil(inputs / 8), 3, 64). Two inputs (one row of the GE walkthrough's two sensor columns) give its
 * [10, 3, 10]; a window of 30 steps of one value gives [15, 4, 15]; the bottleneck is narrower than the input
 * from 4 values on, and the caps keep wide windows to a few million parameters.
 *
 * @throws Nothing.
 * @example
 * denseHidden(2); // [10, 3, 10]
 * denseHidden(30); // [15, 4, 15]
 */
export function denseHidden(inputs: number): number[] {
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));
  const h = clamp(Math.ceil(inputs / 2), 10, 256);
  const b = clamp(Math.ceil(inputs / 8), 3, 64);
  return [h, b, h];
}

/** Trainable parameters of a dense autoencoder inputs -> hidden -> inputs (weights and biases). */
export function denseParameters(inputs: number, hidden: readonly number[]): number {
  let n = 0;
  let input = inputs;
  for (const units of [...hidden, inputs]) {
    n += input * units + units;
    input = units;
  }
  return n;
}

/**
 * Refuse a dense model whose training would not fit in memory: float32 parameters with gradients and Adam's two
 * moments (4 copies), plus one batch of inputs, activations and outputs, above {@link MAX_MODEL_BYTES}.
 *
 * @throws InputError `model too large: dense autoencoder of <inputs> inputs (window W x F features) ...`.
 * @example
 * checkDenseSize(30, 1, 32); // fine
 */
export function checkDenseSize(window: number, features: number, batchSize: number): void {
  const inputs = window * features;
  const hidden = denseHidden(inputs);
  const bytes = 4 * (4 * denseParameters(inputs, hidden) + batchSize * (2 * inputs + 2 * (hidden[0] * 2 + hidden[1])));
  if (bytes > MAX_MODEL_BYTES) {
    throw new InputError(
      `model too large: dense autoencoder of ${inputs} inputs (window ${window} x ${features} features) ` +
        `needs about ${(bytes / 1024 ** 3).toPrecision(3)} GiB; use a smaller window or batch size`,
    );
  }
}
