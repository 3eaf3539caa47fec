import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { browserSkipReason, checkPlotlyPage, IN_CI, launchChromium } from '../testing/browser';
import { notebookHtmlErrors } from './html-errors';
import { repoRoot } from './paths';
import { listNotebooks } from './report-args';

// Runs after `npm run report -- --fast`: opens each notebook's HTML export in headless Chromium (network
// blocked) and saves reports/screenshots/<notebook>.png.
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
        assert.deepEqual(notebookHtmlErrors(fs.readFileSync(html, 'utf8')), [], `${name}: cells failed`);
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
