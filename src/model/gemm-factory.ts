import type { Gemm } from './gemm';
import { tfGemm } from './gemm-tf';
import { wasmGemm, wasmModule } from './gemm-wasm';

/**
 * Which compute provider the engine uses on the wasm backend (other backends always use tfjs ops): `auto` runs
 * the engine's WebAssembly SIMD kernels (unpacked matrix products, fused LSTM cell) in the backend's memory,
 * with fused multiply-adds where the runtime has relaxed SIMD; `simd` the same kernels without fused
 * multiply-adds; `xnnpack` the backend's XNNPACK products and a plain-JS cell (the engine before its kernels);
 * `tfjs` tfjs ops (`tf.matMul`). The later options exist for comparison (`npm run bench`).
 */
export type GemmKind = 'auto' | 'simd' | 'xnnpack' | 'tfjs';

/** Every {@link GemmKind}, for input checks. */
export const GEMM_KINDS: readonly GemmKind[] = ['auto', 'simd', 'xnnpack', 'tfjs'];

/**
 * The compute-provider factory for the active tfjs backend (see {@link GemmKind}).
 * @example
 * const newGemm = gemmFactory('auto'); const g = newGemm();
 */
export function gemmFactory(kind: GemmKind): () => Gemm {
  if (kind === 'tfjs' || !wasmModule()) return () => tfGemm();
  return () => wasmGemm({ kernels: kind });
}
