import * as path from 'path';
import type { CellKernelExports } from '../wasm/cell-kernels';

/** The addon built from kernels-native.c: each kernel of {@link CellKernelExports} with the memory's base address first. */
interface NativeAddon {
  base(buffer: ArrayBuffer): number;
  lstm_step_forward(base: number, ...a: Parameters<CellKernelExports['lstm_step_forward']>): void;
  lstm_step_backward(base: number, ...a: Parameters<CellKernelExports['lstm_step_backward']>): void;
  transpose(base: number, ...a: Parameters<CellKernelExports['transpose']>): void;
  gemm_nn(base: number, ...a: Parameters<CellKernelExports['gemm_nn']>): void;
  gemm_tn(base: number, ...a: Parameters<CellKernelExports['gemm_tn']>): void;
  pack_panels(base: number, ...a: Parameters<CellKernelExports['pack_panels']>): void;
  gemm_nn_packed(base: number, ...a: Parameters<CellKernelExports['gemm_nn_packed']>): void;
  colsum(base: number, ...a: Parameters<CellKernelExports['colsum']>): void;
  dropout_masks(base: number, ...a: Parameters<CellKernelExports['dropout_masks']>): void;
  adam_step(base: number, ...a: Parameters<CellKernelExports['adam_step']>): void;
}

/** Where `npm install` (scripts/build-native.js) puts the addon, from dist/model/native or src/model/native. */
export const NATIVE_ADDON_PATH = path.resolve(__dirname, '..', '..', '..', 'build', 'kernels-native.node');

let addon: NativeAddon | null | undefined;
let whyNot = '';

/**
 * Whether the native kernels load here (built at install, x86-64 with AVX2 and FMA), and why not.
 * `LSTM_ANOMALY_NATIVE=0` in the environment turns them off.
 * @example
 * const { ok, reason } = nativeKernelsStatus(); // { ok: false, reason: 'not built (npm run build:native)' }
 */
export function nativeKernelsStatus(): { ok: boolean; reason: string } {
  load();
  return { ok: addon !== null, reason: whyNot };
}

function load(): NativeAddon | null {
  if (addon !== undefined) return addon;
  addon = null;
  if (process.env.LSTM_ANOMALY_NATIVE === '0') {
    whyNot = 'turned off (LSTM_ANOMALY_NATIVE=0)';
    return addon;
  }
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    addon = require(NATIVE_ADDON_PATH) as NativeAddon;
  } catch (e) {
    const code = (e as { code?: string }).code;
    whyNot = code === 'MODULE_NOT_FOUND' ? 'not built (npm run build:native)' : (e as Error).message.split('\n')[0];
  }
  return addon;
}

/**
 * The native build of the engine's kernels (`kernels-native.c`: kernels.c's cell, 8-float AVX2 products) working
 * in place on `memory`, with the exports and the bits of the relaxed wasm build. The base address is read again
 * whenever the memory has grown (a new buffer).
 *
 * @throws Error `native kernels unavailable: <reason>` (see {@link nativeKernelsStatus}).
 * @example
 * const k = nativeKernels(memory); k.gemm_nn(M, N, K, a, K, b, N, c, N);
 */
export function nativeKernels(memory: WebAssembly.Memory): CellKernelExports {
  const n = load();
  if (!n) throw new Error(`native kernels unavailable: ${whyNot}`);
  let buffer = memory.buffer;
  let b = n.base(buffer);
  const at = (): number => {
    if (memory.buffer !== buffer) {
      buffer = memory.buffer;
      b = n.base(buffer);
    }
    return b;
  };
  return {
    lstm_step_forward: (B, u, P, R, bias, A, cPrev, cNext, tc, h) => n.lstm_step_forward(at(), B, u, P, R, bias, A, cPrev, cNext, tc, h),
    lstm_step_backward: (B, u, last, dOut, dhNext, dcNext, A, cPrev, tc, dZ) => n.lstm_step_backward(at(), B, u, last, dOut, dhNext, dcNext, A, cPrev, tc, dZ),
    transpose: (src, dst, rows, cols) => n.transpose(at(), src, dst, rows, cols),
    gemm_nn: (M, N, K, A, lda, B, ldb, C, ldc) => n.gemm_nn(at(), M, N, K, A, lda, B, ldb, C, ldc),
    gemm_tn: (M, N, K, A, lda, B, ldb, C, ldc, W) => n.gemm_tn(at(), M, N, K, A, lda, B, ldb, C, ldc, W),
    pack_panels: (K, N, B, ldb, Bp) => n.pack_panels(at(), K, N, B, ldb, Bp),
    gemm_nn_packed: (M, N, K, A, lda, Bp, C, ldc) => n.gemm_nn_packed(at(), M, N, K, A, lda, Bp, C, ldc),
    colsum: (M, N, A, lda, out) => n.colsum(at(), M, N, A, lda, out),
    dropout_masks: (seed, step, row0, B, T, uLast, uFirst, thr, keep, enc, dec) => n.dropout_masks(at(), seed, step, row0, B, T, uLast, uFirst, thr, keep, enc, dec),
    adam_step: (nn, p, g1, g2, m, s, lrT, b1, b2, eps) => n.adam_step(at(), nn, p, g1, g2, m, s, lrT, b1, b2, eps),
  };
}
