import * as v8 from 'v8';
import { nativeKernels } from '../native/native-kernels';
import { KERNELS_RELAXED_WASM_BASE64, KERNELS_WASM_BASE64 } from './kernels-wasm';

/** The exports of kernels.c; pointers are byte offsets in the shared memory, null pointers are 0; strides count floats. */
export interface CellKernelExports {
  lstm_step_forward(B: number, u: number, P: number, R: number, bias: number, A: number, cPrev: number, cNext: number, tc: number, h: number): void;
  lstm_step_backward(B: number, u: number, last: number, dOut: number, dhNext: number, dcNext: number, A: number, cPrev: number, tc: number, dZ: number): void;
  transpose(src: number, dst: number, rows: number, cols: number): void;
  gemm_nn(M: number, N: number, K: number, A: number, lda: number, B: number, ldb: number, C: number, ldc: number): void;
  /** W: a workspace of GEMM_TN_WORKSPACE floats (64-byte aligned), or 0 to multiply unpacked. */
  gemm_tn(M: number, N: number, K: number, A: number, lda: number, B: number, ldb: number, C: number, ldc: number, W: number): void;
  pack_panels(K: number, N: number, B: number, ldb: number, Bp: number): void;
  gemm_nn_packed(M: number, N: number, K: number, A: number, lda: number, Bp: number, C: number, ldc: number): void;
  colsum(M: number, N: number, A: number, lda: number, out: number): void;
  dropout_masks(seed: number, step: number, row0: number, B: number, T: number, uLast: number, uFirst: number, thr: number, keep: number, enc: number, dec: number): void;
  adam_step(n: number, p: number, g1: number, g2: number, m: number, s: number, lrT: number, b1: number, b2: number, eps: number): void;
}

/** Floats in the workspace of `gemm_tn` (PKB x NB in kernels.c: one packed block of the right operand). */
export const GEMM_TN_WORKSPACE = 256 * 64;

/**
 * The builds of kernels.c: `relaxed` uses fused multiply-adds (relaxed SIMD), `plain` only WebAssembly SIMD;
 * `native` is the addon built at install (x86-64 AVX2 + FMA, the same bits as `relaxed`, see
 * ../native/kernels-native.c).
 */
export type KernelBuild = 'native' | 'relaxed' | 'plain';

const compiled = new Map<KernelBuild, WebAssembly.Module>();
const instances = new WeakMap<WebAssembly.Memory, Map<KernelBuild, CellKernelExports>>();
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
 * The engine's kernels (kernels.c, WebAssembly SIMD: fused LSTM cell steps, unpacked matrix products, transposes)
 * instantiated on `memory`, the memory of the tfjs wasm backend, so they work in place on the engine's buffers.
 * `build` `relaxed` needs {@link relaxedSimdAvailable}, `native` the addon. One instance per memory and build;
 * each build is compiled once per thread.
 *
 * @throws Error when this runtime lacks WebAssembly SIMD (or relaxed SIMD, or the addon, for that build); the
 * engine then takes the next build, or XNNPACK and its plain-JS cell.
 * @example
 * const k = cellKernels((mod as any).asm.memory, 'plain'); k.transpose(src, dst, rows, cols);
 */
export function cellKernels(memory: WebAssembly.Memory, build: KernelBuild): CellKernelExports {
  let perMemory = instances.get(memory);
  if (!perMemory) {
    perMemory = new Map();
    instances.set(memory, perMemory);
  }
  let k = perMemory.get(build);
  if (!k && build === 'native') {
    k = nativeKernels(memory);
    perMemory.set(build, k);
  }
  if (!k) {
    if (build === 'relaxed' && !relaxedSimdAvailable()) throw new Error('relaxed SIMD is not available in this runtime');
    let mod = compiled.get(build);
    if (!mod) {
      mod = new WebAssembly.Module(Buffer.from(build === 'relaxed' ? KERNELS_RELAXED_WASM_BASE64 : KERNELS_WASM_BASE64, 'base64'));
      compiled.set(build, mod);
    }
    k = new WebAssembly.Instance(mod, { env: { memory } }).exports as unknown as CellKernelExports;
    perMemory.set(build, k);
  }
  return k;
}
