import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { maxOf, minOf } from './extent';

test('maxOf and minOf skip NaN and take a 1M-value array without overflowing the stack', () => {
  assert.equal(maxOf([3, NaN, 7, 1]), 7);
  assert.equal(minOf([3, NaN, 7, 1]), 1);
  assert.equal(maxOf([]), -Infinity);
  const big = new Float64Array(1_000_000).map((_, i) => Math.sin(i));
  big[123_456] = 5;
  big[654_321] = -5;
  assert.equal(maxOf(big), 5);
  assert.equal(minOf(big), -5);
});

/** Every .ts source file under `dir` (tests excluded). */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

test('no source spreads an array into Math.max / Math.min / push (a long series overflows the call stack)', () => {
  // compiled to dist/src/util: the repository is three levels up; src/ and bench/ (tests excluded)
  const root = path.resolve(__dirname, '..', '..', '..');
  assert.ok(fs.existsSync(path.join(root, 'src', 'util', 'extent.ts')), `sources not found under ${root}`);
  const bad = /Math\.(max|min)\(\s*\.\.\.|\.push\(\s*\.\.\.|\.unshift\(\s*\.\.\./;
  const files = [...sources(path.join(root, 'src')), ...sources(path.join(root, 'bench'))];
  assert.ok(files.length > 100, `${files.length} sources`);
  const hits = files.flatMap((file) =>
    fs
      .readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (bad.test(line) ? [`${path.relative(root, file)}:${i + 1}: ${line.trim()}`] : [])),
  );
  assert.deepEqual(hits, [], 'use maxOf / minOf (src/util/extent.ts) or a loop');
});
