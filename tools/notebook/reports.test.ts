import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { browserSkipReason, checkPlotlyPage, IN_CI, launchChromium } from '../testing/browser';
import { notebookHtmlErrors } from './html-errors';
import { checkNotebookNav } from './nav-check';
import { NOTEBOOK_MAX_MB, pageParts } from './page-parts';
import { repoRoot } from './paths';
import { listNotebooks } from './report-args';

// Runs after `npm run report -- --fast` (tslab, reports/) and `npm run report -- --fast --kernel deno --out
// reports/deno` (as `npm test` runs them): opens each notebook's HTML export in headless Chromium (network
// blocked), checks its navigation (table of contents, folded code) and saves reports/screenshots/[deno/]<notebook>.png. Each export must also stay within its size target, its
// CSS cut to what the page uses (tools/notebook/slim-css.ts; JupyterLab's whole CSS is 0.53 MB, a page needs 0.02).
const root = repoRoot();
const reports = path.join(root, 'reports');
const notebooks = listNotebooks(path.join(root, 'notebooks'));
const KERNEL_DIRS = [
  { kernel: 'tslab', dir: reports, shots: path.join(reports, 'screenshots') },
  { kernel: 'deno', dir: path.join(reports, 'deno'), shots: path.join(reports, 'screenshots', 'deno') },
];

for (const { kernel, dir, shots } of KERNEL_DIRS) {
  const found = notebooks
    .map((nb) => ({ nb, html: path.join(dir, `${path.basename(nb, '.ipynb')}.html`) }))
    .filter(({ html }) => fs.existsSync(html));
  const rel = path.relative(root, dir);
  test(`notebook reports on ${kernel}: no cell failed, every chart drew, contents and folded code work`, async (t) => {
    if (found.length === 0 && !IN_CI)
      return t.skip(`no notebook HTML in ${rel}/: run \`npm test\` or \`npm run report -- --fast\` first`);
    if (IN_CI) assert.equal(found.length, notebooks.length, `under CI every notebook must have its HTML in ${rel}/`);
    const why = browserSkipReason();
    if (why) return t.skip(why);
    const browser = await launchChromium();
    try {
      for (const { nb, html } of found) {
        const name = path.basename(html, '.html');
        await t.test(name, async (st) => {
          if (fs.statSync(html).mtimeMs < fs.statSync(nb).mtimeMs)
            return st.skip(`${name}.html is older than the notebook: rerun npm run report`);
          const page = fs.readFileSync(html, 'utf8');
          assert.deepEqual(notebookHtmlErrors(page), [], `${name}: cells failed`);
          const parts = pageParts(page);
          const mb = (b: number): string => `${(b / 1024 / 1024).toFixed(2)} MB`;
          assert.ok(
            parts.total <= NOTEBOOK_MAX_MB * 1024 * 1024,
            `${name}: ${mb(parts.total)}, over ${NOTEBOOK_MAX_MB} MB`,
          );
          assert.ok(parts.css <= 0.1 * 1024 * 1024, `${name}: ${mb(parts.css)} of CSS: was it slimmed?`);
          const shot = path.join(shots, `${name}.png`);
          const r = await checkPlotlyPage(html, shot, { browser, timeoutMs: 60_000 });
          assert.ok(r.plots > 0, `${name}: no Plotly chart in the page`);
          assert.equal(r.plotsWithSvg, r.plots, `${name}: ${r.plots - r.plotsWithSvg} charts drew no SVG`);
          assert.ok(
            r.tracesPerPlot.every((n) => n > 0),
            `${name}: charts without data traces: ${r.tracesPerPlot.join(',')}`,
          );
          assert.deepEqual(r.errors, [], `${name}: script errors`);
          assert.deepEqual(r.blocked, [], `${name}: the page tried to fetch from the network`);
          assert.ok(fs.existsSync(shot), `${name}: no screenshot`);
          const nav = await checkNotebookNav(browser, html);
          assert.ok(nav.tocLinks >= 3, `${name}: ${nav.tocLinks} links in the table of contents`);
          assert.deepEqual(nav.broken, [], `${name}: table-of-contents links to no heading`);
          assert.ok(nav.jumped, `${name}: clicking a contents link did not bring its heading into view`);
          assert.ok(nav.codeCells > 0, `${name}: no code cell`);
          assert.equal(nav.foldedAtLoad, nav.codeCells, `${name}: code not folded at load`);
          assert.ok(nav.unfolds, `${name}: a cell's toggle did not show its code`);
          assert.equal(nav.shownByAll, nav.codeCells, `${name}: "show all code" left code hidden`);
        });
      }
    } finally {
      await browser.close();
    }
  });
}

/** A page's chart scripts, the random element ids (`figureId`) blanked: what the charts draw, number for number. */
function chartScripts(html: string): string[] {
  return [...fs.readFileSync(html, 'utf8').matchAll(/<script>Plotly\.newPlot\([\s\S]*?<\/script>/g)].map((m) =>
    m[0].replace(/fig-[0-9a-f]{12}/g, 'fig'),
  );
}

test('notebook reports: Deno draws the same charts as tslab, number for number', (t) => {
  const pairs = notebooks
    .map((nb) => path.basename(nb, '.ipynb'))
    .map((name) => ({ name, a: path.join(reports, `${name}.html`), b: path.join(reports, 'deno', `${name}.html`) }))
    .filter(({ a, b }) => fs.existsSync(a) && fs.existsSync(b));
  if (pairs.length === 0 && !IN_CI) return t.skip('no notebook exported on both kernels: run `npm test` first');
  if (IN_CI) assert.equal(pairs.length, notebooks.length, 'under CI every notebook must be exported on both kernels');
  for (const { name, a, b } of pairs) {
    const [ca, cb] = [chartScripts(a), chartScripts(b)];
    assert.ok(ca.length > 0, `${name}: no chart`);
    assert.equal(cb.length, ca.length, `${name}: ${cb.length} charts on Deno, ${ca.length} on tslab`);
    ca.forEach((c, i) => assert.ok(c === cb[i], `${name}: chart ${i + 1} differs between tslab and Deno`));
  }
});
