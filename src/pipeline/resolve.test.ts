import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WHOLE_SERIES_DEFAULTS } from './event-options';
import { DEFAULT_PIPELINE_OPTIONS } from './options';
import { checkRunOptions, layerOptions, resolvePipelineOptions } from './resolve';

test('resolvePipelineOptions: library default, detector default, whole-series, preset, given, in that order', () => {
  assert.deepEqual(resolvePipelineOptions(), DEFAULT_PIPELINE_OPTIONS);
  // the detector's own defaults over the library's
  const dense = resolvePipelineOptions({ detector: 'dense' });
  assert.deepEqual([dense.window, dense.transform], [1, 'none']);
  // whole-series over the detector's own
  const all = resolvePipelineOptions({ detector: 'dense', fit: 'all' });
  for (const [k, v] of Object.entries(WHOLE_SERIES_DEFAULTS)) assert.deepEqual(all[k as keyof typeof all], v, k);
  // the preset over whole-series, the given options over the preset
  const preset = { scaler: 'standard' as const, window: 50 };
  const p = resolvePipelineOptions({ fit: 'all', window: 20 }, { preset });
  assert.deepEqual([p.scaler, p.window, p.encoder, p.pad], ['standard', 20, [60], 100]);
  // a given trainFrac drops the preset's trainUntil
  assert.equal(
    resolvePipelineOptions({ trainFrac: 0.5 }, { preset: { trainUntil: '2004-01-01' } }).trainUntil,
    undefined,
  );
  assert.equal(resolvePipelineOptions({}, { preset: { trainUntil: '2004-01-01' } }).trainUntil, '2004-01-01');
});

test('layerOptions: only what the layers set, a fresh encoder each time, no undefined values', () => {
  assert.deepEqual(layerOptions({ given: { pad: 3, trainUntil: undefined } }), { pad: 3 });
  // an undefined given value does not hide a lower layer's
  assert.equal(layerOptions({ given: { fit: 'all', pad: undefined } }).pad, 100);
  assert.equal(layerOptions({ preset: { window: 7 }, given: { window: undefined } }).window, 7);
  const a = layerOptions({ given: { fit: 'all' } });
  const b = layerOptions({ given: { fit: 'all' } });
  assert.notEqual(a.encoder, b.encoder);
  assert.deepEqual(layerOptions({ detector: null, given: { detector: 'dense' } }), { detector: 'dense' });
});

test('checkRunOptions: rules, smoothing, padding, pruning, and each detector its own (pca components)', () => {
  checkRunOptions(resolvePipelineOptions({ fit: 'all' }), 1);
  assert.throws(() => checkRunOptions({ threshold: 'p101' }), /^InputError: invalid threshold: p101/);
  assert.throws(() => checkRunOptions({ threshold: 'x' }), /invalid threshold: x \(p95, p99 .*dynamic\)$/);
  assert.throws(() => checkRunOptions({ smooth: 'x' }), /invalid smooth: x/);
  assert.throws(() => checkRunOptions({ pad: -1 }), /invalid --pad: -1/);
  assert.throws(() => checkRunOptions({ prune: 1 }), /invalid --prune: 1/);
  assert.throws(
    () => checkRunOptions({ detector: 'pca', components: 31 }, 1),
    /^InputError: invalid components: 31 \(at most the window dimension 30 = window 30 x 1 feature\(s\)\)$/,
  );
  checkRunOptions({ detector: 'pca', components: 31 }, 2);
  // the LSTM's own: window, batch and model size
  assert.throws(
    () => checkRunOptions({ window: 100_001 }, 1),
    /^InputError: window 100001 is too large \(limit 100000/,
  );
  assert.throws(() => checkRunOptions({ encoder: [100_000] }, 1), /^InputError: model too large: layers 100000/);
  checkRunOptions({ detector: 'zscore', encoder: [100_000] }, 1);
  checkRunOptions({ detector: 'lstm', components: 31 }, 1);
});
