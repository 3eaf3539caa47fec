import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { pageParts } from './page-parts';

test('pageParts: plotly bundle, CSS, figures and the rest add up to the page, in UTF-8 bytes', () => {
  const page =
    '<html><style type="text/css">a{}</style><script data-lib="plotly.js">var P=1;</script>' +
    '<p>é</p><script>Plotly.newPlot("f", [], {});</script><style>b{}</style></html>';
  const p = pageParts(page);
  assert.deepEqual(p, { total: 165, plotly: 46, css: 52, figures: 45, charts: 1, rest: 22 });
  assert.equal(p.plotly + p.css + p.figures + p.rest, Buffer.byteLength(page));
  assert.deepEqual(pageParts(''), { total: 0, plotly: 0, css: 0, figures: 0, charts: 0, rest: 0 });
});
