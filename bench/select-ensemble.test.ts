import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';
import { type EnsembleResults, ensembleTable } from './select-ensemble-table';

const root = packageRoot();

test('select-ensemble: docs/selection.md holds the table of the newest results, as the bench made it', () => {
  const dir = path.join(root, 'bench', 'results');
  const files = fs
    .readdirSync(dir)
    .filter((f) => /^select-ensemble-\d{4}-\d\d-\d\d\.json$/.test(f))
    .sort();
  assert.ok(files.length > 0, 'no bench/results/select-ensemble-*.json');
  const r = JSON.parse(fs.readFileSync(path.join(dir, files[files.length - 1]), 'utf8')) as EnsembleResults;
  const doc = fs.readFileSync(path.join(root, 'docs', 'selection.md'), 'utf8');
  const table = ensembleTable(r);
  assert.ok(doc.includes(table), `docs/selection.md lacks:\n${table}`);
  assert.ok(r.check && doc.includes(r.check.replace(/, \d+ s$/, '')), `docs/selection.md lacks the check: ${r.check}`);
  // the sentence under it says the same verdict
  const said = /\*\*It (passes|does not pass)\*\*/.exec(doc.slice(doc.indexOf('## Ensemble candidate: result')))?.[1];
  assert.equal(said, r.candidate.passes ? 'passes' : 'does not pass');
});
