import assert from 'node:assert/strict';
import { test } from 'node:test';
import { copyRows } from '../compute/compute';
import { reverseBlocks } from './bidirectional';

test('copyRows joins rows of two directions into rows twice as wide, and splits them back', () => {
  const a = Float32Array.from([9, 1, 2, 3, 4]); // rows [1, 2], [3, 4] from offset 1
  const b = Float32Array.from([5, 6, 7, 8]); // rows [5, 6], [7, 8] from offset 0
  const out = new Float32Array(10);
  copyRows(a, 1, 2, out, 2, 4, 2, 2);
  copyRows(b, 0, 2, out, 4, 4, 2, 2);
  assert.deepEqual([...out], [0, 0, 1, 2, 5, 6, 3, 4, 7, 8]);
  const fa = new Float32Array(5);
  const fb = new Float32Array(6);
  copyRows(out, 2, 4, fa, 1, 2, 2, 2);
  copyRows(out, 4, 4, fb, 2, 2, 2, 2);
  assert.deepEqual([...fa], [0, 1, 2, 3, 4]);
  assert.deepEqual([...fb], [0, 0, 5, 6, 7, 8]);
});

test('reverseBlocks reverses blocks in time', () => {
  const dst = new Float32Array(6);
  reverseBlocks(Float32Array.from([1, 2, 3, 4, 5, 6]), dst, 3, 2);
  assert.deepEqual([...dst], [5, 6, 3, 4, 1, 2]);
});
