import * as tf from '../../backend/tf';
import {
  bf16Products,
  GEMM_TN_WORKSPACE,
  instantiateKernels,
  type KernelBuild,
  type KernelExports,
  nativeBuild,
  nativeKernelsStatus,
} from '../kernels';
import { type CellOps, type Compute, checkMm, checkMmT, type Mat, transposeInto } from './compute';

/** The parts of the tfjs-backend-wasm 4.x Emscripten module this provider calls. */
interface WasmModule {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  /** The module's wasm exports (Emscripten), whose `memory` the engine's kernels share. */
  asm?: { memory?: WebAssembly.Memory };
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  _register_tensor(id: number, size: number, ptr: number): void;
  _dispose_data(id: number): void;
  _Sigmoid(xId: number, outId: number): void;
  _BatchMatMul(
    aId: number,
    aShape: number,
    aRank: number,
    bId: number,
    bShape: number,
    bRank: number,
    ta: number,
    tb: number,
    outId: number,
  ): void;
}

/** Ids far above the ones tfjs hands out (it counts from 1), so both can share the module's tensor table. */
let nextId = 1 << 30;

class WasmMat implements Mat {
  version = 0;
  /** Version of the values XNNPACK packed when this matrix was last a right operand; -1: never. */
  packed = -1;
  private buf: ArrayBufferLike | null = null;
  private view: Float32Array = new Float32Array(0);
  constructor(
    private readonly mod: WasmModule,
    readonly ptr: number,
    readonly rows: number,
    readonly cols: number,
    readonly id: number,
  ) {}
  get f(): Float32Array {
    const buf = this.mod.HEAPU8.buffer;
    if (buf !== this.buf) {
      // Memory grew (or first use): the old view is detached.
      this.view = new Float32Array(buf, this.ptr, this.rows * this.cols);
      this.buf = buf;
    }
    return this.view;
  }
}

/**
 * The module of the active wasm backend when it exposes what {@link wasmCompute} needs, else null.
 * @example
 * if (wasmModule()) g = wasmCompute();
 */
export function wasmModule(): WasmModule | null {
  if (tf.getBackend() !== 'wasm') return null;
  const mod = (tf.backend() as unknown as { wasm?: Partial<WasmModule> }).wasm;
  const need: (keyof WasmModule)[] = [
    'HEAPU8',
    'HEAP32',
    '_malloc',
    '_free',
    '_register_tensor',
    '_dispose_data',
    '_BatchMatMul',
    '_Sigmoid',
  ];
  if (!mod || need.some((k) => mod[k] == null)) return null;
  return mod as WasmModule;
}

/** The provider name of each kernel build. */
const PROVIDER_NAMES: Record<KernelBuild, string> = {
  avx512: 'native-avx512',
  avx512bf16: 'native-avx512-bf16',
  avx2: 'native-avx2-fma',
  relaxed: 'wasm-simd-fma',
  plain: 'wasm-simd',
};

/**
 * The kernel builds each kind tries, in order; `native` is the build LSTM_ANOMALY_NATIVE picks (see nativeBuild),
 * with bf16 products when LSTM_ANOMALY_BF16=1 asks for them (see bf16Products).
 */
function buildOrder(kind: Exclude<NonNullable<WasmComputeOptions['kernels']>, 'xnnpack'>): KernelBuild[] {
  const native = (): KernelBuild[] => {
    if (bf16Products()) return ['avx512bf16'];
    const b = nativeBuild();
    return b ? [b] : [];
  };
  if (kind === 'auto') return [...native(), 'relaxed', 'plain'];
  if (kind === 'native') return native();
  return kind === 'wasm' ? ['relaxed', 'plain'] : kind === 'relaxed' ? ['relaxed'] : ['plain'];
}

