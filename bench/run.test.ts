import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import type { ContenderResult } from './contender';
import { pytorchEnv } from './pytorch';
import { type BenchResult, benchTable, freshName, medianRound, parseBenchArgs, spliceReadme } from './run';

const c = (name: string, train: number, infer: number): ContenderResult => ({
  name,
  backend: 'wasm',
  provider: 'p',
  threads: 1,
  trainSeqPerSec: train,
  inferSeqPerSec: infer,
  trainSeconds: 1,
  epochs: 1,
  peakRssMiB: 100,
  finalLoss: 0.5,
});

/** The fields every fixture result shares. */
const HEADER = { version: '0', date: '2026-01-01', machine: 'm', node: 'v20', backend: 'wasm', windows: 1024 };

test('parseBenchArgs: defaults, numbers, flags, errors', () => {
  assert.deepEqual(parseBenchArgs([]), {
    windows: 1024,
    layersEpochs: 1,
    engineEpochs: 3,
    backend: 'wasm',
    cli: true,
    cliRuns: 3,
    rounds: 3,
    readme: false,
    python: null,
    setupTorch: false,
    work: true,
  });
  assert.equal(parseBenchArgs(['--rounds', '1'])?.rounds, 1);
  assert.throws(() => parseBenchArgs(['--rounds', '1.5']), /invalid --rounds: 1\.5/);
  assert.equal(parseBenchArgs(['--cli-runs', '5'])?.cliRuns, 5);
  assert.throws(() => parseBenchArgs(['--cli-runs', '0']), /invalid --cli-runs: 0/);
  assert.equal(parseBenchArgs(['--windows', '256', '--no-cli', '--readme'])?.windows, 256);
  assert.equal(parseBenchArgs(['--help']), null);
  assert.throws(() => parseBenchArgs(['--windows', '0']), /invalid --windows: 0/);
  assert.throws(() => parseBenchArgs(['--fast']), /invalid option: --fast/);
});

