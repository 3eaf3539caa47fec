import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PIPELINE_OPTIONS } from '../pipeline/options';
import { resolvePipelineOptions } from '../pipeline/resolve';
import { resolveEventOptions } from './events-flags';
import { DETECT_FLAGS } from './flags';
import { parseFlags } from './parse';
import { resolveOptions } from './resolve';

/** What detect resolves from its flags, as the whole options runPipeline then runs with. */
function cli(argv: string[]) {
  const f = parseFlags(argv, DETECT_FLAGS);
  const r = resolveOptions(f, f.detector);
  const o = resolveEventOptions(f, r.options, r.preset);
  return resolvePipelineOptions({ ...o, ...(f.detector ? { detector: f.detector } : {}) });
}

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