/** Options of {@link wasmCompute}. */
export interface WasmComputeOptions {
  /**
   * Products and cell: `native` runs the engine's kernels as the native addon built at install (x86-64:
   * AVX-512 where the CPU has it, else AVX2 + FMA, `LSTM_ANOMALY_NATIVE=avx2` forcing the latter; opt-in bf16
   * products with `LSTM_ANOMALY_BF16=1` on CPUs with avx512_bf16, other bits;
   * `kernels/kernels-native.c`), `relaxed` its WebAssembly SIMD kernels (`kernels/kernels.c`) with fused
   * multiply-adds (the same bits as `native`), `simd` the same kernels without them, `xnnpack` the backend's
   * XNNPACK products with the plain-JS cell (the engine before its kernels). `auto` takes the first of these that
   * loads here, `wasm` the first of the WebAssembly ones. An explicit `native` that does not load is an error.
   * Default `auto`.
   */
  kernels?: 'auto' | 'native' | 'wasm' | 'relaxed' | 'simd' | 'xnnpack';
}

/** The kernels of the requested kind on `mod`'s memory, or null when the memory is not reachable or the build does not load. */
function kernelsFor(
  mod: WasmModule,
  kind: NonNullable<WasmComputeOptions['kernels']>,
): { k: KernelExports; build: KernelBuild } | null {
  if (kind === 'xnnpack') return null;
  const memory = mod.asm?.memory;
  if (!(memory instanceof WebAssembly.Memory) || memory.buffer !== mod.HEAPU8.buffer) return null;
  for (const build of buildOrder(kind)) {
    try {
      return { k: instantiateKernels(memory, build), build };
    } catch {
      // next build
    }
  }
  return null;
}

/** {@link CellOps} over {@link WasmMat}s: pointers are the matrices' byte offsets plus 4 per element. */
function wasmCellOps(k: KernelExports): CellOps {
  const p = (m: Mat, off = 0) => (m as WasmMat).ptr + 4 * off;
  return {
    forward(B, u, P, pOff, R, bias, A, aOff, C, cOff, TC, tcOff, H, hOff) {
      k.lstm_step_forward(
        B,
        u,
        p(P, pOff),
        R ? p(R) : 0,
        p(bias),
        p(A, aOff),
        p(C, cOff),
        p(C, cOff + B * u),
        p(TC, tcOff),
        p(H, hOff),
      );
    },
    backward(B, u, last, dOut, dOutOff, dhNext, dcNext, A, aOff, C, cOff, TC, tcOff, dZ, dzOff) {
      k.lstm_step_backward(
        B,
        u,
        last ? 1 : 0,
        dOut ? p(dOut, dOutOff) : 0,
        p(dhNext),
        p(dcNext),
        p(A, aOff),
        p(C, cOff),
        p(TC, tcOff),
        p(dZ, dzOff),
      );
    },
    transpose(src, dst) {
      k.transpose(p(src), p(dst), src.rows, src.cols);
    },
    sumRows(a, out) {
      k.colsum(a.rows, a.cols, p(a), a.cols, p(out));
    },
    copyRows(src, from, srcStride, dst, to, dstStride, rows, u) {
      k.copy_rows(rows, u, p(src, from), srcStride, p(dst, to), dstStride);
    },
    mul(a, m, out) {
      const n = out.rows * out.cols;
      if (a.rows * a.cols !== n || m.rows * m.cols !== n) throw new Error('mul: sizes differ');
      k.mask_mul(n, p(a), p(m), p(out));
    },
    dropoutMasks(rate, seed, step, row0, B, T, enc, dec) {
      // Kept when draw / 2^32 >= rate, i.e. draw >= ceil(rate 2^32) (exact in float64); passed as i32 bits.
      const thr = Math.min(0xffffffff, Math.ceil(rate * 4294967296));
      k.dropout_masks(seed, step, row0, B, T, enc.cols, dec.cols, thr | 0, 1 / (1 - rate), p(enc), p(dec));
    },
    adam(P, g1, g2, m, s, lrT, b1, b2, eps) {
      k.adam_step(P.rows * P.cols, p(P), p(g1), g2 ? p(g2) : 0, p(m), p(s), lrT, b1, b2, eps);
    },
  };
}

/** What a provider knows of one right operand of its SIMD products. */
interface RightOperand {
  /** Version of the values when last used; -1: never. */
  lastUse: number;
  /** The values in panels of 8 columns, packed from version `version`. */
  panels: WasmMat | null;
  version: number;
}

