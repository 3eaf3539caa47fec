import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as tf from '@tensorflow/tfjs';
import { useBackend } from './active';
import { selectBackend } from './select';

test('useBackend: selects once, remembers the choice, and re-selects when another backend became active', async () => {
  assert.equal(await useBackend('cpu'), 'cpu');
  assert.equal(tf.getBackend(), 'cpu');
  assert.equal(await useBackend('cpu'), 'cpu');
  await assert.rejects(
    useBackend('gpu' as never),
    /^InputError: invalid backend: gpu \(one of: auto, tensorflow, wasm, cpu\)$/,
  );
  assert.equal(tf.getBackend(), 'cpu');
  assert.equal(await selectBackend('wasm'), 'wasm');
  assert.equal(await useBackend('cpu'), 'cpu');
  assert.equal(tf.getBackend(), 'cpu');
});
