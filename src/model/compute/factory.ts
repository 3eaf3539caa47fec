import type { Compute } from './compute';
import { tfCompute } from './tf';
import { wasmCompute, wasmModule } from './wasm';

/**
 * Which compute provider the engine uses on the wasm backend (other backends always use tfjs ops): `auto` runs
 * the engine's kernels (matrix products, fused LSTM cell) in the backend's memory, natively where the addon
 * built at install loads (x86-64: AVX-512, else AVX2 + FMA), else in WebAssembly SIMD with fused multiply-adds where the
 * runtime has relaxed SIMD (the same bits as native); `native` only the addon (an error where it does not
 * load); `wasm` only the WebAssembly kernels; `simd` those without fused multiply-adds; `xnnpack` the backend's
 * XNNPACK products and a plain-JS cell (the engine before its kernels); `tfjs` tfjs ops (`tf.matMul`). The
 * options after `auto` exist for comparison (`npm run bench`).
 */
export type ComputeKind = 'auto' | 'native' | 'wasm' | 'simd' | 'xnnpack' | 'tfjs';

/** Every {@link ComputeKind}, for input checks. */
export const COMPUTE_KINDS: readonly ComputeKind[] = ['auto', 'native', 'wasm', 'simd', 'xnnpack', 'tfjs'];

/**
 * The compute-provider factory for the active tfjs backend (see {@link ComputeKind}).
 * @example
 * const newCompute = computeFactory('auto'); const g = newCompute();
 */
export function computeFactory(kind: ComputeKind): () => Compute {
  if (kind === 'tfjs' || !wasmModule()) return () => tfCompute();
  return () => wasmCompute({ kernels: kind });
}
