import * as path from 'path';
import { packageRoot } from '../../util/paths';
import { KERNEL_NAMES, KernelExports, KernelName } from './exports';

/** The addon built from kernels-native.c: each kernel of {@link KernelExports} with the memory's base address first. */
type NativeAddon = { base(buffer: ArrayBuffer): number } & {
  [K in KernelName]: (base: number, ...a: Parameters<KernelExports[K]>) => void;
};

/** Where `npm install` (scripts/build-native.js) puts the addon: `build/` in the package root. */
export const NATIVE_ADDON_PATH = path.join(packageRoot(), 'build', 'kernels-native.node');

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
export function nativeKernels(memory: WebAssembly.Memory): KernelExports {
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
  const k = {} as Record<KernelName, (...a: number[]) => void>;
  for (const name of KERNEL_NAMES) {
    const f = n[name] as (base: number, ...a: number[]) => void;
    k[name] = (...a: number[]) => f(at(), ...a);
  }
  return k as unknown as KernelExports;
}
