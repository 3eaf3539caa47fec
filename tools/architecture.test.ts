import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';

// The stages of src/, lowest first: a file may import its own stage and the stages before it, never a later one.
// `version.ts` sits on the ground floor beside util/; `result.ts` composes the JSON types the stages below it own
// (result.json), so everything from the detector up may use it.
const STAGES = [
  'util',
  'ground',
  'backend',
  'data',
  'transform',
  'sequence',
  'model',
  'score',
  'train',
  'threshold',
  'events',
  'evaluate',
  'result',
  'detector',
  'pipeline',
  'plot',
  'report',
  'scan',
  'notebook',
  'cli',
  'index',
];

function stageOf(file: string): string {
  const rel = file.replace(/\\/g, '/').replace(/^src\//, '');
  if (!rel.includes('/')) return rel === 'index.ts' ? 'index' : rel === 'result.ts' ? 'result' : 'ground';
  return rel.split('/')[0];
}

async function graph(): Promise<Record<string, string[]>> {
  // madge's own API: the import graph of src/ (TypeScript, type-only imports included)
  const madge = require('madge') as (
    p: string,
    o: object,
  ) => Promise<{ obj(): Record<string, string[]>; circular(): string[][] }>;
  const root = packageRoot();
  const res = await madge(path.join(root, 'src'), {
    fileExtensions: ['ts'],
    baseDir: root,
    excludeRegExp: [/\.test\.ts$/],
    detectiveOptions: { ts: { skipTypeImports: false } },
  });
  return Object.assign(res.obj(), { __circular: res.circular().map((c) => c.join(' -> ')) });
}

test('architecture: src/ has no import cycle (madge)', async () => {
  const g = await graph();
  assert.deepEqual((g as unknown as { __circular: string[] }).__circular, []);
});

test('architecture: imports run downward only (no lower stage imports plot/, report/ or a later stage)', async () => {
  const g = await graph();
  const wrong: string[] = [];
  for (const [from, tos] of Object.entries(g)) {
    if (from === '__circular' || !from.startsWith('src/')) continue;
    const a = STAGES.indexOf(stageOf(from));
    assert.ok(a >= 0, `unknown stage for ${from}`);
    for (const to of tos) {
      const b = STAGES.indexOf(stageOf(to));
      if (b > a) wrong.push(`${from} -> ${to}`);
    }
  }
  assert.deepEqual(wrong, []);
});

test('architecture: other stages reach model/ through model/index.ts only', async () => {
  const g = await graph();
  const wrong = Object.entries(g).flatMap(([from, tos]) =>
    from === '__circular' || stageOf(from) === 'model'
      ? []
      : (tos as string[])
          .filter((t) => t.startsWith('src/model/') && t !== 'src/model/index.ts')
          .map((t) => `${from} -> ${t}`),
  );
  assert.deepEqual(wrong, []);
});
