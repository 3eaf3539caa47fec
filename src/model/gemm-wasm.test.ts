import { test } from 'node:test';
import assert from 'node:assert/strict';
import { selectBackend } from '../backend/select';
import { wasmGemm } from './gemm-wasm';

test('wasm matrices start on a 64-byte line, zero-filled, for every size (1x1 to 480x512)', async () => {
  await selectBackend('wasm');
  const g = wasmGemm();
  try {
    for (const [r, c] of [[1, 1], [1, 3], [3, 5], [16, 128], [7, 9], [480, 512], [1, 1]]) {
      const m = g.alloc(r, c) as { ptr: number } & ReturnType<typeof g.alloc>;
      assert.equal(m.ptr % 64, 0, `${r}x${c} at ${m.ptr}`);
      assert.equal(m.f.length, r * c);
      assert.ok(m.f.every((v) => v === 0));
    }
    // Known numbers through the provider: [1 2; 3 4] x [5 6; 7 8] = [19 22; 43 50].
    const a = g.alloc(2, 2), b = g.alloc(2, 2), out = g.alloc(2, 2);
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
