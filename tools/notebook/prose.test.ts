import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { repoRoot } from './paths';
import { type CellOutputs, cellOutputs, flaggedPairs, num, samePercent, textOf } from './prose';
import { listNotebooks } from './report-args';

// Runs after `npm run report -- --fast` (the suite executes the notebooks first): the sentences a notebook
// writes from its results (showMarkdown) must say what the cells beside them printed. Each check returns how
// many figures it compared; every notebook must compare at least one, so a changed sentence cannot slip by.
const root = repoRoot();
const IN_CI = !!process.env.CI;
const reports = path.join(root, 'reports');

type Check = (cells: CellOutputs[]) => number;

/** Every `N of M test windows flagged` in a generated sentence was printed by a cell, and `(P%)` after it fits. */
const flaggedCounts: Check = (cells) => {
  let n = 0;
  const printed = new Set<string>();
  for (const c of cells) {
    for (const out of c.stdout) for (const p of flaggedPairs(out)) printed.add(p.join(' of '));
    for (const md of c.markdown) {
      for (const p of flaggedPairs(md)) {
        assert.ok(printed.has(p.join(' of ')), `"${md}": no cell printed ${p.join(' of ')} test windows flagged`);
        n++;
      }
      for (const m of md.matchAll(/(\d+) of (\d+) test windows flagged \((\d+(?:\.\d+)?)%\)/g)) {
        assert.ok(samePercent(m[3], num(m[1]), num(m[2])), `"${md}": ${m[3]}% is not ${m[1]} of ${m[2]}`);
        n++;
      }
    }
  }
  return n;
};

/** The cell whose generated sentence matches `re`, with that match; fails when no sentence matches. */
function sentence(cells: CellOutputs[], re: RegExp): { cell: CellOutputs; m: RegExpMatchArray } {
  for (const cell of cells) {
    for (const md of cell.markdown) {
      const m = md.match(re);
      if (m) return { cell, m };
    }
  }
  assert.fail(`no generated sentence matches ${re}`);
}

/** Rows of the cell's first table as objects keyed by the header row. */
function rows(cell: CellOutputs): Array<Record<string, string>> {
  assert.ok(cell.tables.length > 0, 'the cell shows no table');
  const [head, ...body] = cell.tables[0];
  return body.map((r) => Object.fromEntries(head.map((h, i) => [h, r[i]])));
}

/** Every `kind: F1 (tp a, fp b, fn c)` of a comparison sentence is the row its cell's table shows. */
const compareFigures: Check = (cells) => {
  let n = 0;
  for (const cell of cells) {
    for (const md of cell.markdown) {
      const ms = [...md.matchAll(/(lstm|pca|zscore|iforest): ([\d.]+) \(tp (\d+), fp (\d+), fn (\d+)\)/g)];
      if (ms.length === 0) continue;
      const table = rows(cell);
      const top = Math.max(...table.map((r) => num(r['overlap F1'])));
      for (const m of ms) {
        const r = table.find((x) => x.detector === m[1]);
        assert.ok(r, `"${md}": no table row for ${m[1]}`);
        const shown = [r['overlap F1'], r.tp, r.fp, r.fn];
        assert.deepEqual(shown, [m[2], m[3], m[4], m[5]], `"${md}": ${m[1]}'s row differs`);
        n++;
      }
      const best = md.match(/the best overlap-segment F1 is (?:the LSTM's|(\w+)'s)/);
      if (best) {
        const kind = best[1] ?? 'lstm';
        assert.equal(num(table.find((x) => x.detector === kind)!['overlap F1']), top, `"${md}": ${kind} is not best`);
        n++;
      }
      if (/LSTM shares the best/.test(md)) {
        assert.equal(num(table.find((x) => x.detector === 'lstm')!['overlap F1']), top, `"${md}": lstm is not top`);
        n++;
      }
    }
  }
  return n;
};

