import type { Gemm } from './gemm';
import { tfGemm } from './gemm-tf';
import { wasmGemm, wasmModule } from './gemm-wasm';

/**
 * The compute-provider factory for the active tfjs backend: `auto` calls XNNPACK directly when the backend is a
 * compatible wasm backend, else tfjs ops; `tfjs` always uses tfjs ops.
 * @example
 * const newGemm = gemmFactory('auto'); const g = newGemm();
 */
export function gemmFactory(kind: 'auto' | 'tfjs'): () => Gemm {
  return kind !== 'tfjs' && wasmModule() ? () => wasmGemm() : () => tfGemm();
}
