import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { isInputError } from '../src/util/errors';
import { parseBenchArgs } from './bench-args';
import type { ContenderResult } from './contender';
import { issue27Lines } from './table';
import { type BenchResult, benchTargets, targets27, torch2Anchor } from './targets';

const c = (name: string, train: number, infer: number, torch?: string): ContenderResult => ({
  name,
  backend: 'wasm',
  provider: torch ? `torch ${torch}, oneDNN` : 'p',
  threads: 1,
  trainSeqPerSec: train,
  inferSeqPerSec: infer,
  trainSeconds: 1,
  epochs: 1,
  peakRssMiB: 100,
  finalLoss: 0.5,
  torch,
});

test('parseBenchArgs: --python, LSTM_ANOMALY_BENCH_PYTHON, --setup-torch, --quick, --no-work', () => {
  assert.equal(parseBenchArgs([])?.python, null);
  assert.equal(parseBenchArgs([], { LSTM_ANOMALY_BENCH_PYTHON: '/env/py' })?.python, '/env/py');
  assert.equal(parseBenchArgs([], { LSTM_ANOMALY_BENCH_PYTHON: '' })?.python, null);
  assert.equal(parseBenchArgs(['--python', '/a/py'], { LSTM_ANOMALY_BENCH_PYTHON: '/env/py' })?.python, '/a/py');
  assert.throws(() => parseBenchArgs(['--python']), /invalid --python: \(missing\)/);
  assert.throws(() => parseBenchArgs(['--python', '--quick']), /invalid --python: --quick/);
  assert.throws(
    () => parseBenchArgs(['--python']),
    (e) => isInputError(e),
  );
  assert.equal(parseBenchArgs(['--setup-torch'])?.setupTorch, true);
  assert.equal(parseBenchArgs(['--no-work'])?.work, false);
  const q = parseBenchArgs(['--quick']);
  assert.deepEqual([q?.windows, q?.engineEpochs, q?.rounds, q?.cli, q?.work], [256, 1, 1, false, false]);
  // Flags after --quick override it; flags before it are overridden.
  assert.equal(parseBenchArgs(['--quick', '--windows', '512'])?.windows, 512);
  assert.equal(parseBenchArgs(['--windows', '512', '--quick'])?.windows, 256);
});

test('torch2Anchor and targets27: PyTorch 2.x best of each, the FMA share, watch p99', () => {
  const torch = [
    c('PyTorch 2.5.1 1 thread', 1000, 9000, '2.5.1+cpu'),
    c('PyTorch 2.5.1 2 threads', 1200, 8000, '2.5.1+cpu'),
    c('PyTorch 1.13.0 1 thread', 2000, 20000, '1.13.0'),
  ];
  const a = torch2Anchor(torch);
  assert.equal(a?.train.name, 'PyTorch 2.5.1 2 threads');
  assert.equal(a?.infer.name, 'PyTorch 2.5.1 1 thread');
  assert.equal(torch2Anchor([torch[2]]), undefined);
  const limit = {
    trainFlopsPerSeq: 20e6,
    forwardFlopsPerSeq: 7e6,
    fma: { bits: 256, one: 100, each: [100, 100] as [number, number], two: 200, verdict: 'v' },
    loadAverage: [1, 1, 1],
  };
  // 4800 seq/s vs 1200: 4x; 36000 vs 9000: 4x; 4800 x 20 MFLOP = 96 GFLOP/s of 200: 48%.
  assert.deepEqual(targets27(4800, 36000, torch, limit, { rows: 500, p50Ms: 0.5, p99Ms: 1.5 }), {
    vsPytorch2: 4,
    ofTwoThreadLimit: 0.48,
    inferVsPytorch2: 4,
    watchP99Ms: 1.5,
  });
  assert.deepEqual(targets27(4800, 36000, [torch[2]]), {
    vsPytorch2: null,
    ofTwoThreadLimit: null,
    inferVsPytorch2: null,
    watchP99Ms: null,
  });
});

