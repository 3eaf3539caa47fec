import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DETECT_FLAGS } from '../../cli/flags';
import { helpText, parseFlags } from '../../cli/parse';
import { resolveRunFlags } from '../../cli/resolve';
import { sharedOptions } from '../../pipeline/compare';
import { resolvePipelineOptions } from '../../pipeline/resolve';
import { createDetector } from '../registry';

/** Orion's AER settings (aer.json and the AER primitive) as our options. */
const ORION = {
  transform: 'none',
  scaler: 'minmax',
  window: 100,
  encoder: [30],
  epochs: 35,
  batchSize: 64,
  patience: 10,
  valSplit: 0.2,
};

const pick = (o: object) => Object.fromEntries(Object.keys(ORION).map((k) => [k, o[k as keyof typeof o]]));

test('aer defaults: the library and the CLI resolve --detector aer to Orion settings, other detectors unchanged', () => {
  assert.deepEqual(pick(resolvePipelineOptions({ detector: 'aer' })), ORION);
  // the CLI's log returns are a lower layer than the detector's own
  const cli = resolveRunFlags(parseFlags(['--detector', 'aer'], DETECT_FLAGS)).options;
  assert.deepEqual(pick(cli), ORION);
  assert.deepEqual(pick(createDetector('aer').options), ORION);
  const lstm = resolvePipelineOptions({ detector: 'lstm' });
  assert.deepEqual(
    [lstm.window, lstm.encoder, lstm.epochs, lstm.batchSize, lstm.patience, lstm.valSplit, lstm.scaler],
    [30, [128], 100, 32, 3, 0.1, 'standard'],
  );
  // a fresh encoder array each time
  assert.notEqual(
    resolvePipelineOptions({ detector: 'aer' }).encoder,
    resolvePipelineOptions({ detector: 'aer' }).encoder,
  );
});

test('aer defaults: flags, presets and the whole-series defaults come after them', () => {
  const argv = ['--detector', 'aer', '--units', '8', '--epochs', '3', '--window', '20', '--transform', 'logret'];
  const o = resolveRunFlags(parseFlags([...argv, '--patience', '0', '--val-split', '0'], DETECT_FLAGS)).options;
  assert.deepEqual(pick(o), {
    ...ORION,
    transform: 'logret',
    window: 20,
    encoder: [8],
    epochs: 3,
    patience: 0,
    valSplit: 0,
  });
  assert.deepEqual(pick(createDetector('aer', { encoder: [5], batchSize: 7 }).options), {
    ...ORION,
    encoder: [5],
    batchSize: 7,
  });
  // --fit all: the whole-series defaults (the LSTM's) set how the series is read and the events; aer keeps its
  // own model and training (Orion fits AER on the whole series with them)
  const all = resolvePipelineOptions({ detector: 'aer', fit: 'all' });
  assert.deepEqual(
    [all.encoder, all.epochs, all.batchSize, all.patience, all.valSplit, all.window, all.threshold],
    [[30], 35, 64, 10, 0.2, 100, 'window-sigma:3'],
  );
  const lstm = resolvePipelineOptions({ detector: 'lstm', fit: 'all' });
  assert.deepEqual([lstm.encoder, lstm.epochs, lstm.patience], [[60], 10, 0]);
  const dense = resolvePipelineOptions({ detector: 'dense', fit: 'all' });
  assert.equal(dense.window, 100);
  const preset = resolvePipelineOptions({ detector: 'aer' }, { preset: { window: 50 } });
  assert.deepEqual([preset.window, preset.encoder], [50, [30]]);
});

test('aer defaults: --help shows them beside each flag; a comparison shares how the series is read only', () => {
  const h = helpText('x', 'about', DETECT_FLAGS);
  for (const [flag, shown] of [
    ['--units N', '128; aer: 30'],
    ['--window N', '30; dense: 1; aer: 100'],
    ['--epochs N', '100; aer: 35'],
    ['--batch-size N', '32; aer: 64'],
    ['--patience N', '3; aer: 10'],
    ['--val-split F', '0.1; aer: 0.2'],
    ['--scaler standard|minmax', 'standard; aer: minmax'],
  ]) {
    const line = h.split('\n').find((l) => l.startsWith(`  ${flag} `));
    assert.ok(line?.endsWith(`[${shown}]`), `${flag}: ${line}`);
  }
  // in a comparison, aer reads the series as the others do (window 30, standard scaler) with its own model
  const o = resolvePipelineOptions({ ...sharedOptions({}), detector: 'aer' });
  assert.deepEqual(
    [o.transform, o.scaler, o.window, o.encoder, o.epochs, o.patience],
    ['none', 'standard', 30, [30], 35, 10],
  );
});
