import assert from 'node:assert/strict';
import { test } from 'node:test';
import { selectBackend } from '../../backend/select';
import { wasmCompute } from './wasm';

test('wasm matrices start on a 64-byte line, zero-filled, for every size (1x1 to 480x512)', async () => {
  await selectBackend('wasm');
  const g = wasmCompute();
  try {
    for (const [r, c] of [
      [1, 1],
      [1, 3],
      [3, 5],
      [16, 128],
      [7, 9],
      [480, 512],
      [1, 1],
    ]) {
      const m = g.alloc(r, c) as { ptr: number } & ReturnType<typeof g.alloc>;
      assert.equal(m.ptr % 64, 0, `${r}x${c} at ${m.ptr}`);
      assert.equal(m.f.length, r * c);
      assert.ok(m.f.every((v) => v === 0));
    }
    // Known numbers through the provider: [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50].
    const a = g.alloc(2, 2),
      b = g.alloc(2, 2),
      out = g.alloc(2, 2);
    a.f.set([1, 2, 3, 4]);
    b.f.set([5, 6, 7, 8]);
    g.touch(a);
    g.touch(b);
    g.mm(a, b, out);
    assert.deepEqual([...out.f], [19, 22, 43, 50]);
  } finally {
    g.dispose();
  }
});

test('a weight used again is multiplied from packed panels: repacked when touched, and each provider packs its own copy', async () => {
  await selectBackend('wasm');
  const owner = wasmCompute(),
    g1 = wasmCompute(),
    g2 = wasmCompute();
  try {
    const w = owner.alloc(3, 8);
    w.f.set(Array.from({ length: 24 }, (_, i) => i));
    owner.touch(w);
    // Row [1 2 3] x w: column j is w[0][j] + 2 w[1][j] + 3 w[2][j] = 6 j + 64.
    const expect = (add: number) => Array.from({ length: 8 }, (_, j) => 6 * j + 64 + add);
    const product = (g: typeof g1) => {
      const a = g.alloc(1, 3),
        out = g.alloc(1, 8);
      a.f.set([1, 2, 3]);
      g.touch(a);
      g.mm(a, w, out);
      return [...out.f];
    };
    for (let k = 0; k < 3; k++) assert.deepEqual(product(g1), expect(0)); // unpacked, then packed twice
    for (let k = 0; k < 3; k++) assert.deepEqual(product(g2), expect(0));
    // g1's panels are freed with it; g2's stay right while new matrices take over g1's memory.
    g1.dispose();
    for (let k = 0; k < 4; k++) owner.alloc(3, 8).f.fill(-1);
    assert.deepEqual(product(g2), expect(0));
    // New values, touched: the next products see them.
    w.f[0] += 1; // +1 in column 0 only
    w.f[23] += 2; // +6 in column 7 (row 2)
    owner.touch(w);
    const want = expect(0);
    want[0] += 1;
    want[7] += 6;
    assert.deepEqual(product(g2), want);
    assert.deepEqual(product(g2), want);
  } finally {
    g1.dispose();
    g2.dispose();
    owner.dispose();
  }
});
