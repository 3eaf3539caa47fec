import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { slimCss } from './slim-css';

const CSS = `/* JupyterLab */
:root { --used: red; --chained: var(--used); --inline: 4px; --unused: blue; --unused2: var(--unused); }
.jp-Cell { color: var(--chained); }
.jp-Dialog { color: var(--unused2); }
.made-by-script { margin: 0; }
@media print { .jp-Toolbar { display: none; } }
@keyframes spin { from { opacity: 0; } }
@keyframes kept { from { opacity: 1; } }
.jp-Cell pre { animation: kept 1s; }`;

test('slimCss: rules, custom properties and keyframes the page cannot use go, with the comments', async () => {
  const page =
    `<html><head><style type="text/css">${CSS}</style></head><body><div class="jp-Cell" style="gap:var(--inline)">` +
    `<pre>x</pre></div><script>el.className = 'made-by-script';</script></body></html>`;
  const { html, before, after } = await slimCss(page);
  const css = /<style type="text\/css">([\s\S]*)<\/style>/.exec(html)?.[1] ?? '';
  for (const kept of ['.jp-Cell {', '--used: red', '--chained: var(--used)', '--inline: 4px', '.made-by-script'])
    assert.ok(css.includes(kept), `keeps ${kept}`);
  for (const kept of ['.jp-Cell pre', '@keyframes kept']) assert.ok(css.includes(kept), `keeps ${kept}`);
  for (const gone of ['.jp-Dialog', '--unused', '.jp-Toolbar', '@media', '@keyframes spin', '/*', 'JupyterLab'])
    assert.ok(!css.includes(gone), `drops ${gone}`);
  assert.equal(before, Buffer.byteLength(CSS));
  assert.equal(after, Buffer.byteLength(css));
  assert.deepEqual([before, after], [392, 206]);
  // the markup and the scripts are untouched
  assert.equal(html.replace(css, ''), page.replace(CSS, ''));
});

test('slimCss: a page without <style> is returned as it is', async () => {
  const page = '<p class="x">no style</p>';
  assert.deepEqual(await slimCss(page), { html: page, before: 0, after: 0 });
});
