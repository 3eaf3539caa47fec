import type { Gemm } from './gemm';
import { tfGemm } from './gemm-tf';
import { wasmGemm, wasmModule } from './gemm-wasm';

/**
 * Which compute provider the engine uses on the wasm backend (other backends always use tfjs ops): `auto` runs
 * the engine's kernels (matrix products, fused LSTM cell) in the backend's memory, natively where the addon
 * built at install loads (x86-64 AVX2 + FMA), else in WebAssembly SIMD with fused multiply-adds where the
 * runtime has relaxed SIMD (the same bits as native); `native` only the addon (an error where it does not
 * load); `wasm` only the WebAssembly kernels; `simd` those without fused multiply-adds; `xnnpack` the backend's
 * XNNPACK products and a plain-JS cell (the engine before its kernels); `tfjs` tfjs ops (`tf.matMul`). The
 * options after `auto` exist for comparison (`npm run bench`).
 */
export type GemmKind = 'auto' | 'native' | 'wasm' | 'simd' | 'xnnpack' | 'tfjs';

/** Every {@link GemmKind}, for input checks. */
export const GEMM_KINDS: readonly GemmKind[] = ['auto', 'native', 'wasm', 'simd', 'xnnpack', 'tfjs'];

/**
 * The compute-provider factory for the active tfjs backend (see {@link GemmKind}).
 * @example
 * const newGemm = gemmFactory('auto'); const g = newGemm();
 */
export function gemmFactory(kind: GemmKind): () => Gemm {
  if (kind === 'tfjs' || !wasmModule()) return () => tfGemm();
  return () => wasmGemm({ kernels: kind });
}
