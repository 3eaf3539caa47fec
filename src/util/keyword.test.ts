import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SCALERS } from './choices';
import { InputError } from './errors';
import { formatNumber, significant } from './format';
import { keyword } from './keyword';
import { defaultsOf } from './options';

test('keyword: returns a listed value; anything else is an InputError naming the choices', () => {
  assert.equal(keyword('scaler', 'minmax', SCALERS), 'minmax');
  assert.throws(
    () => keyword('scaler', 'robust', SCALERS),
    (e: unknown) => e instanceof InputError && e.message === 'invalid scaler: robust (one of: standard, minmax)',
  );
  assert.throws(
    () => keyword('--scaler', 'MinMax', SCALERS),
    /^InputError: invalid --scaler: MinMax \(one of: standard, minmax\)$/,
  );
  assert.throws(() => keyword('scaler', 3, SCALERS), /invalid scaler: 3 \(one of/);
  assert.throws(() => keyword('scaler', '', []), /invalid scaler: {2}\(one of: \)/);
});

test('format: significant digits, integers exact, non-finite as-is', () => {
  assert.equal(significant(0.0123456, 4), '0.01235');
  assert.equal(significant(12345, 4), '12350');
  assert.equal(significant(NaN, 4), 'NaN');
  assert.equal(formatNumber(12345), '12345');
  assert.equal(formatNumber(1234.56789), '1234.57');
  assert.equal(formatNumber(-Infinity), '-Infinity');
});

test('defaultsOf: table order, unset entries left out, arrays copied', () => {
  const enc = [128];
  const d = defaultsOf<Record<string, unknown>>([
    { key: 'b', type: 'int', default: 2, help: '', group: 'Pipeline' },
    { key: 'u', type: 'string', help: '', group: 'Pipeline' },
    { key: 'a', type: 'posint', default: enc, help: '', group: 'Pipeline' },
  ]);
  assert.deepEqual(Object.keys(d), ['b', 'a']);
  assert.notEqual(d.a, enc);
  assert.deepEqual(d.a, [128]);
});