const EXTRA: Record<string, Check> = {
  '01-colab-pipeline': (cells) => {
    const part = '(\\d+) of its (\\d+) flags and (\\d+) of its (\\d+) events in the crash\\.';
    const re = new RegExp(
      `Price level: ([\\d.]+)% of the test windows flagged, ${part} Log returns: ([\\d.]+)% flagged, ${part}`,
    );
    const { cell, m } = sentence(cells, re);
    const [price, lr] = rows(cell);
    const figures = (r: Record<string, string>) => [
      r['share of test windows'],
      r['flags in Feb-Apr 2020'],
      r.flagged,
      r['events in Feb-Apr 2020'],
      r.events,
    ];
    assert.deepEqual(
      m.slice(1, 11).map(String),
      [...figures(price), ...figures(lr)].map((v) => v.replace('%', '')),
    );
    return 10;
  },
  '02-stacked-minmax': (cells) => {
    const { m } = sentence(cells, /(\d+) of \d+ test windows flagged on log returns(?:, ending in (.*))?\./);
    const months = [...(m[2] ?? '').matchAll(/\d{4}-\d{2} \((\d+)\)/g)].reduce((s, x) => s + num(x[1]), 0);
    assert.equal(months, num(m[1]), `the months listed add up to ${months}, not ${m[1]} flags`);
    return 1;
  },
  '03-general-electric': (cells) => {
    const { cell, m } = sentence(cells, /above the threshold: (\d+) of (\d+) Bad rows, (\d+) of (\d+) Good rows/);
    const table = rows(cell);
    const bad = table.find((r) => r.rows === 'Bad');
    const good = table.find((r) => r.rows === 'Good');
    assert.ok(bad && good);
    const shown = [bad['above threshold'].split(' ')[0], bad.count, good['above threshold'].split(' ')[0], good.count];
    assert.deepEqual(shown.map(num), [m[1], m[2], m[3], m[4]].map(num));
    const pr = sentence(
      cells,
      /\((\d+) of (\d+) flagged rows are Bad\), recall [\d.-]+ \((\d+) of (\d+) Bad rows flagged\)/,
    );
    const [b, g] = rows(pr.cell);
    const matrix = [b['predicted Bad'], num(b['predicted Bad']) + num(g['predicted Bad']), b['predicted Bad']];
    assert.deepEqual(
      matrix.map(Number),
      [pr.m[1], pr.m[2], pr.m[3]].map(num),
      'precision counts differ from the matrix',
    );
    assert.equal(num(pr.m[4]), num(bad.count), 'recall: not all Bad rows');
    return 8;
  },
  '04-synthetic-sine': (cells) => {
    const { cell, m } = sentence(cells, /Found (\d+) of (\d+) injected spikes/);
    const table = rows(cell);
    assert.deepEqual([table.filter((r) => r.found === 'yes').length, table.length], [num(m[1]), num(m[2])]);
    const ev = sentence(
      cells,
      /make (\d+) events? \(nearby spikes can share one\), covering \d+ of \d+ test days; they find (\d+) of (\d+) spikes, and (\d+) events? touch/,
    );
    const [row] = rows(ev.cell);
    const shown = [
      row.events,
      row['spikes found (tp)'],
      num(row['spikes found (tp)']) + num(row['spikes missed (fn)']),
    ];
    assert.deepEqual([...shown, row['false alarms (fp)']].map(Number), [ev.m[1], ev.m[2], ev.m[3], ev.m[4]].map(num));
    assert.equal(num(ev.m[3]), num(m[2]), 'the events table counts other spikes than the spike table');
    return 7;
  },
  '07-events-labels-evaluation': (cells) => {
    const { cell, m } = sentence(cells, /Found (\d+) of (\d+) labels with (\d+) events, (\d+) of them false alarms/);
    const [row] = rows(cell);
    assert.deepEqual([row.tp, row.labels, row.events, row.fp].map(num), [m[1], m[2], m[3], m[4]].map(num));
    return 4;
  },
  '06-does-the-lstm-earn-its-keep': (cells) => {
    const n = compareFigures(cells);
    const { m } = sentence(cells, /best overlap-segment F1 alone on (\d+) of (\d+) series/);
    const tables = cells.filter((c) => c.tables.length > 0 && c.tables[0][0].includes('overlap F1')).map(rows);
    const alone = tables.filter((t) => {
      const f = (k: string): number => num(t.find((r) => r.detector === k)!['overlap F1']);
      return t.every((r) => r.detector === 'lstm' || num(r['overlap F1']) < f('lstm'));
    }).length;
    assert.deepEqual([num(m[1]), num(m[2])], [alone, tables.length]);
    assert.ok(n >= 4, `only ${n} comparison figures checked`);
    return n + 2;
  },
  '05-fixed-threshold': (cells) => {
    const re =
      /In this run ([\d.]+) is (above every training error|below every training error|the ([\d.]+)th percentile)/;
    const { m } = sentence(cells, re);
    const table = cells.flatMap((c) => (c.tables.length ? rows(c) : [])).find((r) => r.rule === `fixed ${m[1]}`);
    assert.ok(table, `no table row for the rule fixed ${m[1]}`);
    const above = num(table['training windows above'].replace('%', ''));
    if (m[2].startsWith('below')) assert.equal(above, 100, 'below every training error, yet some lie below it');
    else if (m[3] === undefined)
      assert.equal(above, 0, 'above every training error, yet training windows lie above it');
    else assert.ok(Math.abs(num(m[3]) + above - 100) <= 0.15, `${m[3]}th percentile but ${above}% above`);
    return 1;
  },
};

