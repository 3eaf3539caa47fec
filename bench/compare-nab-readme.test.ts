import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../src/util/paths';

// The README's comparison of the four detectors on the NAB development files states that a re-run with the
// whole-series defaults of round 4 (`--extreme 20`) gave the same counts: its saved table must hold them.
test("the README's NAB comparison: the re-run with --extreme 20 gave the table's counts", () => {
  const root = packageRoot();
  const rerun = fs.readFileSync(path.join(root, 'bench', 'results', 'compare-nab-2026-12-07-extreme20.md'), 'utf8');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const at = readme.indexOf('Re-run on 2026-12-07 with `--extreme 20`');
  assert.ok(at > 0, 'the README says it was re-run');
  const table: string | undefined = readme
    .slice(at)
    .split('\n\n')
    .find((p) => p.startsWith('| sub-folder | lstm | pca'));
  assert.ok(table, 'the table after that sentence');
  const cells = (line: string): string => line.split('|').slice(2).join('|');
  const rows = rerun.split('\n').filter((l) => /^\| (artificial|realKnownCause|\*\*mean F1)/.test(l));
  assert.equal(rows.length, 4);
  for (const row of rows) {
    const name = row.split('|')[1].trim();
    const mine: string | undefined = table.split('\n').find((l) => l.startsWith(`| ${name}`));
    assert.ok(mine, `the README has no row ${name}`);
    assert.equal(cells(mine), cells(row), name);
  }
});
