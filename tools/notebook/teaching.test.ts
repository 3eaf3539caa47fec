import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as path from 'path';
import type { Notebook } from './ipynb';
import { readNotebook } from './ipynb';
import { repoRoot } from './paths';
import { listNotebooks } from './report-args';
import { isTryThis, statedResults, teachingProblems } from './teaching';

const notebooks = listNotebooks(path.join(repoRoot(), 'notebooks'));

const md = (s: string) => ({ cell_type: 'markdown' as const, source: s, metadata: {} });
const code = (s: string) => ({ cell_type: 'code' as const, source: s, metadata: {}, outputs: [] });
const good = (): Notebook => ({
  nbformat: 4,
  nbformat_minor: 5,
  metadata: {},
  cells: [
    md('# 9. X\n\n**What you will learn:** a thing. See [Keras](https://keras.io/examples/).'),
    code('showFigure(eventsChart(lineOf(series), r.events ?? [], {}));'),
    md('**Try this:** set `window = 60`.'),
    md('**Try this:** lower `magnitude`.'),
    md('<details><summary>Why?</summary>Because.</details>'),
    md('**What you learned:** the thing; the threshold puts 5% of the windows above it, by construction.'),
  ],
});

test('teachingProblems: a complete notebook passes, each missing part is named', () => {
  assert.deepEqual(teachingProblems(good()), []);
  const drop = (pred: (s: string) => boolean): Notebook => {
    const nb = good();
    nb.cells = nb.cells.filter((c) => !pred(String(c.source)));
    return nb;
  };
  assert.deepEqual(teachingProblems(drop(isTryThis)), ['0 "Try this" cells, want 2-4']);
  assert.deepEqual(teachingProblems(drop((s) => s.includes('<details>'))), [
    'no question with a folded answer (<details><summary>)',
  ]);
  assert.deepEqual(teachingProblems(drop((s) => s.includes('What you learned'))), ['no "What you learned"']);
  const noLink = good();
  noLink.cells[0] = md('# 9. X\n\n**What you will learn:** a thing.');
  assert.deepEqual(teachingProblems(noLink), ['no link to a tutorial or paper']);
  const windows = good();
  windows.cells[1] = code('showFigure(anomalyChart(lineOf(series), r.anomalies, opts));');
  assert.match(teachingProblems(windows).join('\n'), /code cell 1: a chart of flagged windows/);
  // notebook 1 once built its points from the windows' flags by hand, never naming `.anomalies`
  const byHand = good();
  byHand.cells[1] = code(
    'const points = scored.flatMap((w) => (w.anomaly ? [{ date: w.end, value: w.mae }] : []));\n' +
      'showFigure(anomalyChart(lineOf(series), points, opts));',
  );
  assert.match(teachingProblems(byHand).join('\n'), /code cell 1: a chart of flagged windows/);
  const known = good();
  known.cells[1] = code(
    'const truth = injected.indices.map((i) => ({ date: dates[i], value: 1 }));\n' +
      'showFigure(anomalyChart(lineOf(series), truth, opts));',
  );
  assert.deepEqual(teachingProblems(known), []);
  const stated = good();
  stated.cells.push(md('This run flags 126 of 170 test windows, 74.1% of them.'));
  assert.match(teachingProblems(stated).join('\n'), /fixed prose states 126 of 170, 74\.1%/);
});

test('statedResults: counts and percentages, not ranges or figures that hold by construction', () => {
  assert.deepEqual(statedResults('It flags 3 of 5 spikes. Then 12.5% are flagged.'), ['3 of 5', '12.5%']);
  assert.deepEqual(statedResults('With p99, 1% of the windows lie above it, by construction.'), []);
  assert.deepEqual(statedResults('Step 2 of the pipeline: 64-32-16 units, the first 80% train.'), []);
});

test('every notebook: Try this cells, a link, folded answers, what you learn, events not windows', () => {
  assert.ok(notebooks.length > 0);
  const problems = notebooks.flatMap((nb) =>
    teachingProblems(readNotebook(nb)).map((p) => `${path.basename(nb)}: ${p}`),
  );
  assert.deepEqual(problems, []);
});

test('teachingProblems: a code cell declaring a browser global (Deno makes it the global) is named', () => {
  const nb = good();
  nb.cells.push(code('let seed = 7;\nlet window = 30;'));
  assert.deepEqual(teachingProblems(nb), ['code cell 6: declares `window`, a browser global on Deno; rename it']);
});
