import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeDirAtomic, writeFileAtomic } from './atomic';
import { InputError, invalid } from './errors';
import { sharedAccessor } from './lazy';
import { Rng } from './random';

test('Rng: same seed, same sequence; different seeds differ', () => {
  const a = new Rng(7),
    b = new Rng(7),
    c = new Rng(8);
  const xa = [a.next(), a.next(), a.next()];
  assert.deepEqual(xa, [b.next(), b.next(), b.next()]);
  assert.notDeepEqual(xa, [c.next(), c.next(), c.next()]);
  assert.ok(xa.every((v) => v >= 0 && v < 1));
  assert.deepEqual(new Rng(1).permutation(5).sort(), [0, 1, 2, 3, 4]);
  const r = new Rng(3);
  let s = 0;
  for (let i = 0; i < 20000; i++) s += r.normal();
  assert.ok(Math.abs(s / 20000) < 0.03);
});

test('invalid: the `invalid <name>: <value>` convention', () => {
  const e = invalid('window', 0, 'an integer >= 2');
  assert.ok(e instanceof InputError);
  assert.equal(e.message, 'invalid window: 0 (an integer >= 2)');
  assert.equal(e.exitCode, 2);
});

test('writeDirAtomic: a failure leaves nothing and keeps an existing directory', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'la-'));
  const dir = path.join(root, 'out');
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'keep.txt'), 'old');
  await assert.rejects(
    writeDirAtomic(dir, (tmp) => {
      fs.writeFileSync(path.join(tmp, 'a'), 'x');
      throw new Error('boom');
    }),
    /boom/,
  );
  assert.deepEqual(fs.readdirSync(root), ['out']);
  assert.equal(fs.readFileSync(path.join(dir, 'keep.txt'), 'utf8'), 'old');
  await writeDirAtomic(dir, (tmp) => fs.writeFileSync(path.join(tmp, 'new.txt'), 'y'));
  assert.deepEqual(fs.readdirSync(dir), ['new.txt']);
  assert.deepEqual(fs.readdirSync(root), ['out']);
  writeFileAtomic(path.join(dir, 'f.txt'), 'z');
  assert.equal(fs.readFileSync(path.join(dir, 'f.txt'), 'utf8'), 'z');
  fs.rmSync(root, { recursive: true });
});

test('sharedAccessor: one getter and setter for every object, enumerable, read by a spread', () => {
  const STATE = Symbol('state');
  type O = { [STATE]: { n: number } };
  function get(this: O): number {
    return 2 * this[STATE].n;
  }
  function set(this: O, v: number): void {
    this[STATE].n = v / 2;
  }
  const a = { [STATE]: { n: 1 } };
  const b = { [STATE]: { n: 5 } };
  sharedAccessor(a, 'x', get, set);
  sharedAccessor(b, 'x', get, set);
  assert.equal(Object.getOwnPropertyDescriptor(a, 'x')?.get, Object.getOwnPropertyDescriptor(b, 'x')?.get);
  assert.equal(({ ...b } as unknown as { x: number }).x, 10);
  (a as unknown as { x: number }).x = 8;
  assert.equal(a[STATE].n, 4);
  assert.deepEqual(Object.keys(a), ['x']);
});