test('benchTable: ratios against the stock contender; spliceReadme replaces only the marked section', () => {
  const r: BenchResult = {
    ...HEADER,
    contenders: [c('tfjs-layers', 60, 300), c('engine', 900, 1500)],
    ratios: { trainVsStock: 15, inferVsStock: 5 },
    bestTrainSeqPerSec: 900,
    pytorch: { best: c('PyTorch 1 thread', 1250, 2500) },
    peak: {
      gflops128: 60,
      gflops256: 120,
      gflops512: 240,
      products: [{ build: 'avx512', bits: 512, gflops: 180, peak: 240 }],
      flopsPerSeq: 24e6,
      limitSeqPerSec: 10000,
    },
    targets: { avx512VsAvx2: 1.75, vsPytorch: 0.72, productsOfPeak: 0.75, cliSeconds: null },
    cli: {
      seconds: 50,
      epochs: 30,
      trainSeconds: 45,
      seqPerSec: 2000,
      anomalies: 27,
      backend: 'wasm',
      engine: 'wasm-simd-fma, 2 threads',
      runs: [48.2, 50, 61.5],
    },
    cliWasm: {
      seconds: 80,
      epochs: 30,
      trainSeconds: 75,
      seqPerSec: 1200,
      anomalies: 27,
      backend: 'wasm',
      engine: 'wasm-simd, 2 threads',
    },
    profiles: [
      {
        provider: 'wasm-x',
        totalMs: 1000,
        matmulMs: 600,
        kernelMs: 100,
        otherMs: 300,
        top: [{ op: 'mm 16x128x512', calls: 3, ms: 400, share: '40.0%', gflops: '21.0' }],
      },
    ],
  };
  const t = benchTable(r);
  assert.match(t, /\| engine \| p \| 900 \| 15\.0x \| 1500 \| 5\.0x \| 100 \|/);
  assert.match(
    t,
    /PyTorch's best in this run \(PyTorch 1 thread, OpenBLAS, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset\) trains at 1250 seq\/s: the best engine figure is 0\.7x that\./,
  );
  assert.match(
    t,
    /240 GFLOP\/s at 512 bits, 120 at 256, 60 at 128\. The products alone .*: avx512 180 GFLOP\/s, 75% of the 512-bit peak\./,
  );
  // 24 MFLOP a sequence at 240 GFLOP/s: 10000 seq/s a core, 20000 on two; 900 is 5% of that.
  assert.match(
    t,
    /24\.0 MFLOP of products, so the peak allows at most 10000 seq\/s a core \(20000 on two\); the engine's best reaches 5% of the two-core limit\./,
  );
  assert.match(t, /\| training, AVX-512 build vs AVX2 build, 2 threads \| 1\.8x \| >= 1\.6x \| yes \|/);
  assert.match(t, /\| training, best engine vs PyTorch's best \| 0\.7x \| >= 5x \| no \|/);
  assert.match(t, /\| products, share of the 512-bit peak \| 75% \| >= 70% \| yes \|/);
  assert.match(t, /\| default CLI run, median \| not measured \| <= 15 s \| - \|/);
  assert.match(
    t,
    /takes 50\.0 s end to end \(the median of 3 runs: 48\.2, 50\.0, 61\.5 s\): early stopping \(patience 3\) ran 30 epochs of 1\.5 s each \(2000 seq\/s, wasm-simd-fma, 2 threads\), 5\.0 s for the rest/,
  );
  assert.match(
    t,
    /With the native kernels off \(`LSTM_ANOMALY_NATIVE=0`, as where they cannot be built\) it takes 80\.0 s end to end: early stopping \(patience 3\) ran 30 epochs of 2\.5 s each \(1200 seq\/s, wasm-simd, 2 threads\), 5\.0 s for the rest\. The epoch count/,
  );
  assert.match(t, /\| wasm-x \| 60% \| 10% \| 30% \| mm 16x128x512 40\.0% \(21\.0 GFLOP\/s\) \|/);
  assert.equal(
    spliceReadme('a\n<!-- BENCH -->\nold\n<!-- /BENCH -->\nb', 'new'),
    'a\n<!-- BENCH -->\nnew\n<!-- /BENCH -->\nb',
  );
  assert.throws(() => spliceReadme('no markers', 'x'), /no <!-- BENCH -->/);
});

test('pytorchEnv: OpenBLAS on one thread, without the tuning that collapses two threads; passive OpenMP on request', () => {
  const base = { OPENBLAS_CORETYPE: 'Haswell', OPENBLAS_L2_SIZE: '512', OMP_WAIT_POLICY: 'ACTIVE', PATH: '/bin' };
  assert.deepEqual(pytorchEnv(base, false), { PATH: '/bin', OPENBLAS_NUM_THREADS: '1' });
  assert.deepEqual(pytorchEnv(base, true), { PATH: '/bin', OPENBLAS_NUM_THREADS: '1', OMP_WAIT_POLICY: 'PASSIVE' });
  assert.equal(base.OPENBLAS_CORETYPE, 'Haswell');
});

test('medianRound: the middle round by training rate (the lower one of an even count), with every rate', () => {
  const m = medianRound([c('e', 3000, 1), c('e', 2000, 2), c('e', 3100, 3)]);
  assert.equal(m.trainSeqPerSec, 3000);
  assert.equal(m.inferSeqPerSec, 1);
  assert.deepEqual(m.trainRuns, [2000, 3000, 3100]);
  assert.deepEqual(m.trainByRound, [3000, 2000, 3100]);
  assert.equal(medianRound([c('e', 5, 0), c('e', 4, 0)]).trainSeqPerSec, 4);
  assert.throws(() => medianRound([]), /no rounds/);
});

test('benchTable: the AVX-512 goal says when the CPU has one peak at both widths; rounds are named', () => {
  const base: BenchResult = {
    ...HEADER,
    contenders: [c('tfjs-layers', 60, 300), { ...c('engine', 900, 1500), trainRuns: [800, 900, 950] }],
    ratios: { trainVsStock: 15, inferVsStock: 5 },
    bestTrainSeqPerSec: 900,
    peak: { gflops128: 58, gflops256: 117, gflops512: 117, limitSeqPerSec: 5000 },
    targets: { avx512VsAvx2: 1.2, vsPytorch: null, productsOfPeak: null, cliSeconds: null },
  };
  const t = benchTable(base);
  assert.match(
    t,
    /\| training, AVX-512 build vs AVX2 build, 2 threads \| 1\.2x \| >= 1\.6x \| no \(this CPU's 512-bit peak is 1\.00x its 256-bit peak; the goal assumes 2x\) \|/,
  );
  assert.match(t, /Every row but tfjs-layers is the median of 3 rounds taken in turns/);
  // Twice the peak at 512 bits (Zen 5): no note, the goal stands as it is.
  const zen5 = benchTable({ ...base, peak: { ...base.peak!, gflops512: 234 } });
  assert.match(zen5, /\| training, AVX-512 build vs AVX2 build, 2 threads \| 1\.2x \| >= 1\.6x \| no \|/);
});

test('freshName: a second run on one day gets -2, a third -3; the first file is kept', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-names-'));
  try {
    assert.equal(freshName(dir, 'bench-2026-12-07', '.json'), path.join(dir, 'bench-2026-12-07.json'));
    fs.writeFileSync(path.join(dir, 'bench-2026-12-07.json'), '{}');
    assert.equal(freshName(dir, 'bench-2026-12-07', '.json'), path.join(dir, 'bench-2026-12-07-2.json'));
    fs.writeFileSync(path.join(dir, 'bench-2026-12-07-2.json'), '{}');
    assert.equal(freshName(dir, 'bench-2026-12-07', '.json'), path.join(dir, 'bench-2026-12-07-3.json'));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
