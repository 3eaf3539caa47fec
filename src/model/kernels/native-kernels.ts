import * as path from 'path';
import { InputError } from '../../util/errors';
import { packageRoot } from '../../util/paths';
import {
  type Bf16Build,
  KERNEL_ARITY,
  KERNEL_NAMES,
  type KernelExports,
  type KernelName,
  type NativeBuild,
} from './exports';

/** One build's kernels in the addon: each kernel of {@link KernelExports} with the memory's base address first. */
type NativeTable = { [K in KernelName]: (base: number, ...a: Parameters<KernelExports[K]>) => void };

/**
 * The addon built from kernels-native.c: a table per build this CPU runs (`builds`, best first), and the opt-in
 * bf16 products (`avx512bf16`, never in `builds`) where the CPU has avx512_bf16.
 */
type NativeAddon = {
  base(buffer: ArrayBuffer): number;
  peak(bits: number, rounds: number): number;
  builds: NativeBuild[];
} & {
  [B in NativeBuild | Bf16Build]?: NativeTable;
};

/** Where `npm install` (scripts/build-native.js) puts the addon: `build/` in the package root. */
export const NATIVE_ADDON_PATH = path.join(packageRoot(), 'build', 'kernels-native.node');

/** The values `LSTM_ANOMALY_NATIVE` takes besides a build's name: unset, `auto` or `1` (the best), `0` (off). */
const ENV = 'LSTM_ANOMALY_NATIVE';

let addon: NativeAddon | null | undefined;
let whyNot = '';

function load(): NativeAddon | null {
  if (addon !== undefined) return addon;
  addon = null;
  try {
    addon = require(NATIVE_ADDON_PATH) as NativeAddon;
  } catch (e) {
    const code = (e as { code?: string }).code;
    whyNot = code === 'MODULE_NOT_FOUND' ? 'not built (npm run build:native)' : (e as Error).message.split('\n')[0];
  }
  if (addon && addon.builds.length === 0) {
    whyNot = 'this CPU lacks AVX2 or FMA';
    addon = null;
  }
  return addon;
}

/** What this CPU runs, best first, as `LSTM_ANOMALY_NATIVE` names it (`0`: the WebAssembly kernels). */
function runnable(): string[] {
  return [...(load()?.builds ?? []), '0'];
}

/**
 * The native build the engine takes here: from `LSTM_ANOMALY_NATIVE` (`avx512`, `avx2`, `0` for none; unset,
 * `auto` or `1`: the best this CPU runs, AVX-512 where it reports avx512f, avx512vl and avx512bw), or null.
 *
 * @throws InputError for an unknown value, or a build this CPU (or this install) cannot run, naming what it can.
 * @example
 * nativeBuild(); // 'avx512' on a Zen 4/5 or an Ice Lake; 'avx2' on a Haswell; null without the addon
 */
export function nativeBuild(): NativeBuild | null {
  const want = (process.env[ENV] ?? '').trim().toLowerCase();
  const n = load();
  if (want === '0') return null;
  if (want === '' || want === 'auto' || want === '1') return n ? n.builds[0] : null;
  const can = `this CPU can run: ${runnable().join(', ')}`;
  if (want !== 'avx512' && want !== 'avx2') throw new InputError(`invalid ${ENV}: ${process.env[ENV]} (${can})`);
  if (!n?.builds.includes(want)) {
    throw new InputError(`invalid ${ENV}: ${want} (${n ? `${can}` : `native kernels ${whyNot}; ${can}`})`);
  }
  return want;
}

/**
 * Whether native kernels run here, which build (see {@link nativeBuild}) and why not; `bf16`: whether this CPU
 * could run the opt-in bf16 products (`bf16Products` in bf16.ts).
 * @throws InputError as {@link nativeBuild}, for a bad `LSTM_ANOMALY_NATIVE`.
 * @example
 * const { ok, build, reason } = nativeKernelsStatus(); // { ok: true, build: 'avx512', reason: '', ... }
 */
