import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extremeFlags } from './extreme';

test('extremeFlags: one step 50 among 35 ones is past mean + 5σ, padded; nothing passes at 6σ (√35 ≈ 5.9)', () => {
  const raw = [...new Array<number>(34).fill(1), 50, 1];
  const e = extremeFlags(raw, 5, 1);
  // mean 1 + 49/36, σ = 49·√35/36 ≈ 8.0524: the bar is 2.3611 + 5σ
  assert.equal(e.bar.toFixed(4), '42.6233');
  assert.equal(e.count, 1);
  assert.deepEqual(
    e.flags.flatMap((f, i) => (f ? [i] : [])),
    [33, 34, 35],
  );
  assert.equal(extremeFlags(raw, 6, 1).count, 0);
  assert.deepEqual(extremeFlags([], 5, 1), { bar: 0, count: 0, flags: [] });
});

test('extremeFlags: a value repeated on 1 step in 4 is never 10σ out; a constant series flags nothing', () => {
  const raw = Array.from({ length: 400 }, (_, i) => (i % 4 === 0 ? 9 : 1));
  assert.equal(extremeFlags(raw, 1.7, 0).count, 100); // √3 ≈ 1.73 standard deviations above the mean
  assert.equal(extremeFlags(raw, 1.8, 0).count, 0);
  assert.equal(extremeFlags(new Array(50).fill(3), 10, 2).count, 0);
});
