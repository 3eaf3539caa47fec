import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RunResult } from '../../result';
import { computeLine, engineModel, runWarnings } from './warnings';

const epoch = (e: number, valLoss: number) => ({ epoch: e, loss: 1, valLoss, seconds: 0, seqPerSec: 0 });
function result(threshold: RunResult['threshold'], vals: number[], trainScores = [0.2, 0.5, 0.9]): RunResult {
  return { threshold, trainScores, training: { history: vals.map((v, i) => epoch(i + 1, v)) } } as unknown as RunResult;
}

test('a fixed threshold above every training error warns and suggests p99', () => {
  const w = runWarnings(result({ method: 'fixed', value: 2 }, [0.5, 0.4]));
  assert.deepEqual(w, [
    'threshold: fixed 2 is above every training error (largest 0.9000); for a percentile of training error write --threshold p99',
  ]);
});

test('a fixed threshold like 95 suggests p95; one below the largest training error gives no warning', () => {
  assert.match(runWarnings(result({ method: 'fixed', value: 95 }, [0.5, 0.4]))[0], /fixed 95 .*--threshold p95$/);
  assert.deepEqual(runWarnings(result({ method: 'fixed', value: 0.6 }, [0.5, 0.4])), []);
  assert.deepEqual(runWarnings(result({ method: 'percentile', value: 0.9, percentile: 99 }, [0.5, 0.4])), []);
});

test('a validation loss that never went below epoch 1 warns; one improvement, or one epoch, does not', () => {
  assert.match(
    runWarnings(result({ method: 'percentile', value: 1, percentile: 95 }, [0.5, 0.5, 0.7]))[0],
    /validation loss never improved after epoch 1 \(3 epochs\)/,
  );
  assert.deepEqual(runWarnings(result({ method: 'percentile', value: 1, percentile: 95 }, [0.5, 0.7, 0.49])), []);
  assert.deepEqual(runWarnings(result({ method: 'percentile', value: 1, percentile: 95 }, [0.5])), []);
});

test('computeLine names the kernels and the backend on one line', () => {
  assert.equal(
    computeLine('wasm', 'native-avx2-fma, 2 threads'),
    'compute: LSTM on native-avx2-fma kernels, 2 threads; tfjs wasm backend for the rest',
  );
  assert.equal(computeLine('cpu', ''), 'compute: tfjs cpu backend');
});

test('computeLine names the detector that ran on the engine: lstm, aer', () => {
  assert.equal(
    computeLine('wasm', 'native-avx512, 1 thread', 'aer'),
    'compute: AER (bidirectional LSTM) on native-avx512 kernels, 1 thread; tfjs wasm backend for the rest',
  );
  assert.equal(
    computeLine('cpu', 'tfjs-cpu, 1 thread', 'lstm'),
    'compute: LSTM on tfjs-cpu kernels, 1 thread; tfjs cpu backend for the rest',
  );
  assert.deepEqual(['lstm', 'aer', 'pca', 'dense', 'toString'].map(engineModel), [
    'LSTM',
    'AER (bidirectional LSTM)',
    undefined,
    undefined,
    undefined,
  ]);
});
