import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_SHAPE, fmaVerdict, modelFlops, shareOfLimit } from './limit';
import { probeTorch, pythonCandidates, SYSTEM_PYTHON, torchMajor } from './python';
import { percentile } from './stats';
import { workLine, workTiming } from './work';

test('modelFlops: the default model (window 30, 1 feature, 128 units) by hand', () => {
  // Gates 4 x 128 = 512 wide; 2 FLOPs a multiply-add.
  // Forward: encoder input 2*30*1*512 = 30,720; encoder recurrent (29 steps, h0 = 0) 2*29*128*512 = 3,801,088;
  // decoder input once (RepeatVector) 2*128*512 = 131,072; decoder recurrent 3,801,088; dense 2*30*128 = 7,680.
  // Sum 7,771,648. Weight gradients: the same 7,771,648. Input gradients: dense 7,680 + decoder recurrent
  // 3,801,088 + decoder input 131,072 + encoder recurrent 3,801,088 = 7,740,928 (none for the encoder's input).
  // Training: 7,771,648 + 7,771,648 + 7,740,928 = 23,284,224.
  assert.deepEqual(modelFlops(DEFAULT_SHAPE), { forward: 7_771_648, train: 23_284_224 });
  // Two features: the encoder's input products double (30,720 more forward, as much again in its weight gradient).
  assert.equal(modelFlops({ ...DEFAULT_SHAPE, features: 2 }).train, 23_284_224 + 2 * 30_720);
});

test('fmaVerdict: two cores near 2x, siblings near 1x, unclear between', () => {
  assert.equal(fmaVerdict(100, 195), 'two physical cores (2 threads at once: 1.95x one)');
  assert.match(fmaVerdict(100, 104), /^siblings sharing one core's FMA units.*1\.04x one/);
  assert.match(fmaVerdict(100, 150), /^unclear, the host is shared or loaded \(2 threads at once: 1\.50x one\)/);
  assert.equal(fmaVerdict(100, 170).startsWith('two physical'), true);
  assert.equal(fmaVerdict(100, 130).startsWith('siblings'), true);
  assert.equal(fmaVerdict(0, 0), 'not measured');
});

test('shareOfLimit: GFLOP/s done over the 2-thread limit', () => {
  // 4000 seq/s x 23,284,224 FLOP = 93.14 GFLOP/s, of 200.
  assert.ok(Math.abs(shareOfLimit(4000, 23_284_224, 200) - 0.46568448) < 1e-9);
  assert.equal(shareOfLimit(0, 1e6, 100), 0);
});

test('pythonCandidates: the chosen Python, else bench/.venv where it exists, then the system one', () => {
  assert.deepEqual(pythonCandidates('/r', '/opt/py', '--python', true), [
    { path: '/opt/py', source: '--python' },
    { path: SYSTEM_PYTHON, source: 'system' },
  ]);
  assert.deepEqual(pythonCandidates('/r', null, 'x', true), [
    { path: '/r/bench/.venv/bin/python', source: 'bench/.venv' },
    { path: SYSTEM_PYTHON, source: 'system' },
  ]);
  assert.deepEqual(pythonCandidates('/r', null, 'x', false), [{ path: SYSTEM_PYTHON, source: 'system' }]);
  assert.deepEqual(pythonCandidates('/r', SYSTEM_PYTHON, 'LSTM_ANOMALY_BENCH_PYTHON', false), [
    { path: SYSTEM_PYTHON, source: 'LSTM_ANOMALY_BENCH_PYTHON' },
  ]);
  assert.equal(torchMajor('2.5.1+cpu'), 2);
  assert.equal(torchMajor('1.13.0'), 1);
  assert.ok(Number.isNaN(torchMajor('dev')));
});

test('percentile and workTiming', () => {
  const v = Array.from({ length: 100 }, (_, i) => i + 1);
  assert.equal(percentile(v, 0.5), 51);
  assert.equal(percentile(v, 0.99), 100);
  assert.equal(percentile(v, 1), 100);
  assert.equal(percentile([1, 2, 3, 4], 0.5), 3);
  assert.ok(Number.isNaN(percentile([], 0.5)));
  assert.deepEqual(workTiming('evaluate', 70, 14), { name: 'evaluate', seconds: 70, files: 14, perFile: 5 });
  assert.equal(workTiming('x', 3, 0).perFile, 3);
  assert.equal(workLine(workTiming('notebook 01', 42, 1)), 'notebook 01: 42.0 s, 42.00 s per file (1 file)');
});

test('probeTorch: a missing Python, and one without torch, say so', () => {
  const missing = probeTorch('/nonexistent/python');
  assert.equal(missing.version, null);
  assert.match(missing.reason ?? '', /^\/nonexistent\/python: .*ENOENT/);
  const noTorch = probeTorch(process.execPath); // node, not Python: exits non-zero on `-c`
  assert.equal(noTorch.version, null);
  assert.match(noTorch.reason ?? '', /lacks torch$/);
});
