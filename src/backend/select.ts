import { BACKENDS } from '../util/choices';
import { InputError } from '../util/errors';
import { keyword } from '../util/keyword';
import * as tf from './tf';

/** A tfjs backend choice: `auto` tries tfjs-node (`tensorflow`), then `wasm`, then `cpu`. */
export type BackendChoice = (typeof BACKENDS)[number];

function tryLoadNode(): boolean {
  try {
    // The optional dependency is installed under the alias `tfjs-node` (see README: danfojs-node needs the
    // real name aliased to @tensorflow/tfjs). Loading it registers the `tensorflow` backend.
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require('tfjs-node');
    return tf.findBackend('tensorflow') != null || tf.engine().registryFactory.tensorflow != null;
  } catch {
    return false;
  }
}

function tryLoadWasm(): boolean {
  try {
    // eslint-disable-next-line @typescript-eslint/no-var-requires
    require('@tensorflow/tfjs-backend-wasm');
    return true;
  } catch {
    return false;
  }
}

/**
 * Pick and initialise a tfjs backend, and return its name (`tensorflow`, `wasm` or `cpu`).
 *
 * `auto` (default) uses @tensorflow/tfjs-node when it loads, else wasm, else cpu.
 * @throws InputError `invalid backend: <name> (one of: ...)` for an unknown choice, or when a forced backend cannot load.
 * @example
 * const name = await selectBackend('auto'); // 'wasm' on a machine without libtensorflow
 */
export async function selectBackend(choice: BackendChoice = 'auto'): Promise<string> {
  keyword('backend', choice, BACKENDS);
  const order: BackendChoice[] = choice === 'auto' ? ['tensorflow', 'wasm', 'cpu'] : [choice];
  for (const name of order) {
    if (name === 'tensorflow' && !tryLoadNode()) continue;
    if (name === 'wasm' && !tryLoadWasm()) continue;
    try {
      if (tf.getBackend() !== name) {
        const ok = await tf.setBackend(name);
        if (!ok) continue;
      }
      await tf.ready();
      return tf.getBackend();
    } catch {}
  }
  throw new InputError(`backend ${choice} is not available here (install @tensorflow/tfjs-node for 'tensorflow')`);
}
