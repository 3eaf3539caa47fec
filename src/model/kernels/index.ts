/**
 * The engine's kernels: which build runs (the native addon, WebAssembly with relaxed SIMD, plain WebAssembly
 * SIMD), one instance per memory and build. The interface is in `exports.ts`; each build's loader imports only it.
 */
import type { KernelBuild, KernelExports } from './exports';
import { nativeKernels } from './native-kernels';
import { wasmKernels } from './wasm-kernels';

export { bf16Products } from './bf16';
export {
  Bf16Build,
  GEMM_TN_WORKSPACE,
  KERNEL_ARITY,
  KERNEL_NAMES,
  KernelBuild,
  KernelExports,
  KernelName,
  NativeBuild,
} from './exports';
export { measurePeak, NATIVE_ADDON_PATH, nativeBuild, nativeKernelsStatus } from './native-kernels';
export { relaxedSimdAvailable } from './wasm-kernels';

const instances = new WeakMap<WebAssembly.Memory, Map<KernelBuild, KernelExports>>();

/**
 * The kernels of one build working in place on `memory` (the tfjs wasm backend's memory), created once per
 * memory and build.
 *
 * @throws Error when this runtime lacks that build (no SIMD, no relaxed SIMD, no addon); the engine then takes
 * the next build, or XNNPACK and its plain-JS cell.
 * @example
 * const k = instantiateKernels(memory, 'relaxed'); k.transpose(src, dst, rows, cols);
 */
export function instantiateKernels(memory: WebAssembly.Memory, build: KernelBuild): KernelExports {
  let perMemory = instances.get(memory);
  if (!perMemory) {
    perMemory = new Map();
    instances.set(memory, perMemory);
  }
  let k = perMemory.get(build);
  if (!k) {
    k = build === 'relaxed' || build === 'plain' ? wasmKernels(memory, build) : nativeKernels(memory, build);
    perMemory.set(build, k);
  }
  return k;
}