export function nativeKernelsStatus(): {
  ok: boolean;
  build: NativeBuild | null;
  reason: string;
  runnable: string[];
  bf16: boolean;
} {
  const build = nativeBuild();
  const reason = build ? '' : load() ? `turned off (${ENV}=0)` : whyNot;
  return { ok: build !== null, build, reason, runnable: runnable(), bf16: load()?.avx512bf16 !== undefined };
}

/**
 * The CPU's measured peak at one vector width: `rounds` rounds of independent fused multiply-adds `bits` wide
 * (128, 256 or 512) in the addon, timed; GFLOP/s, the best of `tries` (short tries: on shared cores, some of them
 * run undisturbed).
 * @throws Error when the addon is not built or this CPU has no FMA at that width.
 * @example
 * measurePeak(512); // about 240 on a 3.8 GHz Zen 5 core
 */
export function measurePeak(bits: 128 | 256 | 512, rounds = 5e5, tries = 25): number {
  const n = load();
  if (!n) throw new Error(`native kernels unavailable: ${whyNot}`);
  n.peak(bits, rounds / 20);
  let best = 0;
  for (let i = 0; i < tries; i++) {
    const t = performance.now();
    const flops = n.peak(bits, rounds);
    best = Math.max(best, flops / ((performance.now() - t) * 1e6));
  }
  return best;
}

/**
 * One native build of the engine's kernels (`kernels-native.c`: kernels.c's cell; products 8 floats wide with
 * AVX2, 16 with AVX-512) working in place on `memory`, with the exports and the bits of the relaxed wasm build
 * (`avx512bf16`: the AVX-512 build with bf16 products, other bits).
 * The base address is read again whenever the memory has grown (a new buffer).
 *
 * @throws Error `native kernels unavailable: <reason>` when the addon is not built or the CPU lacks that build.
 * @example
 * const k = nativeKernels(memory, 'avx512'); k.gemm_nn(M, N, K, a, K, b, N, c, N);
 */
export function nativeKernels(memory: WebAssembly.Memory, build: NativeBuild | Bf16Build): KernelExports {
  const n = load();
  if (!n) throw new Error(`native kernels unavailable: ${whyNot}`);
  const table = n[build];
  if (!table)
    throw new Error(`native kernels unavailable: this CPU cannot run ${build} (it can run: ${runnable().join(', ')})`);
  let buffer = memory.buffer;
  let b = n.base(buffer);
  const at = (): number => {
    if (memory.buffer !== buffer) {
      buffer = memory.buffer;
      b = n.base(buffer);
    }
    return b;
  };
  const k = {} as Record<KernelName, Kernel>;
  for (const name of KERNEL_NAMES) {
    if (typeof table[name] !== 'function')
      throw new Error(`the native ${build} table lacks ${name} (npm run build:native)`);
    k[name] = withBase(table[name] as Kernel, at, KERNEL_ARITY[name]);
  }
  return k as unknown as KernelExports;
}

type Kernel = (...a: number[]) => void;

/**
 * An addon kernel with the memory's base address put first, as a closure of the kernel's own arity: these run
 * hundreds of times a batch, so no rest array is built per call (for the arities of kernels-list.h today; any
 * other arity gets a rest-array closure, correct but slower: add its case here).
 */
function withBase(f: Kernel, at: () => number, arity: number): Kernel {
  switch (arity) {
    case 4:
      return (a, b, c, d) => f(at(), a, b, c, d);
    case 5:
      return (a, b, c, d, e) => f(at(), a, b, c, d, e);
    case 8:
      return (a, b, c, d, e, g, h, i) => f(at(), a, b, c, d, e, g, h, i);
    case 9:
      return (a, b, c, d, e, g, h, i, j) => f(at(), a, b, c, d, e, g, h, i, j);
    case 10:
      return (a, b, c, d, e, g, h, i, j, l) => f(at(), a, b, c, d, e, g, h, i, j, l);
    case 11:
      return (a, b, c, d, e, g, h, i, j, l, m) => f(at(), a, b, c, d, e, g, h, i, j, l, m);
    default:
      return (...a) => f(at(), ...a);
  }
}
