import { useBackend } from '../backend/active';
import type { BackendChoice } from '../backend/select';
import * as tf from '../backend/tf';
import { type ComputeKind, computeFactory } from './compute/factory';
import { AerModel } from './engine/aer-model';
import type { AerSpec } from './engine/aer-params';

/**
 * Create the AER model of `spec` (see {@link AerSpec}), Keras-initialised from `spec.seed`, on the active (or
 * given) tfjs backend, computing with the engine's provider `gemm` (default `auto`: the native or WebAssembly
 * kernels on wasm; tfjs ops elsewhere).
 *
 * @throws InputError for an invalid spec field or an unavailable backend.
 * @example
 * const m = await createAerModel({ window: 100, features: 1, units: 30, regRatio: 0.5, learningRate: 1e-3, seed: 42 });
 */
export async function createAerModel(
  spec: AerSpec,
  opts: { backend?: BackendChoice; gemm?: ComputeKind } = {},
): Promise<AerModel> {
  if (opts.backend) await useBackend(opts.backend);
  await tf.ready();
  return new AerModel(spec, tf.getBackend(), computeFactory(opts.gemm ?? 'auto'));
}