/**
 * `O = A x B` by the SIMD kernels (zero-filled when the inner size is 0: the kernels then write nothing). A right
 * operand used twice with the same values (a weight, once per time step) is packed into panels of 8 columns on
 * its second use (`alloc`ated once, owned by this provider as `seen` is) and multiplied packed until it changes:
 * the same sums in the same order, read from contiguous memory. Only operands of a multiple of 8 columns, but
 * with `anyN` (the native builds, whose last panel is padded) every one.
 */
function simdMm(
  k: KernelExports,
  anyN: boolean,
  seen: Map<Mat, RightOperand>,
  alloc: (rows: number, cols: number) => Mat,
  A: WasmMat,
  B: WasmMat,
  O: WasmMat,
): void {
  const K = A.cols;
  let r = seen.get(B);
  if (!r && (anyN || B.cols % 8 === 0)) seen.set(B, (r = { lastUse: -1, panels: null, version: -1 }));
  if (K === 0) O.f.fill(0);
  else if (r && (r.version === B.version || r.lastUse === B.version)) {
    const p = (r.panels ??= alloc(B.rows, (B.cols + 7) & ~7) as WasmMat);
    if (r.version !== B.version) {
      k.pack_panels(K, B.cols, B.ptr, B.cols, p.ptr);
      r.version = B.version;
    }
    k.gemm_nn_packed(A.rows, B.cols, K, A.ptr, A.cols, p.ptr, O.ptr, O.cols);
  } else {
    if (r) r.lastUse = B.version;
    k.gemm_nn(A.rows, B.cols, K, A.ptr, A.cols, B.ptr, B.cols, O.ptr, O.cols);
  }
  O.version++;
}

/** `O = Aᵀ x B` by the SIMD kernel, packing blocks of B into the workspace `W` on the way (see kernels.c). */
function simdMmT(k: KernelExports, W: WasmMat, A: WasmMat, B: WasmMat, O: WasmMat): void {
  const K = A.rows;
  if (K === 0) O.f.fill(0);
  else k.gemm_tn(A.cols, B.cols, K, A.ptr, A.cols, B.ptr, B.cols, O.ptr, O.cols, W.ptr);
  O.version++;
}

/**
 * The fast {@link Compute} on the wasm backend: matrices live in the backend's WebAssembly memory, registered in its
 * tensor table under private ids, and products call the backend's `BatchMatMul` export directly, untransposed,
 * which runs XNNPACK's fully-connected operator (the right operand is packed once and cached until touched). No
 * tfjs tensor is created, no value is copied. By default the products, the LSTM cell and the transposes run in
 * the engine's own WebAssembly SIMD kernels (`wasm/kernels.c`) instantiated on the same memory instead (no
 * packing of weights that change every batch; names `wasm-simd-fma` or `wasm-simd`); see {@link WasmComputeOptions}.
 *
 * @throws Error when the active backend is not a compatible wasm backend.
 * @example
 * await tf.setBackend('wasm'); const g = wasmCompute();
 */
