import assert from 'node:assert/strict';
import { test } from 'node:test';
import { joinStepFlags } from './join-flags';
import { STUCK_RULE } from './stuck';

const on = (f: boolean[]): number[] => f.flatMap((v, i) => (v ? [i] : []));

test('joinStepFlags: extreme steps and stuck runs join the rule flags, each padded; off adds nothing', () => {
  const n = 200;
  const raw = Array.from({ length: n }, (_, i) => (i === 20 ? 50 : 1));
  const x = Array.from({ length: n }, (_, i) => (i >= 100 && i < 112 ? 0.5 : Math.sin(i)));
  const rule = new Array<boolean>(n).fill(false);
  rule[180] = true;
  const off = joinStepFlags(rule, 1, { raw, k: 0 });
  assert.deepEqual([on(off.flags), off.extreme, off.stuck], [[180], undefined, undefined]);
  const j = joinStepFlags(rule, 1, { raw, k: 5, inputs: { x, features: 1 } });
  assert.deepEqual(on(j.flags), [19, 20, 21, ...Array.from({ length: 14 }, (_, i) => 99 + i), 180]);
  assert.equal(j.extreme?.count, 1);
  assert.deepEqual(j.stuck?.runs, [[100, 111]]);
  // the rule's constants can be replaced (the bench's uncapped round 5): 12 of 110 steps is over the 10% cap
  const short = x.slice(50, 160); // the stall at steps 50..61
  const flags = new Array<boolean>(110).fill(false);
  assert.deepEqual(joinStepFlags(flags, 0, { raw: short, k: 0, inputs: { x: short, features: 1 } }).stuck?.runs, []);
  const uncapped = { ...STUCK_RULE, maxCover: 1 };
  const u = joinStepFlags(flags, 0, { raw: short, k: 0, inputs: { x: short, features: 1 }, rule: uncapped });
  assert.deepEqual(u.stuck?.runs, [[50, 61]]);
  assert.deepEqual(joinStepFlags([], 3, { raw: [], k: 5, inputs: { x: [], features: 1 } }), { flags: [] });
});
