import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { reportFixture } from '../../tools/testing/fixture';
import { writeJsonFile } from './json-file';

function written(value: unknown, indent?: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'json-file-'));
  try {
    const file = path.join(dir, 'v.json');
    writeJsonFile(file, value, indent);
    return fs.readFileSync(file, 'utf8');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('writeJsonFile: the same bytes as JSON.stringify(v, null, 1), long arrays included', () => {
  const long = Array.from({ length: 3000 }, (_, i) => ({
    start: `d${i}`,
    end: `e"${i}\n`,
    mae: i / 7,
    anomaly: i % 3 === 0,
    gone: undefined,
    nested: i % 500 === 0 ? { a: [1, [2, { b: null }]], c: {} } : [],
  }));
  const value = {
    config: { window: 5, threshold: 'p95', trainUntil: undefined, f: () => 1 },
    when: new Date(Date.UTC(2020, 0, 2)),
    nums: Array.from({ length: 2000 }, (_, i) => (i % 100 === 0 ? NaN : i % 77 === 0 ? -Infinity : Math.sin(i))),
    holes: [...Array.from({ length: 300 }, () => undefined), () => 2, 'x'],
    test: long,
    grid: Array.from({ length: 400 }, (_, i) => Array.from({ length: i % 5 }, (_, j) => i * j)),
    empty: [],
    none: {},
    s: 'line\nbreak "quoted" \u2028',
  };
  assert.equal(written(value), JSON.stringify(value, null, 1));
  assert.equal(written(value, 2), JSON.stringify(value, null, 2));
  assert.equal(written(value, 0), JSON.stringify(value));
  assert.equal(written(long), JSON.stringify(long, null, 1));
  assert.equal(written([]), '[]');
});

test('writeJsonFile: a run result reads back equal', () => {
  const { result } = reportFixture();
  const text = written(result);
  assert.equal(text, JSON.stringify(result, null, 1));
  assert.deepEqual(JSON.parse(text), JSON.parse(JSON.stringify(result)));
});