test("benchTargets: issue 27's rows, met and not, and its paragraph", () => {
  const r: BenchResult = {
    version: '0',
    date: '2026-01-01',
    machine: 'm',
    node: 'v20',
    backend: 'wasm',
    windows: 1024,
    contenders: [
      c('tfjs-layers', 60, 300),
      c('engine', 3000, 30000),
      c('PyTorch 2.5.1 1 thread', 1000, 20000, '2.5.1'),
    ],
    ratios: { trainVsStock: 50, inferVsStock: 100 },
    bestTrainSeqPerSec: 3000,
    targets: {
      avx512VsAvx2: null,
      vsPytorch: null,
      productsOfPeak: null,
      cliSeconds: null,
      vsPytorch2: 3,
      ofTwoThreadLimit: 0.79,
      inferVsPytorch2: 1.5,
      watchP99Ms: 2,
      aerVsLstm: 0.8,
    },
    aer: {
      windows: 2000,
      window: 100,
      aer: { units: 30, parameters: 29581, windowsPerSec: 2546, engine: 'native-avx2-fma, 1 thread' },
      lstm: { units: 60, parameters: 43981, windowsPerSec: 1883, engine: 'native-avx2-fma, 1 thread' },
      ratio: 0.909,
      macsRatio: 0.68,
    },
    limit: {
      trainFlopsPerSeq: 23_284_224,
      forwardFlopsPerSeq: 7_771_648,
      fma: {
        bits: 512,
        one: 100,
        each: [98, 97],
        two: 195,
        verdict: 'two physical cores (2 threads at once: 1.95x one)',
      },
      loadAverage: [6.18, 7.72, 11.24],
    },
    watch: { rows: 500, p50Ms: 0.8, p99Ms: 2, torchP50Ms: 0.5, torchP99Ms: 0.9 },
    work: [{ name: 'evaluate, 14 development files', seconds: 70, files: 14, perFile: 5 }],
  };
  const rows = benchTargets(r);
  const met = (name: string) => rows.find((t) => t.name === name)?.met;
  assert.equal(met("training, best engine vs PyTorch 2.x's best"), true);
  assert.equal(met("training, share of this machine's 2-thread FMA limit"), false);
  assert.equal(met("scoring, best engine vs PyTorch 2.x's no_grad"), false);
  assert.equal(met('watch, per-row latency, 99th percentile'), false);
  assert.equal(rows.find((t) => t.name.startsWith('watch'))?.shown, '2.00 ms');
  const aer = rows.find((t) => t.name.startsWith('AER training'));
  assert.deepEqual([aer?.shown, aer?.target, aer?.met], ['0.80x', '>= 0.80x', true]);
  const slow = benchTargets({ ...r, targets: { ...r.targets, aerVsLstm: 0.79 } });
  assert.equal(slow.find((t) => t.name.startsWith('AER training'))?.met, false);
  const text = issue27Lines(r).join('\n');
  assert.match(
    text,
    /its best training \(PyTorch 2\.5\.1 1 thread, torch 2\.5\.1, oneDNN\) runs at 1000 seq\/s, the best engine figure 3\.0x that/,
  );
  assert.match(text, /scoring \(PyTorch 2\.5\.1 1 thread\) at 20000 seq\/s, the engine's best 1\.5x that/);
  // 3000 x 23.284224 MFLOP = 69.9 GFLOP/s of 195: 36%.
  assert.match(
    text,
    /23\.28 MFLOP a training sequence \(7\.77 forward\)\. The FMA loop at 512 bits: 100 GFLOP\/s on one thread, 195 on two at once/,
  );
  assert.match(text, /69\.9 GFLOP\/s, 36% of what this machine's 2 threads can do \(load average 6\.2, 7\.7, 11\.2\)/);
  assert.match(
    text,
    /0\.80 ms \(median\), 2\.00 ms at the 99th percentile \(500 rows\); PyTorch 2\.x scoring one window at a time: 0\.50 ms, 0\.90 ms\./,
  );
  assert.match(text, /evaluate, 14 development files: 70\.0 s, 5\.00 s per file \(14 files\)\./);
  assert.match(
    text,
    /AER \(30 units per direction, 29581 parameters\) trains at 2546 windows\/s on one thread, the LSTM autoencoder \(60 units, 43981 parameters\) at 1883 \(native-avx2-fma, 1 thread\): AER runs 0\.91 of the LSTM's windows x parameters per second \(0\.68 of its forward multiply-adds per second\)\./,
  );
  assert.deepEqual(
    issue27Lines({
      ...r,
      contenders: r.contenders.slice(0, 2),
      limit: undefined,
      watch: undefined,
      work: undefined,
      aer: undefined,
    }),
    [],
  );
});

test("benchTable: PyTorch 2.x's best is named with its provider, not OpenBLAS's settings", async () => {
  const { benchTable } = await import('./table');
  const t = benchTable({
    version: '0',
    date: '2026-01-01',
    machine: 'm',
    node: 'v20',
    backend: 'wasm',
    windows: 1024,
    contenders: [c('tfjs-layers', 60, 300), c('engine', 3000, 30000)],
    ratios: { trainVsStock: 50, inferVsStock: 100 },
    bestTrainSeqPerSec: 3000,
    pytorch: { best: c('PyTorch 2.5.1 1 thread', 1000, 20000, '2.5.1') },
    targets: { avx512VsAvx2: null, vsPytorch: 3, productsOfPeak: null, cliSeconds: null },
  });
  assert.match(
    t,
    /PyTorch's best in this run \(PyTorch 2\.5\.1 1 thread, torch 2\.5\.1, oneDNN\) trains at 1000 seq\/s/,
  );
  assert.match(t, /\| training, best engine vs PyTorch 2\.x's best \| not measured \| >= 3x \| - \|/);
});
