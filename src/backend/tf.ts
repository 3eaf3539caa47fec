/**
 * The tfjs the library uses: tfjs-core, with the cpu backend registered (as the whole `@tensorflow/tfjs` bundle
 * registers it, so tfjs ops work before any backend is chosen). Every module of `src/` imports tfjs-core through
 * here; layers come from `@tensorflow/tfjs-layers`, the wasm backend is loaded when selected (see select.ts).
 * The bundle would also load the converter, tfjs-data and the webgl backend, which no run uses: a training
 * worker starts in about half the time without them.
 *
 * @example
 * import * as tf from '../backend/tf';
 * tf.tensor([1, 2]).sum();
 */
import '@tensorflow/tfjs-backend-cpu';

export * from '@tensorflow/tfjs-core';
