import { useBackend } from '../backend/active';
import type { BackendChoice } from '../backend/select';
import * as tf from '../backend/tf';
import type { Autoencoder, NamedWeight } from './autoencoder';
import type { Compute } from './compute/compute';
import { type ComputeKind, computeFactory } from './compute/factory';
import { LstmAutoencoder } from './engine/lstm-autoencoder';
import { type AutoencoderSpec, resolveSpec } from './spec';

/** Options of {@link createAutoencoder}. */
export interface CreateOptions {
  /**
   * tfjs backend to select first (see `selectBackend`). Default: none, use the backend already active (the
   * detector selects one before creating the model).
   */
  backend?: BackendChoice;
  /**
   * Compute provider (see {@link ComputeKind}): on wasm the engine's kernels, native where the addon built at install
   * loads, else WebAssembly SIMD (the same bits); tfjs ops on other backends. Default `auto`.
   */
  gemm?: ComputeKind;
  /**
   * Training threads: 2 computes half of every batch in a worker thread; `auto` does so on 2+ cores when the
   * batches are large enough to gain. Results are identical either way. Default `auto`.
   */
  threads?: 'auto' | 1 | 2;
  /** Wrap every compute provider the model creates (profiling, see bench/profile.ts). Default none. */
  wrapCompute?: (g: Compute) => Compute;
  /**
   * Start from these weights (a saved model's, a warm start's) instead of the Keras initialisation, which is then
   * not computed (about 0.2 s for the default model). The same values as creating it and calling `setWeights`.
   */
  weights?: NamedWeight[];
}

/**
 * Create the LSTM autoencoder of `spec`, Keras-initialised from `spec.seed`, on the active (or given) tfjs
 * backend. Every architecture of the spec works (single or stacked LSTMs, any dropout, MAE or MSE).
 *
 * @throws InputError for an invalid spec field or an unavailable backend.
 * @example
 * const model = await createAutoencoder(resolveSpec({ encoder: [64, 32, 16] }), { backend: 'wasm' });
 * const loss = await model.trainEpoch(x, n, order, 32);
 */
export async function createAutoencoder(spec: AutoencoderSpec, opts: CreateOptions = {}): Promise<Autoencoder> {
  const s = resolveSpec(spec);
  if (opts.backend) await useBackend(opts.backend);
  await tf.ready();
  const backend = tf.getBackend();
  const gemm = opts.gemm ?? 'auto';
  const base = computeFactory(gemm);
  const wrap = opts.wrapCompute;
  const newCompute = wrap ? () => wrap(base()) : base;
  const model = new LstmAutoencoder(s, backend, newCompute, { threads: opts.threads ?? 'auto', gemm }, !opts.weights);
  if (opts.weights) model.setWeights(opts.weights);
  return model;
}
