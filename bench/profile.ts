import type { CellOps, Compute, Mat } from '../src/model/compute/compute';

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
      add(`mm ${a.rows}x${a.cols}x${b.cols}${repack && !inner.cell ? ' +pack' : ''}`, performance.now() - t, 2 * a.rows * a.cols * b.cols);
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
export function profileRows(profile: GemmProfile, totalMs: number): { op: string; calls: number; ms: number; share: string; gflops: string }[] {
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
