import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PIPELINE_OPTIONS } from '../pipeline/options';
import { resolvePipelineOptions } from '../pipeline/resolve';
import { resolveEventOptions } from './events-flags';
import { DETECT_FLAGS } from './flags';
import { parseFlags } from './parse';
import { resolveOptions, resolveRunFlags } from './resolve';

/** What detect resolves from its flags, as the whole options runPipeline then runs with. */
function cli(argv: string[]) {
  const f = parseFlags(argv, DETECT_FLAGS);
  const r = resolveOptions(f, f.detector);
  const o = resolveEventOptions(f, r.options, r.preset, f.detector);
  return resolvePipelineOptions({ ...o, ...(f.detector ? { detector: f.detector } : {}) });
}

test("--fit all --detector aer keeps aer's own model and training (Orion's), as the library does", () => {
  const run = (argv: string[]) => resolveRunFlags(parseFlags(argv, DETECT_FLAGS)).options;
  const lib = resolvePipelineOptions({ fit: 'all', detector: 'aer' });
  assert.deepEqual(resolvePipelineOptions(run(['--fit', 'all', '--detector', 'aer'])), lib);
  assert.deepEqual(
    [lib.encoder, lib.epochs, lib.batchSize, lib.patience, lib.valSplit, lib.window, lib.scaler],
    [[30], 35, 64, 10, 0.2, 100, 'minmax'],
  );
  // the whole-series post-processing still applies, and a flag still wins
  assert.equal(lib.threshold, 'window-sigma:3');
  assert.equal(run(['--fit', 'all', '--detector', 'aer', '--epochs', '5']).epochs, 5);
  // the LSTM keeps the whole-series defaults
  assert.deepEqual(run(['--fit', 'all']).encoder, [60]);
});

test('the CLI and the library resolve the same options: --fit all is runPipeline({ fit: "all" })', () => {
  assert.deepEqual(cli(['--fit', 'all']), resolvePipelineOptions({ fit: 'all' }));
  assert.deepEqual(
    cli(['--fit', 'all', '--detector', 'dense', '--window', '5']),
    resolvePipelineOptions({ fit: 'all', detector: 'dense', window: 5 }),
  );
  assert.deepEqual(
    cli(['--fit', 'all', '--preset', 'colab', '--units', '8']),
    resolvePipelineOptions(
      { fit: 'all', encoder: [8] },
      { preset: { ...resolveOptions({ preset: 'colab' }).preset!.options } },
    ),
  );
  // split runs differ by the CLI's own default only (log returns)
  assert.deepEqual(cli([]), { ...DEFAULT_PIPELINE_OPTIONS, transform: 'logret' });
  assert.deepEqual(cli(['--detector', 'dense']), resolvePipelineOptions({ detector: 'dense' }));
});
