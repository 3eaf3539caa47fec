import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../src/util/paths';

// The README's comparison of the four detectors on the NAB development files is the re-run with the whole-series
// defaults of rounds 4 and 6 (`--extreme 20`, `--stuck on`): its saved table must hold the README's counts, and the
// counts the README says did not change must be the run's before (`--extreme 20` only).
test("the README's NAB comparison: the re-run with --extreme 20 and --stuck on gave the table's counts", () => {
  const root = packageRoot();
  const rerun = fs.readFileSync(path.join(root, 'bench', 'results', 'compare-nab-2026-12-08-stuck.md'), 'utf8');
  const before = fs.readFileSync(path.join(root, 'bench', 'results', 'compare-nab-2026-12-07-extreme20.md'), 'utf8');
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
  const at = readme.indexOf('Re-run on 2026-12-08 with\n`--extreme 20` and `--stuck on`');
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
  const speed = (t: string): string | undefined => t.split('\n').find((l) => l.startsWith('| s per file'));
  assert.equal(speed(table), speed(rerun));
  // lstm, zscore and iforest (columns 2, 4, 5): the same counts as the run before; pca gained the flat middle
  const col = (t: string, name: string, c: number): string =>
    t
      .split('\n')
      .find((l) => l.startsWith(`| ${name}`))!
      .split('|')
      [c].trim();
  for (const name of ['artificialNoAnomaly', 'artificialWithAnomaly', 'realKnownCause', '**mean F1**'])
    for (const c of [2, 4, 5]) assert.equal(col(rerun, name, c), col(before, name, c), `${name} ${c}`);
  assert.deepEqual(
    [col(before, 'artificialWithAnomaly', 3), col(rerun, 'artificialWithAnomaly', 3)],
    ['0.667 (1/0/1)', '1.000 (2/0/0)'],
  );
});