test('cellOutputs and textOf read an nbconvert export', () => {
  const html =
    '<div class="jp-Cell jp-MarkdownCell">x</div>' +
    '<div class="jp-Cell jp-CodeCell"><div class="jp-Cell-outputWrapper">' +
    '<div data-mime-type="text/plain"><pre>3 of 4 test windows flagged</pre></div>' +
    '<div data-mime-type="text/markdown"><p><strong>3</strong> of 4 test windows flagged (75%) &amp; more</p></div>' +
    '<table><tr><th>a</th></tr><tr><td>1</td></tr></table></div></div>';
  const [cell, ...rest] = cellOutputs(html);
  assert.equal(rest.length, 0);
  assert.deepEqual(cell, {
    stdout: ['3 of 4 test windows flagged'],
    markdown: ['3 of 4 test windows flagged (75%) & more'],
    tables: [[['a'], ['1']]],
  });
  assert.equal(flaggedCounts([cell]), 2);
  const printedOther = { ...cell, stdout: ['3 of 5 test windows flagged'] };
  assert.throws(() => flaggedCounts([printedOther]), /no cell printed 3 of 4/);
  const wrongShare = { ...cell, markdown: ['3 of 4 test windows flagged (70%)'] };
  assert.throws(() => flaggedCounts([wrongShare]), /70% is not 3 of 4/);
  // nbconvert 7 (the .venv of `npm run setup:jupyter`) gives the outputs more attributes than Debian's 6.5
  const seven = html.replace(/(data-mime-type="[^"]*")/g, '$1 tabindex="0"');
  assert.deepEqual(cellOutputs(seven), [cell]);
  assert.equal(textOf('<b>a</b>  &lt;b&gt;'), 'a <b>');
  assert.ok(samePercent('80.2', 802, 1000) && !samePercent('80.3', 802, 1000) && samePercent('80', 802, 1003));
});

for (const [kernel, dir] of [
  ['tslab', reports],
  ['deno', path.join(reports, 'deno')],
]) {
  test(`notebook reports on ${kernel}: generated sentences state the figures their cells printed`, async (t) => {
    const notebooks = listNotebooks(path.join(root, 'notebooks'));
    const found = notebooks
      .map((nb) => ({ nb, name: path.basename(nb, '.ipynb') }))
      .filter(({ name }) => fs.existsSync(path.join(dir, `${name}.html`)));
    if (found.length === 0 && !IN_CI)
      return t.skip(`no notebook HTML in ${path.relative(root, dir)}/: run \`npm test\` first`);
    if (IN_CI)
      assert.equal(
        found.length,
        notebooks.length,
        `under CI every notebook must have its HTML in ${path.relative(root, dir)}/`,
      );
    for (const { nb, name } of found) {
      await t.test(name, (st) => {
        const html = path.join(dir, `${name}.html`);
        const stale = fs.statSync(html).mtimeMs < fs.statSync(nb).mtimeMs;
        if (stale) return st.skip(`${name}.html is older than the notebook`);
        const cells = cellOutputs(fs.readFileSync(html, 'utf8'));
        const compared = flaggedCounts(cells) + (EXTRA[name]?.(cells) ?? 0);
        assert.ok(compared > 0, `${name}: no generated figure was compared with the run`);
      });
    }
  });
}

test('compareFigures: a comparison sentence must state its table row, and the best must be the top F1', () => {
  const table = [
    ['detector', 'overlap F1', 'tp', 'fp', 'fn'],
    ['lstm', '0.667', '2', '0', '2'],
    ['pca', '0.400', '1', '0', '3'],
  ];
  const ok =
    "On x, the best overlap-segment F1 is the LSTM's, lstm: 0.667 (tp 2, fp 0, fn 2), against pca: 0.400 " +
    '(tp 1, fp 0, fn 3).';
  assert.equal(compareFigures([{ stdout: [], markdown: [ok], tables: [table] }]), 3);
  const wrong = ok.replace('fn 3', 'fn 4');
  assert.throws(() => compareFigures([{ stdout: [], markdown: [wrong], tables: [table] }]), /pca's row differs/);
  const notBest = "On x, the best overlap-segment F1 is pca's, pca: 0.400 (tp 1, fp 0, fn 3).";
  assert.throws(() => compareFigures([{ stdout: [], markdown: [notBest], tables: [table] }]), /pca is not best/);
});
