import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { browserSkipReason, checkPlotlyPage, IN_CI, launchChromium } from '../testing/browser';
import { notebookHtmlErrors } from './html-errors';
import { NOTEBOOK_MAX_MB, pageParts } from './page-parts';
import { repoRoot } from './paths';
import { listNotebooks } from './report-args';

// Runs after `npm run report -- --fast`: opens each notebook's HTML export in headless Chromium (network
// blocked) and saves reports/screenshots/<notebook>.png. Each export must also stay within its size target, its
// CSS cut to what the page uses (tools/notebook/slim-css.ts; JupyterLab's whole CSS is 0.53 MB, a page needs 0.02).
const root = repoRoot();
const reports = path.join(root, 'reports');
const notebooks = listNotebooks(path.join(root, 'notebooks'));
const found = notebooks
  .map((nb) => ({ nb, html: path.join(reports, `${path.basename(nb, '.ipynb')}.html`) }))
  .filter(({ html }) => fs.existsSync(html));

test('notebook reports: no cell failed, every Plotly chart drew, one screenshot each', async (t) => {
  if (found.length === 0 && !IN_CI) return t.skip('no notebook HTML in reports/: run `npm run report -- --fast` first');
  if (IN_CI) assert.equal(found.length, notebooks.length, 'under CI every notebook must have its HTML in reports/');
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
        const shot = path.join(reports, 'screenshots', `${name}.png`);
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
      });
    }
  } finally {
    await browser.close();
  }
});
