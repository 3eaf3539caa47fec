import type { AutoencoderSpec } from '../model';
import { lstmSizes, parameterCount } from '../model';
import { InputError } from '../util/errors';

/**
 * Most bytes a model may need for its parameters and training buffers: 2 GiB. The engine's buffers live in a
 * wasm32 memory of at most 4 GiB (shared with the windows and the runtime), so half of it is a safe ceiling, and
 * far below a 24 GiB machine's memory for the other backends.
 */
export const MAX_MODEL_BYTES = 2 * 1024 ** 3;

/** Most steps per window (a window longer than this cannot be trained in reasonable time or memory). */
export const MAX_WINDOW = 100_000;

/** Most windows per batch. */
export const MAX_BATCH = 65_536;

const gib = (b: number): string => {
  const g = b / 1024 ** 3;
  return `${g >= 100 ? Math.round(g) : g.toPrecision(3)} GiB`;
};

/**
 * Estimated bytes of a model's training: float32 parameters with gradients and Adam's two moments (4 copies), plus
 * the activations kept for backpropagation through time (per window step: gates, cell and hidden state of every
 * LSTM, about 8 values per unit, and the output) for one batch.
 *
 * @example
 * modelBytes({ window: 30, features: 1, encoder: [128], dropout: 0.2, loss: 'mae', learningRate: 1e-3, seed: 42 }, 32);
 */
export function modelBytes(spec: AutoencoderSpec, batchSize: number): number {
  const params = parameterCount(spec);
  const perStep = lstmSizes(spec).reduce((a, u) => a + 8 * u, 0) + 2 * spec.features;
  return 4 * (4 * params + batchSize * spec.window * perStep);
}

/**
 * Refuse sizes that cannot be allocated, before anything is allocated.
 *
 * @throws InputError naming the size and the limit (window, batch size, or the model's bytes).
 * @example
 * checkModelSize(spec, 32); // throws for encoder [100000]
 */
export function checkModelSize(spec: AutoencoderSpec, batchSize: number): void {
  if (spec.window > MAX_WINDOW) throw new InputError(`window ${spec.window} is too large (limit ${MAX_WINDOW} steps)`);
  if (batchSize > MAX_BATCH) throw new InputError(`batch size ${batchSize} is too large (limit ${MAX_BATCH})`);
  const bytes = modelBytes(spec, batchSize);
  if (bytes > MAX_MODEL_BYTES) {
    const what = `layers ${spec.encoder.join(',')}, window ${spec.window}, batch ${batchSize}`;
    throw new InputError(
      `model too large: ${what} need about ${gib(bytes)} for parameters and training buffers ` +
        `(limit ${gib(MAX_MODEL_BYTES)}: the engine runs in a 4 GiB wasm memory); ` +
        'use fewer units or layers, a smaller window or batch size',
    );
  }
}
