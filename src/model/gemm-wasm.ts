import * as tf from '@tensorflow/tfjs';
import { checkMm, Gemm, Mat } from './gemm';

/** The parts of the tfjs-backend-wasm 4.x Emscripten module this provider calls. */
interface WasmModule {
  HEAPU8: Uint8Array;
  HEAP32: Int32Array;
  _malloc(bytes: number): number;
  _free(ptr: number): void;
  _register_tensor(id: number, size: number, ptr: number): void;
  _dispose_data(id: number): void;
  _Sigmoid(xId: number, outId: number): void;
  _BatchMatMul(aId: number, aShape: number, aRank: number, bId: number, bShape: number, bRank: number, ta: number, tb: number, outId: number): void;
}

/** Ids far above the ones tfjs hands out (it counts from 1), so both can share the module's tensor table. */
let nextId = 1 << 30;

class WasmMat implements Mat {
  version = 0;
  /** Version of the values XNNPACK packed when this matrix was last a right operand; -1: never. */
  packed = -1;
  private buf: ArrayBufferLike | null = null;
  private view: Float32Array = new Float32Array(0);
  constructor(private readonly mod: WasmModule, readonly ptr: number, readonly rows: number, readonly cols: number, readonly id: number) {}
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
 * The module of the active wasm backend when it exposes what {@link wasmGemm} needs, else null.
 * @example
 * if (wasmModule()) g = wasmGemm();
 */
export function wasmModule(): WasmModule | null {
  if (tf.getBackend() !== 'wasm') return null;
  const mod = (tf.backend() as unknown as { wasm?: Partial<WasmModule> }).wasm;
  const need: (keyof WasmModule)[] = ['HEAPU8', 'HEAP32', '_malloc', '_free', '_register_tensor', '_dispose_data', '_BatchMatMul', '_Sigmoid'];
  if (!mod || need.some((k) => mod[k] == null)) return null;
  return mod as WasmModule;
}

/**
 * The fast {@link Gemm} on the wasm backend: matrices live in the backend's WebAssembly memory, registered in its
 * tensor table under private ids, and products call the backend's `BatchMatMul` export directly, untransposed,
 * which runs XNNPACK's fully-connected operator (the right operand is packed once and cached until touched). No
 * tfjs tensor is created, no value is copied.
 *
 * @throws Error when the active backend is not a compatible wasm backend.
 * @example
 * await tf.setBackend('wasm'); const g = wasmGemm();
 */
export function wasmGemm(): Gemm {
  const mod = wasmModule();
  if (!mod) throw new Error('wasmGemm: the active tfjs backend is not a compatible wasm backend');
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
  let disposed = false;
  return {
    name: 'wasm-xnnpack',
    alloc(rows: number, cols: number): Mat {
      const ptr = mod._malloc(Math.max(1, rows * cols) * 4) >>> 0;
      owned.push(ptr);
      const m = register(ptr, rows, cols);
      m.f.fill(0);
      return m;
    },
    sub(parent: Mat, offset: number, rows: number, cols: number): Mat {
      const p = parent as WasmMat;
      if (offset < 0 || offset + rows * cols > p.rows * p.cols) throw new Error(`sub-matrix out of range: ${offset}+${rows}x${cols}`);
      return register(p.ptr + offset * 4, rows, cols);
    },
    mm(a: Mat, b: Mat, out: Mat): void {
      checkMm(a, b, out);
      const A = a as WasmMat, B = b as WasmMat, O = out as WasmMat;
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
      h[s] = 1; h[s + 1] = A.rows; h[s + 2] = A.cols;
      h[s + 3] = 1; h[s + 4] = B.rows; h[s + 5] = B.cols;
      mod._BatchMatMul(A.id, shapes, 3, B.id, shapes + 12, 3, 0, 0, O.id);
      O.version++;
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
    },
  };
}
