import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { tempDir } from '../../tools/testing/temp';
import { parseSeriesCsv } from '../data/load-csv';
import { hasCompactDates, hasCompactValues } from '../data/series';
import { evaluateStage } from '../pipeline/evaluation';
import { runPipeline } from '../pipeline/run';
import { DETECT_FLAGS } from './flags';
import { loadLabels } from './labels';
import { parseFlags } from './parse';

const TINY = { window: 6, encoder: [4], epochs: 2, batchSize: 8, backend: 'cpu' as const, seed: 3 };

/** A CSV of `n` hourly rows with a jump at rows 180..185 (the test part), as run-compact.test.ts. */
function csv(n: number): string {
  const lines = ['Date,Close'];
  for (let i = 0; i < n; i++) {
    const d = new Date(Date.UTC(2021, 0, 1) + i * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
    lines.push(`${d},${(100 + 5 * Math.sin(i / 7) + (i >= 180 && i < 186 ? 40 : 0)).toFixed(3)}`);
  }
  return `${lines.join('\n')}\n`;
}

test('a run labeled by --labels (detect) makes no arrays of its compact series, and evaluates as the arrays do', async (t) => {
  const dir = tempDir('lstm-anomaly-labels-', t);
  const file = path.join(dir, 'windows.json');
  // rows 178..187 and a label in the training part (rows 20..22)
  const w = {
    'h.csv': [
      ['2021-01-08 10:00:00.000000', '2021-01-08 19:00:00.000000'],
      ['2021-01-01 20:00:00', '2021-01-01 22:00:00'],
    ],
  };
  fs.writeFileSync(file, JSON.stringify(w));
  const f = parseFlags(['--csv', 'h.csv', '--labels', file], DETECT_FLAGS);
  const text = csv(200);
  const compact = parseSeriesCsv(text, { source: 'h.csv' });
  const labels = loadLabels(f, compact);
  assert.deepEqual(labels, [
    { start: '2021-01-08T10:00:00', end: '2021-01-08T19:00:00' },
    { start: '2021-01-01T20:00:00', end: '2021-01-01T22:00:00' },
  ]);
  const a = await runPipeline(compact, TINY);
  a.detector.dispose();
  const ev = evaluateStage(a.stage, labels!);
  assert.ok(hasCompactDates(compact), 'the dates were made strings');
  assert.ok(hasCompactValues(compact), 'the values were made arrays');
  const copy = parseSeriesCsv(text, { source: 'h.csv' });
  const plain = {
    dates: [...copy.dates],
    values: copy.values.map((r) => [...r]),
    columns: copy.columns,
    source: 'h.csv',
  };
  assert.deepEqual(loadLabels(f, plain), labels);
  const b = await runPipeline(plain, TINY);
  b.detector.dispose();
  assert.deepStrictEqual(ev, evaluateStage(b.stage, labels!));
  assert.equal(ev.labels, 1);
  assert.equal(ev.labelsOutside, 1);
  assert.equal(ev.overlap.tp, 1, 'the jump is found');
});

test('loadLabels refuses a label outside a compact series, naming the file and its dates', (t) => {
  const dir = tempDir('lstm-anomaly-labels-', t);
  const file = path.join(dir, 'bad.csv');
  fs.writeFileSync(file, 'start,end\n2022-01-01,2022-01-02\n');
  const s = parseSeriesCsv(csv(30), { source: 'h.csv' });
  assert.throws(
    () => loadLabels(parseFlags(['--csv', 'h.csv', '--labels', file], DETECT_FLAGS), s),
    /^InputError: bad\.csv: label 2022-01-01\.\.2022-01-02 is outside the series \(2021-01-01T00:00:00\.\.2021-01-02T05:00:00\)$/,
  );
  assert.ok(hasCompactDates(s));
});
