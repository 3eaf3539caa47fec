import assert from 'node:assert/strict';
import { test } from 'node:test';
import { interleave, reverseBlocks, split } from './bidirectional';

test('interleave joins rows of two directions at the offsets given; split undoes it', () => {
  const a = Float32Array.from([9, 1, 2, 3, 4]); // rows [1, 2], [3, 4] from offset 1
  const b = Float32Array.from([5, 6, 7, 8]); // rows [5, 6], [7, 8] from offset 0
  const out = new Float32Array(10);
  interleave(out, 2, a, 1, b, 0, 2, 2);
  assert.deepEqual([...out], [0, 0, 1, 2, 5, 6, 3, 4, 7, 8]);
  const fa = new Float32Array(5);
  const fb = new Float32Array(6);
  split(out, 2, fa, 1, fb, 2, 2, 2);
  assert.deepEqual([...fa], [0, 1, 2, 3, 4]);
  assert.deepEqual([...fb], [0, 0, 5, 6, 7, 8]);
});

test('reverseBlocks reverses blocks in time', () => {
  const dst = new Float32Array(6);
  reverseBlocks(Float32Array.from([1, 2, 3, 4, 5, 6]), dst, 3, 2);
  assert.deepEqual([...dst], [5, 6, 3, 4, 1, 2]);
});
