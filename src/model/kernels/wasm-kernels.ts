import * as v8 from 'v8';
import { KERNEL_NAMES, type KernelExports } from './exports';
import { KERNELS_RELAXED_WASM_BASE64, KERNELS_WASM_BASE64 } from './kernels-wasm';

const compiled = new Map<WasmBuild, WebAssembly.Module>();

/** The WebAssembly builds of kernels.c. */
export type WasmBuild = 'relaxed' | 'plain';
let relaxedOk: boolean | null = null;

/**
 * Whether this runtime runs relaxed SIMD: Node 22+ does by default; Node 20 (V8 11.3) does once the V8 flag
 * `--experimental-wasm-relaxed-simd` is on, which this sets (it only adds wasm instructions; flags are per
 * process, so worker threads agree).
 * @example
 * relaxedSimdAvailable(); // true on Node 20 and 22 on x86-64
 */
export function relaxedSimdAvailable(): boolean {
  if (relaxedOk === null) {
    const bytes = Buffer.from(KERNELS_RELAXED_WASM_BASE64, 'base64');
    relaxedOk = WebAssembly.validate(bytes);
    if (!relaxedOk) {
      try {
        v8.setFlagsFromString('--experimental-wasm-relaxed-simd');
        relaxedOk = WebAssembly.validate(bytes);
      } catch {
        relaxedOk = false;
      }
    }
  }
  return relaxedOk;
}

/**
 * A WebAssembly build of the engine's kernels (kernels.c, each kernel of `KERNEL_NAMES`: fused LSTM cell steps,
 * plain and panel-packed matrix products, transposes, column sums, Adam, dropout masks), compiled by
 * `npm run build:wasm` into kernels-wasm.ts and instantiated on `memory`, the memory of the tfjs wasm backend, so
 * they work in place on the engine's buffers. The native addon (native-kernels.ts) is the same C built for the
 * CPU at install and gives the same bits; `instantiateKernels` (index.ts) picks the build. `relaxed` needs
 * {@link relaxedSimdAvailable}. Each build is compiled once per thread.
 *
 * @throws Error when this runtime lacks WebAssembly SIMD (or relaxed SIMD, for that build), or when the module
 * lacks a kernel of kernels-list.h (`npm run build:wasm` not run since the kernel was listed).
 * @example
 * const k = wasmKernels(memory, 'plain'); k.transpose(src, dst, rows, cols);
 */
export function wasmKernels(memory: WebAssembly.Memory, build: WasmBuild): KernelExports {
  if (build === 'relaxed' && !relaxedSimdAvailable()) throw new Error('relaxed SIMD is not available in this runtime');
  let mod = compiled.get(build);
  if (!mod) {
    mod = new WebAssembly.Module(
      Buffer.from(build === 'relaxed' ? KERNELS_RELAXED_WASM_BASE64 : KERNELS_WASM_BASE64, 'base64'),
    );
    compiled.set(build, mod);
  }
  const exports = new WebAssembly.Instance(mod, { env: { memory } }).exports;
  const missing = KERNEL_NAMES.filter((k) => typeof exports[k] !== 'function');
  if (missing.length > 0) throw new Error(`the ${build} wasm kernels lack ${missing.join(', ')} (npm run build:wasm)`);
  return exports as unknown as KernelExports;
}
