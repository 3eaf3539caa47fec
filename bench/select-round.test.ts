import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { WHOLE_SERIES_DEFAULTS } from '../src/pipeline/event-options';
import { packageRoot } from '../src/util/paths';

// Selection rounds' results (bench/results/select-<date>-round<N>.json) against what docs/selection.md, the README
// and the whole-series defaults say of them.
const root = packageRoot();
const dir = path.join(root, 'bench', 'results');
const results = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));

interface Cell {
  model: string;
  post: string;
  m: { headline: number; kinds: Record<string, [number, number]> };
}

test('round 2: docs and the defaults say what its results say', () => {
  const r = results('select-2026-12-07-round2.json');
  const doc = fs.readFileSync(path.join(root, 'docs', 'selection.md'), 'utf8').replace(/\s+/g, ' ');
  assert.ok(doc.includes(`**${r.verdict}**`), `docs/selection.md lacks the verdict ${r.verdict}`);
  // the verdict adopted resample-auto: the whole-series defaults resample by the auto rule
  assert.match(r.verdict, /^adopt resample-auto \/ d /);
  assert.equal(WHOLE_SERIES_DEFAULTS.resample, 'auto');
  // the figures the prose quotes
  const cell = (set: string, model: string, post = 'd'): Cell =>
    (r.sets[set] as Cell[]).find((c) => c.model === model && c.post === post)!;
  const spike = (model: string): string => cell('synth', model).m.kinds.spike.join(' of ');
  assert.ok(doc.includes(`one-step spike is found ${spike('D').replace(' of ', ' times of ')}`));
  assert.ok(doc.includes(`and ${spike('window-50')} with window 50`));
  const loss = (cell('nab', 'D').m.headline - cell('nab', 'window-50').m.headline).toFixed(3);
  assert.ok(doc.includes(`window 50 loses NAB by ${loss}`));
});
