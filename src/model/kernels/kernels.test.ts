import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot as repoRoot } from '../../util/paths';
import { Rng } from '../../util/random';
import { copyRows } from '../compute/compute';
import { dropoutMasks } from '../engine/dropout';
import {
  GEMM_TN_WORKSPACE,
  instantiateKernels,
  KERNEL_ARITY,
  KERNEL_NAMES,
  type KernelBuild,
  type KernelExports,
  type NativeBuild,
  relaxedSimdAvailable,
} from '.';
import { KERNELS_SOURCE_SHA256, KERNELS_SOURCES } from './kernels-wasm';
import { nativeKernelsStatus } from './native-kernels';

/** A fresh memory with a bump allocator; every region is followed by a guard of sentinel values. */
class Arena {
  readonly memory: WebAssembly.Memory;
  /** `pages` of 64 KiB. */
  constructor(pages = 64) {
    this.memory = new WebAssembly.Memory({ initial: pages });
  }
  private top = 64;
  private guards: { at: number; n: number }[] = [];
  get f(): Float32Array {
    return new Float32Array(this.memory.buffer);
  }
  /** A region of n floats with `values` (or NaN: nothing may read what a kernel did not write); returns its byte pointer. */
  put(n: number, values?: ArrayLike<number>): number {
    const p = this.top;
    const f = this.f;
    f.fill(NaN, p / 4, p / 4 + n);
    if (values) f.set(values, p / 4);
    f.fill(-12345, p / 4 + n, p / 4 + n + 8);
    this.guards.push({ at: p / 4 + n, n: 8 });
    this.top = p + 4 * (n + 8) + 4 * 3; // odd offsets: operands are not 16-byte aligned
    return p;
  }
  get(p: number, n: number): Float32Array {
    return this.f.slice(p / 4, p / 4 + n);
  }
  /** Every guard still holds its sentinels (no kernel wrote past a region). */
  guardsIntact(): boolean {
    const f = this.f;
    return this.guards.every((g) => f.subarray(g.at, g.at + g.n).every((v) => v === -12345));
  }
}

const natives = nativeKernelsStatus().runnable.filter((b): b is NativeBuild => b !== '0');
const builds: KernelBuild[] = ['plain', ...(relaxedSimdAvailable() ? ['relaxed' as const] : []), ...natives];
const rand = (rng: Rng, n: number, s = 1) => Float32Array.from({ length: n }, () => s * rng.uniform(-1, 1));
const sig = (x: number) => 1 / (1 + Math.exp(-x));

/** Largest |a - ref| over the largest |ref|, at least 1e-3 (near-zero references are compared absolutely). */
function rel(a: ArrayLike<number>, ref: ArrayLike<number>): number {
  let d = 0,
    m = 1e-3;
  for (let i = 0; i < ref.length; i++) {
    d = Math.max(d, Math.abs(a[i] - ref[i]));
    m = Math.max(m, Math.abs(ref[i]));
  }
  return d / m;
}

test('the committed wasm was built from this kernels.c and kernels-wide.h (npm run build:wasm after editing them)', () => {
  const hash = crypto.createHash('sha256');
  for (const f of KERNELS_SOURCES) hash.update(fs.readFileSync(path.join(repoRoot(), 'src', 'model', 'kernels', f)));
  assert.deepEqual(KERNELS_SOURCES, ['kernels.c', 'kernels-wide.h']);
  assert.equal(hash.digest('hex'), KERNELS_SOURCE_SHA256);
});

