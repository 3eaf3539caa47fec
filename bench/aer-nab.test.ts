import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';

// AER's NAB development run (bench/results/aer-nab-2026-12-07.json) against what docs/selection.md says of it.
interface Row {
  subset: string;
  counts?: { tp: number; fp: number; fn: number };
}

const f1 = (c: number[]): number => (2 * c[0]) / (2 * c[0] + c[1] + c[2]);

test("docs/selection.md states the figures of AER's NAB development run", () => {
  const root = packageRoot();
  const r = JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results', 'aer-nab-2026-12-07.json'), 'utf8'));
  const doc = fs.readFileSync(path.join(root, 'docs', 'selection.md'), 'utf8');
  const aer = r.runs.find((x: { name: string }) => x.name === 'aer');
  const sums: Record<string, number[]> = {};
  for (const row of aer.files as Row[]) {
    const s = (sums[row.subset] ??= [0, 0, 0]);
    if (row.counts) [row.counts.tp, row.counts.fp, row.counts.fn].forEach((v, i) => (s[i] += v));
  }
  const cell = (s: string) => `${f1(sums[s]).toFixed(3)} (${sums[s].join('/')})`;
  assert.ok(doc.includes(`| realKnownCause: F1 (tp/fp/fn) | 0.550 (11/10/8) | ${cell('realKnownCause')} |`));
  assert.ok(
    doc.includes(`| artificialWithAnomaly: F1 (tp/fp/fn) | 1.000 (2/0/0) | ${cell('artificialWithAnomaly')} |`),
  );
  assert.equal(sums.artificialNoAnomaly[1], 0, 'controls quiet');
  const mean = ((f1(sums.realKnownCause) + f1(sums.artificialWithAnomaly)) / 2).toFixed(3);
  assert.ok(doc.includes(`| **mean F1** | **0.775** | **${mean}** |`));
  assert.ok(doc.includes(`(${sums.realKnownCause[1]} against 10)`), 'false events on the real files');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s+/g, ' ');
  assert.ok(readme.includes(`it scores a mean F1 of ${mean} against the LSTM's 0.775`), 'the README quotes the run');
  // The rule's verdict from NAB alone: below the incumbent (rule 1) and below the 0.70 floor (rule 4).
  assert.ok(Number(mean) < 0.775 && Number(mean) < 0.7);
  assert.ok(doc.replace(/\s+/g, ' ').includes('AER fails both on NAB alone'));
  // every file of the run trained with AER's own settings (35 epochs at most, early stopping on)
  assert.ok(aer.files.every((x: { epochs?: number }) => x.epochs === undefined || x.epochs <= 35));
  assert.ok(aer.files.some((x: { epochs?: number }) => x.epochs !== undefined && x.epochs > 10));
});
