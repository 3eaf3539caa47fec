import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../src/util/paths';
import type { CachedRun } from './select-grid';
import { type WhyRow, whyLines, whyRows } from './select-why';

test('whyRows: found, error over the median, peak over the bar and the period in scored steps, known numbers', () => {
  // 1,000 steps of error 1 (auto smoothing 10 steps), a 1-step error of 100 at step 500 and nothing at 800..809
  const raw = Array.from({ length: 1000 }, (_, i) => (i === 500 ? 100 : i >= 800 && i < 810 ? 0 : 1));
  const run: CachedRun = {
    file: 'sine/sine-2000.csv',
    subset: 'sine',
    rows: 2000,
    raw,
    x: raw.map((_, i) => Math.sin(i)),
    spans: [
      [500, 500],
      [800, 809],
    ],
    kinds: ['spike', 'missing-cycle'],
    resample: '10min',
    seconds: 0,
  };
  const rows = whyRows([run], new Map([['sine/sine-2000.csv', 240]]));
  assert.deepEqual(
    rows.map((r) => [r.kind, r.found, r.steps, r.errorRatio, r.period]),
    [
      ['spike', true, 1, 100, 120],
      ['missing-cycle', false, 10, 0, 120],
    ],
  );
  assert.ok(rows[0].peakVsBar > 1 && rows[1].peakVsBar < 0.5, `${rows[0].peakVsBar} ${rows[1].peakVsBar}`);
  assert.deepEqual(whyLines(rows), [
    'missing-cycle: found 0 of 1; of the 1 missed, error under the median 1, under twice it 1, at the threshold or above 0, at half of it or more 0, period over 100 steps 1',
    'spike: found 1 of 1',
  ]);
});

test("docs/selection.md: the analysis's lines and sentences are its results file's", () => {
  const root = packageRoot();
  const { rows } = JSON.parse(
    fs.readFileSync(path.join(root, 'bench', 'results', 'select-why-2026-12-08.json'), 'utf8'),
  ) as { rows: WhyRow[] };
  const doc = fs.readFileSync(path.join(root, 'docs', 'selection.md'), 'utf8');
  const flat = doc.replace(/\s*\n\s*/g, ' ');
  assert.equal(rows.length, 64);
  for (const line of whyLines(rows)) assert.ok(doc.includes(`- ${line}\n`), line);
  const missed = rows.filter((r) => !r.found);
  const of = (...kinds: string[]): WhyRow[] => missed.filter((r) => kinds.includes(r.kind));
  const short = of('spike', 'dip');
  assert.equal(short.length, 7);
  assert.ok(Math.min(...short.map((r) => r.errorRatio)) >= 8);
  assert.deepEqual([short.filter((r) => r.peakVsBar < 1).length, short.filter((r) => r.peakVsBar >= 1).length], [4, 3]);
  const quiet = of('missing-cycle', 'amplitude-change');
  assert.deepEqual([quiet.filter((r) => r.errorRatio < 1).length, quiet.length], [7, 9]);
  const flat6 = rows.filter((r) => r.kind === 'flatline');
  assert.deepEqual([flat6.filter((r) => r.errorRatio < 1).length, flat6.length], [3, 6]);
  assert.deepEqual([missed.filter((r) => r.period > 100).length, missed.length], [3, 22]);
  for (const s of [
    'Every missed spike and dip (7) has an error at least 8 times its series',
    'Smoothing brings 4 of them under the threshold, and 3 reach the threshold and are dropped by pruning',
    'with pruning off, the replay finds those 3.',
    '7 of the 9 missed missing cycles and amplitude changes have an error *under* their series',
    '(3 of the 6 have errors under the median)',
    '3 of the 22 missed labels sit in series whose period is longer than the 100-step window',
  ])
    assert.ok(flat.includes(s), s);
});