for (const build of builds) {
  const setup = (pages?: number): { a: Arena; k: KernelExports } => {
    const a = new Arena(pages);
    return { a, k: instantiateKernels(a.memory, build) };
  };

  test(`${build}: gemm_nn and gemm_tn equal a float64 product on edge shapes, and write nothing outside C`, () => {
    const { a, k } = setup();
    const rng = new Rng(3);
    for (const [M, N, K] of [
      [1, 1, 1],
      [3, 5, 7],
      [4, 8, 16],
      [5, 13, 9],
      [16, 67, 33],
      [7, 1, 30],
      [9, 130, 2],
      [67, 70, 130],
      [11, 44, 5],
      [3, 30, 6],
      // Every column a scalar one (the native builds put rows across lanes, gathered when A is [M, K]).
      [97, 1, 40],
      [37, 3, 11],
      [70, 2, 9],
    ]) {
      const A = rand(rng, M * K),
        B = rand(rng, K * N);
      const ref = new Float64Array(M * N);
      for (let i = 0; i < M; i++)
        for (let j = 0; j < N; j++) for (let q = 0; q < K; q++) ref[i * N + j] += A[i * K + q] * B[q * N + j];
      const pa = a.put(M * K, A),
        pb = a.put(K * N, B),
        pc = a.put(M * N);
      k.gemm_nn(M, N, K, pa, K, pb, N, pc, N);
      assert.ok(rel(a.get(pc, M * N), ref) < 1e-6, `nn ${M}x${K}x${N}: ${rel(a.get(pc, M * N), ref)}`);
      // A^T B with A stored [K, M].
      const At = new Float32Array(K * M);
      for (let i = 0; i < M; i++) for (let q = 0; q < K; q++) At[q * M + i] = A[i * K + q];
      const pt = a.put(K * M, At),
        pc2 = a.put(M * N);
      k.gemm_tn(M, N, K, pt, M, pb, N, pc2, N, 0);
      assert.ok(rel(a.get(pc2, M * N), ref) < 1e-6, `tn ${M}x${K}x${N}`);
    }
    // From 64 rows on, k runs in blocks that continue the sums in C: the same bits as one pass over k (fewer rows).
    {
      const [M, N, K] = [64, 72, 150];
      const A = rand(rng, K * M),
        B = rand(rng, K * N);
      const pA = a.put(K * M, A),
        pB = a.put(K * N, B),
        pAll = a.put(M * N),
        pOne = a.put(16 * N);
      k.gemm_tn(M, N, K, pA, M, pB, N, pAll, N, 0);
      k.gemm_tn(16, N, K, pA + 16 * 4, M, pB, N, pOne, N, 0);
      assert.deepEqual([...a.get(pAll + 16 * N * 4, 16 * N)], [...a.get(pOne, 16 * N)]);
    }
    // Known numbers: [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50].
    const pa = a.put(4, [1, 2, 3, 4]),
      pb = a.put(4, [5, 6, 7, 8]),
      pc = a.put(4);
    k.gemm_nn(2, 2, 2, pa, 2, pb, 2, pc, 2);
    assert.deepEqual([...a.get(pc, 4)], [19, 22, 43, 50]);
    // K = 0 leaves C as it was (the provider zero-fills).
    const pz = a.put(4, [9, 9, 9, 9]);
    k.gemm_nn(2, 2, 0, pa, 0, pb, 2, pz, 2);
    assert.deepEqual([...a.get(pz, 4)], [9, 9, 9, 9]);
    assert.ok(a.guardsIntact());
  });

  test(`${build}: packed products (weights in panels, blocks of the right operand in a workspace) give the same bits as unpacked ones`, () => {
    const { a, k } = setup(256);
    const rng = new Rng(8);
    // Row tails of 1..3, several row blocks (32 rows each), one and many panels.
    for (const [M, N, K] of [
      [1, 8, 1],
      [3, 16, 5],
      [6, 8, 33],
      [16, 64, 128],
      [37, 136, 20],
      [70, 24, 7],
      [9, 56, 4],
      [17, 40, 3],
      // The native builds: any width, the last panel padded (the recurrent products of 60 and 30 units, tails).
      ...(build === 'avx2' || build === 'avx512'
        ? [
            [32, 60, 240],
            [32, 30, 120],
            [7, 3, 5],
            [13, 21, 9],
            [8, 12, 17],
            [3, 1, 4],
            // A 16-wide last panel of 9..11 columns (8 by fused sums, the rest as column() sums them).
            [6, 9, 36],
            [6, 10, 40],
            [20, 27, 7],
            // Row tiles that end in 5 + 4, 5 + 5 or 6 + 5 rows (AVX-512); last panels of 17..23 columns.
            [17, 60, 9],
            [10, 23, 17],
            [19, 45, 6],
          ]
        : []),
    ]) {
      const A = rand(rng, M * K),
        B = rand(rng, K * N);
      const N8 = Math.ceil(N / 8) * 8;
      const pa = a.put(M * K, A),
        pb = a.put(K * N, B),
        pp = a.put(K * N8),
        pc = a.put(M * N),
        pc2 = a.put(M * N);
      k.gemm_nn(M, N, K, pa, K, pb, N, pc, N);
      k.pack_panels(K, N, pb, N, pp);
      // The panel of columns j .. j + P - 1 at step q holds B[q][j .. j + P - 1]: P = 8 in wasm; 16 with AVX2,
      // 32 with AVX-512, the last panel narrower (N - j rounded up to 8, zeros past N).
      const want = new Float32Array(K * N8);
      const width = build === 'avx512' ? 32 : build === 'avx2' ? 16 : 8;
      for (let j = 0; j < N; j += width) {
        const P = Math.min(width, N8 - j);
        for (let q = 0; q < K; q++)
          for (let c = 0; c < P; c++) want[j * K + P * q + c] = j + c < N ? B[q * N + j + c] : 0;
      }
      assert.deepEqual([...a.get(pp, K * N8)], [...want]);
      k.gemm_nn_packed(M, N, K, pa, K, pp, pc2, N);
      assert.deepEqual([...a.get(pc2, M * N)], [...a.get(pc, M * N)], `nn ${M}x${K}x${N}`);
    }
    // gemm_tn with a workspace: several k blocks, column tails (N % 8), and the weight gradients of the
    // whole-series model (60 units, K = 3168) and of AER (30 units) that the AVX2 build packs from 8 rows.
    const W = a.put(GEMM_TN_WORKSPACE);
    for (const [M, N, K] of [
      [64, 8, 3],
      [64, 72, 300],
      [128, 100, 513],
      [65, 5, 40],
      [60, 240, 3168],
      [30, 120, 3168],
      [8, 20, 300],
      [13, 520, 257],
      // Row tiles that end in 5 + 4 or 6 + 5 rows (AVX-512), panels of 24 and 8 columns.
      [17, 88, 300],
      [19, 56, 260],
      [10, 8, 256],
    ]) {
      const A = rand(rng, K * M),
        B = rand(rng, K * N);
      const pA = a.put(K * M, A),
        pB = a.put(K * N, B),
        pc = a.put(M * N),
        pc2 = a.put(M * N);
      k.gemm_tn(M, N, K, pA, M, pB, N, pc, N, 0);
      k.gemm_tn(M, N, K, pA, M, pB, N, pc2, N, W);
      assert.deepEqual([...a.get(pc2, M * N)], [...a.get(pc, M * N)], `tn ${M}x${K}x${N}`);
    }
    assert.ok(a.guardsIntact());
  });

  test(`${build}: transpose and colsum on edge shapes`, () => {
    const { a, k } = setup();
    const rng = new Rng(5);
    for (const [R, C] of [
      [1, 1],
      [1, 6],
      [3, 5],
      [4, 8],
      [7, 9],
      [30, 1],
      [13, 21],
      // Strips of 8 vectors and partial last vectors at 4, 8 and 16 lanes (120 = 7.5 vectors of 16; 250 = 128 + 122).
      [5, 31],
      [5, 60],
      [3, 120],
      [4, 127],
      [3, 250],
    ]) {
      const s = rand(rng, R * C);
      const ps = a.put(R * C, s),
        pd = a.put(R * C),
        po = a.put(C);
      k.transpose(ps, pd, R, C);
      const d = a.get(pd, R * C);
      for (let r = 0; r < R; r++) for (let c = 0; c < C; c++) assert.equal(d[c * R + r], s[r * C + c]);
      k.colsum(R, C, ps, C, po);
      // Each column summed in float32 from row 0 in row order (a double sum of two floats rounds to their float sum).
      const ref = Array.from({ length: C }, (_, c) =>
        Array.from({ length: R }, (_, r) => s[r * C + c]).reduce((x, y) => Math.fround(x + y)),
      );
      assert.deepEqual([...a.get(po, C)], ref, `colsum ${R}x${C}`);
    }
    const po = a.put(3, [7, 7, 7]);
    k.colsum(0, 3, po, 3, po);
    assert.deepEqual([...a.get(po, 3)], [7, 7, 7]);
    assert.ok(a.guardsIntact());
  });

  test(`${build}: mask_mul gives JS's Float32Array products, every tail length, in place too`, () => {
    const { a, k } = setup();
    const rng = new Rng(6);
    for (const n of [0, 1, 3, 4, 5, 15, 16, 17, 35, 61440]) {
      const x = rand(rng, n, 3),
        m = Float32Array.from({ length: n }, () => (rng.uniform(0, 1) < 0.2 ? 0 : 1.25));
      const js = new Float32Array(n);
      for (let i = 0; i < n; i++) js[i] = x[i] * m[i];
      const px = a.put(n, x),
        pm = a.put(n, m),
        pd = a.put(n);
      k.mask_mul(n, px, pm, pd);
      assert.deepEqual([...a.get(pd, n)], [...js], `n ${n}`);
      k.mask_mul(n, px, pm, px);
      assert.deepEqual([...a.get(px, n)], [...js], `n ${n}, in place`);
    }
    assert.ok(a.guardsIntact());
  });

  test(`${build}: copy_rows copies strided rows of every tail length and touches nothing between them`, () => {
    const { a, k } = setup();
    const rng = new Rng(8);
    for (const [rows, u, ss, ds] of [
      [1, 1, 1, 1],
      [3, 3, 5, 4],
      [64, 30, 30, 60],
      [64, 30, 60, 30],
      [7, 17, 17, 40],
      [5, 4, 9, 4],
    ]) {
      const src = rand(rng, rows * ss + 2);
      const before = rand(rng, rows * ds + 3);
      const ps = a.put(src.length, src),
        pd = a.put(before.length, before);
      // from element 2 of the source to element 3 of the destination
      k.copy_rows(rows, u, ps + 8, ss, pd + 12, ds);
      const want = before.slice();
      copyRows(src, 2, ss, want, 3, ds, rows, u);
      assert.deepEqual([...a.get(pd, before.length)], [...want], `${rows}x${u}, strides ${ss} ${ds}`);
    }
    assert.ok(a.guardsIntact());
  });

  test(`${build}: the forward cell step equals Keras' LSTM equations (float64), tails and saturation included`, () => {
    const { a, k } = setup();
    const rng = new Rng(7);
    for (const [B, u, withR] of [
      [1, 1, true],
      [3, 5, true],
      [2, 8, false],
      [4, 13, true],
      [2, 37, true],
    ] as [number, number, boolean][]) {
      const G = 4 * u;
      const P = rand(rng, B * G, 3),
        R = rand(rng, B * G, 3),
        bias = rand(rng, G),
        cPrev = rand(rng, B * u, 2);
      // Saturated pre-activations: exact 0 / 1 gates and +-1 tanh, no NaN.
      P[0] = 200;
      P[G - 1] = -200;
      const pP = a.put(B * G, P),
        pR = a.put(B * G, R),
        pb = a.put(G, bias),
        pA = a.put(B * G),
        pc = a.put(B * u, cPrev);
      const pcn = a.put(B * u),
        ptc = a.put(B * u),
        ph = a.put(B * u);
      k.lstm_step_forward(B, u, pP, withR ? pR : 0, pb, pA, pc, pcn, ptc, ph);
      const refA: number[] = [],
        refC: number[] = [],
        refT: number[] = [],
        refH: number[] = [];
      for (let b = 0; b < B; b++) {
        const z = (q: number, j: number) => P[b * G + q * u + j] + (withR ? R[b * G + q * u + j] : 0) + bias[q * u + j];
        const row = [0, 1, 2, 3].map((q) =>
          Array.from({ length: u }, (_, j) => (q === 2 ? Math.tanh(z(q, j)) : sig(z(q, j)))),
        );
        refA.push(...row.flat());
        for (let j = 0; j < u; j++) {
          const c = row[1][j] * cPrev[b * u + j] + row[0][j] * row[2][j];
          refC.push(c);
          refT.push(Math.tanh(c));
          refH.push(row[3][j] * Math.tanh(c));
        }
      }
      const A = a.get(pA, B * G);
      assert.ok(rel(A, refA) < 2e-7, `A ${B}x${u}: ${rel(A, refA)}`);
      assert.ok(rel(a.get(pcn, B * u), refC) < 2e-7);
      assert.ok(rel(a.get(ptc, B * u), refT) < 2e-7);
      assert.ok(rel(a.get(ph, B * u), refH) < 2e-7, `h ${B}x${u}: ${rel(a.get(ph, B * u), refH)}`);
      assert.equal(A[0], 1);
      assert.ok(A[G - 1] >= 0 && A[G - 1] < 1e-37, `sigmoid(-200) = ${A[G - 1]}`);
    }
    assert.ok(a.guardsIntact());
  });

  test(`${build}: the backward cell step equals the LSTM derivatives (float64)`, () => {
    const { a, k } = setup();
    const rng = new Rng(11);
    for (const [B, u, last, withOut] of [
      [2, 5, true, true],
      [3, 8, false, true],
      [1, 3, false, false],
    ] as [number, number, boolean, boolean][]) {
      const G = 4 * u;
      const A = Float32Array.from({ length: B * G }, () => rng.uniform(0.05, 0.95));
      const tc = rand(rng, B * u, 0.9),
        cPrev = rand(rng, B * u, 2),
        dOut = rand(rng, B * u),
        dh = rand(rng, B * u),
        dc = rand(rng, B * u);
      const pA = a.put(B * G, A),
        ptc = a.put(B * u, tc),
        pc = a.put(B * u, cPrev),
        po = a.put(B * u, dOut),
        pdh = a.put(B * u, dh);
      const pdc = a.put(B * u, dc),
        pz = a.put(B * G);
      k.lstm_step_backward(B, u, last ? 1 : 0, withOut ? po : 0, pdh, pdc, pA, pc, ptc, pz);
      const refZ: number[] = [],
        refDc: number[] = [];
      for (let b = 0; b < B; b++) {
        const row = new Array<number>(G);
        for (let j = 0; j < u; j++) {
          const s = b * u + j;
          const [i, f, g, o] = [0, 1, 2, 3].map((q) => A[b * G + q * u + j]);
          const h = (last ? 0 : dh[s]) + (withOut ? dOut[s] : 0);
          const c = (last ? 0 : dc[s]) + h * o * (1 - tc[s] * tc[s]);
          row[j] = c * g * i * (1 - i);
          row[u + j] = c * cPrev[s] * f * (1 - f);
          row[2 * u + j] = c * i * (1 - g * g);
          row[3 * u + j] = h * tc[s] * o * (1 - o);
          refDc[s] = c * f;
        }
        refZ.push(...row);
      }
      assert.ok(rel(a.get(pz, B * G), refZ) < 1e-6, `dZ ${B}x${u}`);
      assert.ok(rel(a.get(pdc, B * u), refDc) < 1e-6);
    }
    assert.ok(a.guardsIntact());
  });

  test(`${build}: dropout_masks gives exactly the masks of dropoutMasks (JS), any row count, seed and rate`, () => {
    const { a, k } = setup();
    for (const [rate, seed, step, row0, B, T, uL, uF] of [
      [0.2, 42, 0, 0, 16, 30, 128, 128],
      [0.5, -7, 123456, 16, 5, 3, 6, 9],
      [0, 1, 2, 3, 1, 2, 3, 4],
      [0.9, 2 ** 31 - 1, 7, 1, 7, 4, 5, 2],
    ]) {
      const ref = dropoutMasks(rate, seed, step, row0, B, T, uL, uF);
      const pe = a.put(B * uL),
        pd = a.put(T * B * uF);
      k.dropout_masks(
        seed,
        step,
        row0,
        B,
        T,
        uL,
        uF,
        Math.min(0xffffffff, Math.ceil(rate * 4294967296)) | 0,
        1 / (1 - rate),
        pe,
        pd,
      );
      assert.deepEqual(a.get(pe, B * uL), ref.enc);
      assert.deepEqual(a.get(pd, T * B * uF), ref.dec);
      if (rate === 0.2) {
        const kept = ref.dec.filter((x) => x > 0).length / ref.dec.length;
        assert.ok(Math.abs(kept - 0.8) < 0.01, `kept ${kept}`);
      }
    }
    assert.ok(a.guardsIntact());
  });

  test(`${build}: adam_step equals Keras' Adam on the summed gradients (float64), for 1 and 11 values`, () => {
    const { a, k } = setup();
    const rng = new Rng(17);
    for (const n of [1, 11]) {
      const p = rand(rng, n),
        g1 = rand(rng, n, 0.1),
        g2 = rand(rng, n, 0.1),
        m = rand(rng, n, 0.01);
      const s = Float32Array.from({ length: n }, () => rng.uniform(0, 1e-3));
      const pp = a.put(n, p),
        p1 = a.put(n, g1),
        p2 = a.put(n, g2),
        pm = a.put(n, m),
        ps = a.put(n, s);
      const [lr, b1, b2, eps] = [0.01, 0.9, 0.999, 1e-7];
      k.adam_step(n, pp, p1, p2, pm, ps, lr, b1, b2, eps);
      const refM = [...m].map((v, i) => b1 * v + (1 - b1) * (g1[i] + g2[i]));
      const refS = [...s].map((v, i) => b2 * v + (1 - b2) * (g1[i] + g2[i]) ** 2);
      const refP = [...p].map((v, i) => v - (lr * refM[i]) / (Math.sqrt(refS[i]) + eps));
      assert.ok(rel(a.get(pm, n), refM) < 1e-6 && rel(a.get(ps, n), refS) < 1e-6 && rel(a.get(pp, n), refP) < 1e-6);
      // Without a second gradient, and a zero gradient: p moves only by the old momentum.
      const q = a.put(1, [1]),
        z = a.put(1, [0]),
        qm = a.put(1, [0.5]),
        qs = a.put(1, [0.25]);
      k.adam_step(1, q, z, 0, qm, qs, 0.1, 0.5, 0.5, 0);
      assert.deepEqual([...a.get(qm, 1), ...a.get(qs, 1)], [0.25, 0.125]);
      assert.ok(Math.abs(a.get(q, 1)[0] - (1 - (0.1 * 0.25) / Math.sqrt(0.125))) < 1e-7);
    }
    assert.ok(a.guardsIntact());
  });
}

