import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as path from 'path';
import { cellSource, readNotebook } from './ipynb';
import { repoRoot } from './paths';
import { listNotebooks } from './report-args';

// The committed notebooks read alike: code lines fit a notebook cell without scrolling, and one heading
// style (a numbered `# N. Title`, then unnumbered `## Section` headings).
const MAX_CODE_COLUMNS = 100;
const notebooks = listNotebooks(path.join(repoRoot(), 'notebooks'));

test('notebooks: code lines fit the cell width', () => {
  assert.ok(notebooks.length > 0);
  const long = notebooks.flatMap((nb) =>
    readNotebook(nb).cells.flatMap((c, i) =>
      c.cell_type !== 'code'
        ? []
        : cellSource(c)
            .split('\n')
            .filter((l) => l.length > MAX_CODE_COLUMNS)
            .map((l) => `${path.basename(nb)} cell ${i}: ${l.length} columns: ${l.slice(0, 50)}...`),
    ),
  );
  assert.deepEqual(long, []);
});

test('notebooks: one title "# N. ...", sections "## ..." without numbers, no other heading level', () => {
  for (const nb of notebooks) {
    const headings = readNotebook(nb)
      .cells.filter((c) => c.cell_type === 'markdown')
      .flatMap((c) =>
        cellSource(c)
          .split('\n')
          .filter((l) => /^#+ /.test(l)),
      );
    const n = Number(path.basename(nb).slice(0, 2));
    assert.match(headings[0] ?? '', new RegExp(`^# ${n}\\. \\S`), `${path.basename(nb)}: title`);
    for (const h of headings.slice(1)) {
      assert.match(h, /^## (?!\d+\.\s|Part \d)\S/, `${path.basename(nb)}: heading "${h}"`);
    }
  }
});
