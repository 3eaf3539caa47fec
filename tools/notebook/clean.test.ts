import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as path from 'path';
import { notebookProblems, stripOutputs } from './clean';
import { type Notebook, readNotebook } from './ipynb';
import { repoRoot } from './paths';
import { listNotebooks } from './report-args';

const files = listNotebooks(path.join(repoRoot(), 'notebooks'));

test('committed notebooks have no outputs or execution counts, one parameters cell, markdown before code', (t) => {
  if (files.length === 0) return t.skip('no notebooks in notebooks/');
  const problems = files.flatMap((f) => notebookProblems(readNotebook(f)).map((p) => `${path.basename(f)}: ${p}`));
  assert.deepEqual(problems, [], `fix the notebooks (outputs: npm run notebooks:strip):\n${problems.join('\n')}`);
});

test('notebookProblems and stripOutputs on a notebook with outputs', () => {
  const nb: Notebook = {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: { kernelspec: { name: 'tslab' } },
    cells: [
      { cell_type: 'markdown', metadata: {}, source: 'Parameters.' },
      {
        cell_type: 'code',
        metadata: { tags: ['parameters'] },
        source: 'let a = 1;',
        outputs: [],
        execution_count: null,
      },
      {
        cell_type: 'code',
        metadata: { execution: {} },
        source: "import { x } from '../src/x';",
        outputs: [{}],
        execution_count: 3,
      },
    ],
  };
  const problems = notebookProblems(nb);
  assert.ok(problems.includes('cell 3 has outputs'));
  assert.ok(problems.includes('cell 3 has an execution count'));
  assert.ok(problems.includes('cell 3 has no markdown cell before it'));
  assert.ok(problems.some((p) => p.startsWith('cell 3 imports ../src')));
  const clean = stripOutputs(nb);
  assert.deepEqual(clean.cells[2].outputs, []);
  assert.equal(clean.cells[2].execution_count, null);
  assert.deepEqual(clean.cells[2].metadata, {});
});