test('the relaxed build (fused multiply-adds) agrees with the plain one within float32 rounding', {
  skip: builds.length < 2 && 'no relaxed SIMD here',
}, () => {
  const a = new Arena();
  const plain = instantiateKernels(a.memory, 'plain');
  const relaxed = instantiateKernels(a.memory, 'relaxed');
  const rng = new Rng(13);
  const [M, N, K] = [16, 512, 128];
  const pa = a.put(M * K, rand(rng, M * K)),
    pb = a.put(K * N, rand(rng, K * N)),
    p1 = a.put(M * N),
    p2 = a.put(M * N);
  plain.gemm_nn(M, N, K, pa, K, pb, N, p1, N);
  relaxed.gemm_nn(M, N, K, pa, K, pb, N, p2, N);
  const r = rel(a.get(p2, M * N), a.get(p1, M * N));
  assert.ok(r > 0 && r < 1e-5, `relative difference ${r}`);
});

for (const build of natives) {
  test(`${build}: every kernel gives exactly the bits of the relaxed wasm build`, {
    skip: !builds.includes('relaxed') && 'no relaxed SIMD here',
  }, () => {
    const a = new Arena(2048);
    const wasm = instantiateKernels(a.memory, 'relaxed');
    const nat = instantiateKernels(a.memory, build);
    const rng = new Rng(23);
    /**
     * Runs `run` with each build on copies of the same inputs; inputs and outputs (fresh regions of `outSizes`) must
     * then match bit for bit, but for the outputs marked in `scratch` (packed panels: each build has its layout).
     */
    const same = (
      what: string,
      inputs: Float32Array[],
      outSizes: number[],
      run: (k: KernelExports, ins: number[], outs: number[]) => void,
      scratch: number[] = [],
    ) => {
      const res = [wasm, nat].map((k) => {
        const ins = inputs.map((x) => a.put(x.length, x));
        const outs = outSizes.map((n) => a.put(n, new Float32Array(n).fill(0.5)));
        run(k, ins, outs);
        return [...ins, ...outs].map((p, i) => a.get(p, i < ins.length ? inputs[i].length : outSizes[i - ins.length]));
      });
      res[0].forEach(
        (x, i) => scratch.includes(i - inputs.length) || assert.deepEqual(res[1][i], x, `${what}: region ${i}`),
      );
    };
    for (const [M, N, K] of [
      [1, 1, 1],
      [3, 5, 7],
      [16, 512, 128],
      [16, 128, 512],
      [13, 24, 9],
      [67, 70, 130],
      [64, 100, 300],
      [9, 130, 2],
      [5, 20, 3],
      [7, 44, 5],
      [3, 30, 6],
      [66, 200, 70],
      [10, 56, 33],
      [128, 512, 464],
      // The whole-series model's products (60 units, window 100) and AER's (30 units).
      [60, 240, 3168],
      [30, 120, 3168],
      [32, 60, 240],
      [32, 240, 60],
      [32, 30, 120],
      [32, 120, 30],
      [256, 240, 60],
      // The output layer's products (480 = 16 rows x 30 steps) and other all-scalar-column shapes.
      [480, 1, 128],
      [128, 1, 480],
      [3200, 1, 60],
      [6, 9, 36],
      [17, 43, 12],
      [45, 3, 61],
      [37, 3, 11],
      [70, 2, 9],
      [16, 1, 1],
    ]) {
      const A = rand(rng, M * K),
        B = rand(rng, K * N);
      same(`nn ${M}x${K}x${N}`, [A, B], [M * N], (k, [pa, pb], [pc]) => k.gemm_nn(M, N, K, pa, K, pb, N, pc, N));
      same(
        `tn ${M}x${K}x${N}`,
        [A, B],
        [M * N, GEMM_TN_WORKSPACE],
        (k, [pa, pb], [pc, w]) => k.gemm_tn(M, N, K, pa, M, pb, N, pc, N, w),
        [1],
      );
      // Packed, any N (against wasm's unpacked product where N is not a multiple of 8).
      const N8 = Math.ceil(N / 8) * 8;
      same(
        `packed ${M}x${K}x${N}`,
        [A, B],
        [K * N8, M * N],
        (k, [pa, pb], [pp, pc]) => {
          if (k === wasm && N % 8 !== 0) return k.gemm_nn(M, N, K, pa, K, pb, N, pc, N);
          k.pack_panels(K, N, pb, N, pp);
          k.gemm_nn_packed(M, N, K, pa, K, pp, pc, N);
        },
        [0],
      );
    }
    for (const [B, u] of [
      [16, 128],
      [3, 5],
      [2, 13],
      [2, 8],
      [3, 20],
      [1, 37],
    ]) {
      const G = 4 * u;
      const P = rand(rng, B * G, 4),
        R = rand(rng, B * G, 4),
        bias = rand(rng, G),
        c = rand(rng, B * u, 2);
      same(
        `forward ${B}x${u}`,
        [P, R, bias, c],
        [B * G, B * u, B * u, B * u],
        (k, [pP, pR, pb, pc], [pA, pcn, ptc, ph]) => k.lstm_step_forward(B, u, pP, pR, pb, pA, pc, pcn, ptc, ph),
      );
      const act = Float32Array.from({ length: B * G }, () => rng.uniform(0.05, 0.95)),
        tc = rand(rng, B * u, 0.9);
      same(
        `backward ${B}x${u}`,
        [act, tc, c, rand(rng, B * u), rand(rng, B * u), rand(rng, B * u)],
        [B * G],
        (k, [pA, ptc, pc, po, pdh, pdc], [pz]) => k.lstm_step_backward(B, u, 0, po, pdh, pdc, pA, pc, ptc, pz),
      );
    }
    same('colsum', [rand(rng, 480 * 520)], [520], (k, [pa], [po]) => k.colsum(480, 520, pa, 520, po));
    same('mask_mul', [rand(rng, 1003), rand(rng, 1003)], [1003], (k, [pa, pm], [pd]) => k.mask_mul(1003, pa, pm, pd));
    same('transpose', [rand(rng, 37 * 45)], [37 * 45], (k, [pa], [pd]) => k.transpose(pa, pd, 37, 45));
    same('copy_rows', [rand(rng, 64 * 60)], [64 * 30], (k, [pa], [pd]) => k.copy_rows(64, 30, pa + 120, 60, pd, 30));
    const n = 1003;
    same(
      'adam',
      [
        rand(rng, n),
        rand(rng, n, 0.1),
        rand(rng, n, 0.1),
        rand(rng, n, 0.01),
        Float32Array.from({ length: n }, () => rng.uniform(0, 1e-3)),
      ],
      [],
      (k, [pp, g1, g2, m, v]) => k.adam_step(n, pp, g1, g2, m, v, 1e-3, 0.9, 0.999, 1e-7),
    );
    same('dropout', [], [16 * 128, 30 * 16 * 128], (k, _, [pe, pd]) =>
      k.dropout_masks(42, 9, 16, 16, 30, 128, 128, Math.ceil(0.2 * 4294967296) | 0, 1.25, pe, pd),
    );
    assert.ok(a.guardsIntact());
  });
}

test('KERNEL_ARITY: each kernel takes the arguments the compiled module declares', () => {
  const k = instantiateKernels(new WebAssembly.Memory({ initial: 4 }), 'plain') as unknown as Record<
    string,
    (...a: number[]) => void
  >;
  for (const name of KERNEL_NAMES) assert.equal(k[name].length, KERNEL_ARITY[name], name);
});
