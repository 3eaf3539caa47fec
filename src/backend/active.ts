import { type BackendChoice, selectBackend } from './select';
import * as tf from './tf';

let last: { choice: BackendChoice; name: string } | null = null;

/**
 * The process-wide tfjs backend: select it for a choice once and remember it; a later call with the same choice
 * (while that backend is still active) returns the remembered name without selecting again.
 *
 * @throws InputError `invalid backend: <name> (one of: ...)`, or when a forced backend cannot load.
 * @example
 * const name = await useBackend('auto'); // 'wasm' on a machine without libtensorflow
 */
export async function useBackend(choice: BackendChoice = 'auto'): Promise<string> {
  if (last && last.choice === choice && tf.getBackend() === last.name) return last.name;
  const name = await selectBackend(choice);
  last = { choice, name };
  return name;
}
