import type { CellOps, Compute, Mat } from '../src/model/compute/compute';
import { instantiateKernels, type KernelBuild } from '../src/model/kernels';

/** Time and call count per operation kind, e.g. `mm 32x128x512` or `sigmoid 16384`. */
export type GemmProfile = Map<string, { ms: number; calls: number; flops: number }>;

/**
 * Wrap a {@link Compute} so every product and sigmoid is timed, keyed by shape (for "where the time goes").
 * Wrapping adds a clock read per call (well under a microsecond).
 *
 * @example
 * const profile: GemmProfile = new Map();
 * const newCompute = () => profiledGemm(wasmCompute(), profile);
 */
export function profiledGemm(inner: Compute, profile: GemmProfile): Compute {
  const add = (key: string, ms: number, flops: number) => {
    const e = profile.get(key) ?? { ms: 0, calls: 0, flops: 0 };
    e.ms += ms;
    e.calls++;
    e.flops += flops;
    profile.set(key, e);
  };
  return {
    name: inner.name,
    alloc: (r, c) => inner.alloc(r, c),
    sub: (p, o, r, c) => inner.sub(p, o, r, c),
    mm(a: Mat, b: Mat, out: Mat): void {
      const repack = (b as unknown as { packed?: number }).packed !== b.version;
      const t = performance.now();
      inner.mm(a, b, out);
      add(
        `mm ${a.rows}x${a.cols}x${b.cols}${repack && !inner.cell ? ' +pack' : ''}`,
        performance.now() - t,
        2 * a.rows * a.cols * b.cols,
      );
    },
    mmT(a: Mat, b: Mat, out: Mat): void {
      const t = performance.now();
      inner.mmT(a, b, out);
      add(`mmT ${a.cols}x${a.rows}x${b.cols}`, performance.now() - t, 2 * a.rows * a.cols * b.cols);
    },
    sigmoid(m: Mat): void {
      const t = performance.now();
      inner.sigmoid(m);
      add(`sigmoid ${m.rows * m.cols}`, performance.now() - t, 0);
    },
    touch: (m) => inner.touch(m),
    dispose: () => inner.dispose(),
    cell: inner.cell && profiledCell(inner.cell, add),
  };
}

/**
 * The profile as table rows, largest time first, with each entry's share of `totalMs`.
 * @example
 * console.table(profileRows(profile, elapsedMs));
 */
export function profileRows(
  profile: GemmProfile,
  totalMs: number,
): { op: string; calls: number; ms: number; share: string; gflops: string }[] {
  return [...profile.entries()]
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(([op, e]) => ({
      op,
      calls: e.calls,
      ms: Math.round(e.ms),
      share: `${((100 * e.ms) / totalMs).toFixed(1)}%`,
      gflops: e.flops > 0 ? (e.flops / e.ms / 1e6).toFixed(1) : '',
    }));
}

/** What each {@link CellOps} call is timed under. */
const CELL_KEYS: { [K in keyof CellOps]: string } = {
  forward: 'cell forward',
  backward: 'cell backward',
  transpose: 'transpose',
  sumRows: 'row sums',
  copyRows: 'row copies',
  mul: 'mask products',
  dropoutMasks: 'dropout masks',
  adam: 'adam',
};

/** The kernels of a provider, each call timed under its {@link CELL_KEYS} name. */
function profiledCell(k: CellOps, add: (key: string, ms: number, flops: number) => void): CellOps {
  const out: Record<string, (...a: unknown[]) => void> = {};
  for (const [name, key] of Object.entries(CELL_KEYS)) {
    const fn = (k as unknown as Record<string, (...a: unknown[]) => void>)[name];
    out[name] = (...a: unknown[]) => {
      const t = performance.now();
      fn.apply(k, a);
      add(key, performance.now() - t, 0);
    };
  }
  return out as unknown as CellOps;
}

/** The model's products as one training shard runs them: shape, kernel, calls per shard of a batch. */
const MODEL_PRODUCTS = [
  { op: 'mm 16x128x512', M: 16, K: 128, N: 512, tn: false, calls: 59 },
  { op: 'mm 16x512x128', M: 16, K: 512, N: 128, tn: false, calls: 59 },
  { op: 'mmT 128x464x512', M: 128, K: 464, N: 512, tn: true, calls: 2 },
];

/**
 * GFLOP/s of one kernel build's products on the bench model's shapes (16-row shards, 128 units, 30 steps: the
 * recurrent products with packed weights, the weight gradient with its workspace), each timed alone in a loop
 * through the same calls the engine makes (the best of `tries`), and all of them weighted as a shard of a
 * batch calls them.
 *
 * @throws Error when this runtime lacks the build.
 * @example
 * productRates('avx512').all; // about 220 on a Zen 5 core
 */
export function productRates(build: KernelBuild, tries = 7): { all: number; ops: { op: string; gflops: number }[] } {
  const memory = new WebAssembly.Memory({ initial: 512 });
  const f = new Float32Array(memory.buffer);
  for (let i = 0; i < f.length; i++) f[i] = Math.sin(i) * 0.5;
  const k = instantiateKernels(memory, build);
  // Byte offsets, 64-byte aligned: A, B, packed B, C, workspace.
  const [A, B, P, C, W] = [64, 4 << 20, 8 << 20, 12 << 20, 16 << 20];
  let flops = 0,
    ms = 0;
  const ops = MODEL_PRODUCTS.map((s) => {
    const run = s.tn
      ? () => k.gemm_tn(s.M, s.N, s.K, A, s.M, B, s.N, C, s.N, W)
      : () => k.gemm_nn_packed(s.M, s.N, s.K, A, s.K, P, C, s.N);
    if (!s.tn) k.pack_panels(s.K, s.N, B, s.N, P);
    const reps = s.tn ? 10 : 200;
    for (let i = 0; i < reps; i++) run();
    let best = Infinity;
    for (let t = 0; t < tries; t++) {
      const t0 = performance.now();
      for (let i = 0; i < reps; i++) run();
      best = Math.min(best, (performance.now() - t0) / reps);
    }
    const fl = 2 * s.M * s.N * s.K;
    flops += s.calls * fl;
    ms += s.calls * best;
    return { op: s.op, gflops: fl / best / 1e6 };
  });
  return { all: flops / ms / 1e6, ops };
}
