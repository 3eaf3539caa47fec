import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { testWindows } from '../../../tools/testing/model-data';
import { selectBackend } from '../../backend/select';
import { InputError } from '../../util/errors';
import { Rng } from '../../util/random';
import { wasmCompute } from '../compute/wasm';
import { createAutoencoder } from '../create';
import type { LstmAutoencoder } from '../engine/lstm-autoencoder';
import { resolveSpec } from '../spec';
import { GEMM_TN_WORKSPACE, instantiateKernels } from '.';
import { bf16Choice, bf16Products } from './bf16';
import { nativeKernelsStatus } from './native-kernels';

const status = nativeKernelsStatus();
const noBf16 = !status.bf16 && 'this CPU (or install) has no bf16 products';

/** x rounded to bf16, to nearest even (what vcvtne2ps2bf16 does to a finite float). */
function bf16(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer);
  u[0] = (((u[0] + 0x7fff + ((u[0] >>> 16) & 1)) >>> 16) << 16) >>> 0;
  return f[0];
}

/** Runs `f` with the environment variables `env` set (undefined: unset), then restores them (a promise: once settled). */
function withEnv<T>(env: Record<string, string | undefined>, f: () => T): T {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  const set = (e: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(e)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(env);
  let r: T;
  try {
    r = f();
  } catch (e) {
    set(saved);
    throw e;
  }
  if (r instanceof Promise) return r.finally(() => set(saved)) as T;
  set(saved);
  return r;
}

test('bf16 rounding of the reference: to nearest, ties to even', () => {
  assert.equal(bf16(1 + 2 ** -8), 1); // a tie, 1 is even
  assert.equal(bf16(1 + 3 * 2 ** -8), 1 + 2 ** -6); // a tie, rounds up to the even neighbour
  assert.equal(bf16(1 + 2 ** -8 + 2 ** -20), 1 + 2 ** -7); // above the tie
  assert.equal(bf16(-Math.PI), -3.140625);
});

test('bf16 products equal the products of bf16-rounded operands, and fp32 ones within 2^-8 of sum |a||b|', {
  skip: noBf16,
}, () => {
  const memory = new WebAssembly.Memory({ initial: 256 });
  const k = instantiateKernels(memory, 'avx512bf16');
  const fp = instantiateKernels(memory, 'avx512');
  const f = () => new Float32Array(memory.buffer);
  const rng = new Rng(16);
  let top = 64;
  const guards: number[] = [];
  const put = (vals: ArrayLike<number> | number): number => {
    const n = typeof vals === 'number' ? vals : vals.length;
    const p = top;
    if (typeof vals !== 'number') f().set(vals, p / 4);
    else f().fill(NaN, p / 4, p / 4 + n);
    f().fill(-12345, p / 4 + n, p / 4 + n + 16);
    guards.push(p / 4 + n);
    top += 4 * (n + 16) + 64;
    return p;
  };
  const get = (p: number, n: number) => f().slice(p / 4, p / 4 + n);
  const W = put(GEMM_TN_WORKSPACE);
  // The model's shapes, tails of rows (1..7 past the 8-row tiles), a 16-column panel (N % 32 = 16), K not a
  // multiple of 32, and several k blocks of gemm_tn (128 pairs each).
  for (const [M, K, N] of [
    [16, 128, 512],
    [16, 512, 128],
    [128, 464, 512],
    [3, 6, 16],
    [13, 34, 48],
    [9, 300, 80],
  ]) {
    const A = Float32Array.from({ length: M * K }, () => rng.uniform(-2, 2));
    const B = Float32Array.from({ length: K * N }, () => rng.uniform(-1, 1));
    const At = new Float32Array(K * M);
    for (let i = 0; i < M; i++) for (let q = 0; q < K; q++) At[q * M + i] = A[i * K + q];
    // refBf: the exact sums of the rounded operands; scale: sum |a||b| per value.
    const refBf = new Float64Array(M * N),
      scale = new Float64Array(M * N),
      Bb = B.map(bf16);
    for (let i = 0; i < M; i++)
      for (let q = 0; q < K; q++) {
        const a = A[i * K + q],
          ab = bf16(a);
        for (let j = 0; j < N; j++) {
          refBf[i * N + j] += ab * Bb[q * N + j];
          scale[i * N + j] += Math.abs(a * B[q * N + j]);
        }
      }
    const pa = put(A),
      pt = put(At),
      pb = put(B),
      pp = put(K * N);
    const outs = { nn: put(M * N), packed: put(M * N), tn: put(M * N), fp32: put(M * N) };
    k.gemm_nn(M, N, K, pa, K, pb, N, outs.nn, N);
    k.pack_panels(K, N, pb, N, pp);
    k.gemm_nn_packed(M, N, K, pa, K, pp, outs.packed, N);
    k.gemm_tn(M, N, K, pt, M, pb, N, outs.tn, N, W);
    fp.gemm_nn(M, N, K, pa, K, pb, N, outs.fp32, N);
    const c32 = get(outs.fp32, M * N);
    for (const [name, p] of [
      ['nn', outs.nn],
      ['packed', outs.packed],
      ['tn', outs.tn],
    ] as const) {
      const c = get(p, M * N);
      let toBf = 0,
        toFp = 0,
        differs = 0;
      for (let i = 0; i < M * N; i++) {
        toBf = Math.max(toBf, Math.abs(c[i] - refBf[i]) / scale[i]);
        toFp = Math.max(toFp, Math.abs(c[i] - c32[i]) / scale[i]);
        if (c[i] !== c32[i]) differs++;
      }
      const what = `${name} ${M}x${K}x${N}`;
      // fp32 sums of the rounded products: only the sums' rounding (about K 2^-24) separates them.
      assert.ok(toBf < 2e-6, `${what}: ${toBf} from the bf16 reference`);
      // Each operand is off by at most 2^-9 of itself, so each product by about 2^-8; and the fp32 sums' rounding.
      assert.ok(toFp < 2 ** -8 + K * 2 ** -23, `${what}: ${toFp} from fp32`);
      // And the rounding is really there (the fp32 kernel would be 1e-3 from the bf16 reference).
      assert.ok(differs > (M * N) / 2, `${what}: only ${differs} values differ from fp32`);
    }
    // The same pairs in the same order, packed or not.
    assert.deepEqual([...get(outs.packed, M * N)], [...get(outs.nn, M * N)]);
  }
  // Shapes vdpbf16ps does not take (K odd, N % 16 != 0) run the fp32 AVX-512 kernels: their bits exactly.
  for (const [M, K, N] of [
    [5, 7, 32],
    [16, 128, 24],
    [4, 30, 1],
  ]) {
    const A = Float32Array.from({ length: M * K }, () => rng.uniform(-1, 1));
    const B = Float32Array.from({ length: K * N }, () => rng.uniform(-1, 1));
    const pa = put(A),
      pb = put(B),
      c1 = put(M * N),
      c2 = put(M * N);
    k.gemm_nn(M, N, K, pa, K, pb, N, c1, N);
    fp.gemm_nn(M, N, K, pa, K, pb, N, c2, N);
    assert.deepEqual([...get(c1, M * N)], [...get(c2, M * N)], `${M}x${K}x${N}`);
  }
  // Nothing written past any region.
  const g = f();
  assert.ok(guards.every((at) => g.subarray(at, at + 16).every((v) => v === -12345)));
});

test('LSTM_ANOMALY_BF16: off unless 1; refused in one line where the CPU lacks avx512_bf16 or the build is not avx512', () => {
  assert.equal(bf16Choice(undefined, 'avx512', true), false);
  assert.equal(bf16Choice('0', 'avx512', false), false);
  assert.equal(bf16Choice('1', 'avx512', true), true);
  const refuses = (value: string, build: 'avx512' | 'avx2' | null, cpu: boolean, why: string) =>
    assert.throws(
      () => bf16Choice(value, build, cpu),
      (e: Error) => e instanceof InputError && e.message === `invalid LSTM_ANOMALY_BF16: ${value} (${why})`,
    );
  refuses('1', 'avx512', false, 'this CPU lacks avx512_bf16, or the native kernels do not load');
  refuses('1', 'avx2', true, 'bf16 products need the avx512 build, not avx2');
  refuses('1', null, true, 'bf16 products need the avx512 build, not none');
  refuses('yes', 'avx512', true, 'use 1 or 0');
  // The environment, as the engine reads it: never on by default.
  assert.equal(
    withEnv({ LSTM_ANOMALY_BF16: undefined }, () => bf16Products()),
    false,
  );
  if (!status.bf16)
    assert.throws(() => withEnv({ LSTM_ANOMALY_BF16: '1' }, () => bf16Products()), /invalid LSTM_ANOMALY_BF16: 1/);
  // where the CPU has avx512_bf16, the avx2 build is the refusal's reason (without it the CPU is, above)
  if (status.bf16 && status.runnable.includes('avx2'))
    assert.throws(
      () => withEnv({ LSTM_ANOMALY_BF16: '1', LSTM_ANOMALY_NATIVE: 'avx2' }, () => bf16Products()),
      /invalid LSTM_ANOMALY_BF16: 1 \(bf16 products need the avx512 build, not avx2\)/,
    );
});

test('LSTM_ANOMALY_BF16=1 gives the native-avx512-bf16 provider; unset, native-avx512', { skip: noBf16 }, async () => {
  await selectBackend('wasm');
  const name = (bf: string | undefined) =>
    withEnv({ LSTM_ANOMALY_BF16: bf, LSTM_ANOMALY_NATIVE: undefined }, () => {
      const g = wasmCompute();
      const n = g.name;
      g.dispose();
      return n;
    });
  assert.equal(name('1'), 'native-avx512-bf16');
  assert.equal(name(undefined), 'native-avx512');
  assert.equal(name('0'), 'native-avx512');
});

test('bf16 training: one thread and two give the same bits, close to fp32 but not equal', {
  skip: noBf16,
}, async () => {
  await selectBackend('wasm');
  // 24 and 8 units: gate rows of 96 and 32 columns, all on the bf16 path.
  const spec = resolveSpec({ window: 10, features: 1, encoder: [24, 8], dropout: 0.2, seed: 9 });
  const n = 96;
  const x = testWindows(n, 10, 1, 4);
  const run = (bf: string | undefined, threads: 1 | 2) =>
    withEnv({ LSTM_ANOMALY_BF16: bf, LSTM_ANOMALY_NATIVE: undefined }, async () => {
      const ae = await createAutoencoder(spec, { gemm: 'native', threads });
      const rng = new Rng(4);
      const losses = [];
      for (let e = 0; e < 2; e++) losses.push(await ae.trainEpoch(x, n, rng.permutation(n), 32));
      const y = await ae.predict(x, n);
      const engine = (ae as LstmAutoencoder).engine;
      ae.dispose();
      return { losses, y, engine };
    });
  // The worker thread takes the environment when it starts: withEnv holds until the run is done.
  const [one, two, fp32] = [await run('1', 1), await run('1', 2), await run(undefined, 1)];
  assert.match(one.engine, /^native-avx512-bf16, 1 thread/);
  assert.match(two.engine, /^native-avx512-bf16, 2 threads/);
  assert.deepEqual(two.losses, one.losses);
  assert.deepEqual(two.y, one.y);
  assert.notDeepEqual(one.losses, fp32.losses);
  for (let e = 0; e < 2; e++) assert.ok(Math.abs(one.losses[e] / fp32.losses[e] - 1) < 0.01, `epoch ${e}`);
});