export function wasmCompute(opts: WasmComputeOptions = {}): Compute {
  const mod = wasmModule();
  if (!mod) throw new Error('wasmCompute: the active tfjs backend is not a compatible wasm backend');
  const loaded = kernelsFor(mod, opts.kernels ?? 'auto');
  if (opts.kernels === 'native' && !loaded)
    throw new Error(`native kernels unavailable: ${nativeKernelsStatus().reason}`);
  const kernels = loaded?.k ?? null;
  // The native builds pack a right operand of any width (kernels-native.c, kernels-avx512.h: the last panel
  // padded with zeros); the WebAssembly kernels only a multiple of 8 columns.
  const anyN = loaded?.build === 'avx2' || loaded?.build === 'avx512';
  const owned: number[] = [];
  const mats: WasmMat[] = [];
  const shapes = mod._malloc(24);
  const register = (ptr: number, rows: number, cols: number): WasmMat => {
    const id = nextId++;
    mod._register_tensor(id, rows * cols, ptr);
    const m = new WasmMat(mod, ptr, rows, cols, id);
    mats.push(m);
    return m;
  };
  // XNNPACK only: transposed copies for mmT, of each right operand (reused while its version holds) and per
  // output shape.
  const transposed = new Map<Mat, { t: Mat; version: number }>();
  const outT = new Map<string, Mat>();
  let disposed = false;
  let workspace: WasmMat | null = null;
  const seen = new Map<Mat, RightOperand>();
  const g: Compute = {
    name: loaded ? PROVIDER_NAMES[loaded.build] : 'wasm-xnnpack',
    cell: kernels ? wasmCellOps(kernels) : undefined,
    alloc(rows: number, cols: number): Mat {
      // 64-byte aligned (a cache line): unaligned SIMD loads that straddle lines cost the products about 10%.
      const raw = mod._malloc(Math.max(1, rows * cols) * 4 + 60) >>> 0;
      owned.push(raw);
      const m = register(((raw + 63) & ~63) >>> 0, rows, cols);
      m.f.fill(0);
      return m;
    },
    sub(parent: Mat, offset: number, rows: number, cols: number): Mat {
      const p = parent as WasmMat;
      if (offset < 0 || offset + rows * cols > p.rows * p.cols)
        throw new Error(`sub-matrix out of range: ${offset}+${rows}x${cols}`);
      return register(p.ptr + offset * 4, rows, cols);
    },
    mm(a: Mat, b: Mat, out: Mat): void {
      checkMm(a, b, out);
      const A = a as WasmMat,
        B = b as WasmMat,
        O = out as WasmMat;
      if (kernels) {
        // Faster than XNNPACK at these sizes, and its packing is a plain copy (an XNNPACK pack of a 128x512
        // kernel costs about 4 products).
        simdMm(kernels, anyN, seen, g.alloc, A, B, O);
        return;
      }
      if (B.packed !== B.version) {
        if (B.packed !== -1) {
          // Drop the operator cached on B's id (its packed copy of the old values).
          mod._dispose_data(B.id);
          mod._register_tensor(B.id, B.rows * B.cols, B.ptr);
        }
        B.packed = B.version;
      }
      const h = mod.HEAP32;
      const s = shapes >> 2;
      h[s] = 1;
      h[s + 1] = A.rows;
      h[s + 2] = A.cols;
      h[s + 3] = 1;
      h[s + 4] = B.rows;
      h[s + 5] = B.cols;
      mod._BatchMatMul(A.id, shapes, 3, B.id, shapes + 12, 3, 0, 0, O.id);
      O.version++;
    },
    mmT(a: Mat, b: Mat, out: Mat): void {
      checkMmT(a, b, out);
      const A = a as WasmMat,
        B = b as WasmMat,
        O = out as WasmMat;
      if (kernels) {
        simdMmT(kernels, (workspace ??= g.alloc(1, GEMM_TN_WORKSPACE) as WasmMat), A, B, O);
        return;
      }
      // XNNPACK has no transposed operand: outᵀ = bᵀ a (a, the activations, is the smaller operand to pack).
      let bt = transposed.get(b);
      if (!bt) {
        bt = { t: g.alloc(b.cols, b.rows), version: -1 };
        transposed.set(b, bt);
      }
      if (bt.version !== b.version) {
        transposeInto(g, b, bt.t);
        bt.version = b.version;
      }
      const key = `${out.cols}x${out.rows}`;
      let ot = outT.get(key);
      if (!ot) outT.set(key, (ot = g.alloc(out.cols, out.rows)));
      g.mm(bt.t, a, ot);
      transposeInto(g, ot, out);
    },
    sigmoid(m: Mat): void {
      mod._Sigmoid((m as WasmMat).id, (m as WasmMat).id);
      m.version++;
    },
    touch(m: Mat): void {
      m.version++;
    },
    dispose(): void {
      if (disposed) return;
      disposed = true;
      for (const m of mats) mod._dispose_data(m.id);
      for (const p of owned) mod._free(p);
      mod._free(shapes);
      mats.length = 0;
      owned.length = 0;
      transposed.clear();
      outT.clear();
      seen.clear();
      workspace = null;
    },
  };
  return g;
}
