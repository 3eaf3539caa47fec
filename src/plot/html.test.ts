import assert from 'node:assert/strict';
import { test } from 'node:test';
import { figureDiv, plotlyScriptTag, plotlySource, scriptJson } from './html';

test('scriptJson: escapes </script>, <!-- and U+2028/2029, and still parses back to the same value', () => {
  const v = {
    a: '</script><script>alert(1)</script>',
    b: '<!-- x -->',
    c: 'line\u2028sep\u2029',
    d: 'a&b',
    n: [1.5, -2e-9],
  };
  const s = scriptJson(v);
  assert.ok(!/[<>\u2028\u2029]/.test(s), s);
  assert.ok(s.includes('\\u003c/script\\u003e'));
  assert.ok(s.includes('\\u2028'));
  assert.deepEqual(JSON.parse(s), v);
  assert.deepEqual(new Function(`return ${s};`)(), v);
});

test('figureDiv: a div with the id and a newPlot call whose arguments are the figure', () => {
  const fig = {
    data: [{ type: 'scatter', x: [1, 2], y: [3, 4], name: '</script>' }],
    layout: { title: { text: 'T' } },
  };
  const html = figureDiv(fig, 'loss', 300);
  assert.ok(html.startsWith('<div id="loss" class="plot" style="height:300px"></div>'));
  assert.equal(html.match(/<\/script>/g)!.length, 1);
  const body = html.match(/<script>([\s\S]*)<\/script>$/)![1];
  const calls: unknown[][] = [];
  new Function('Plotly', body)({ newPlot: (...args: unknown[]) => calls.push(args) });
  assert.equal(calls.length, 1);
  assert.deepEqual(calls[0].slice(0, 3), ['loss', fig.data, fig.layout]);
  assert.equal((calls[0][3] as { displaylogo: boolean }).displaylogo, false);
  assert.throws(() => figureDiv(fig, 'a"><script>'), /invalid figure id: a"><script>/);
  assert.throws(() => figureDiv(fig, '1abc'), /invalid figure id/);
});

test('plotlyScriptTag: the cartesian plotly.js bundle in one script element', () => {
  const tag = plotlyScriptTag();
  const src = plotlySource();
  assert.ok(src.length > 1_000_000, `plotly.js is ${src.length} chars`);
  assert.ok(src.length < 2_000_000, 'the partial bundle, not the 10 MB full one');
  assert.ok(/plotly\.js \(cartesian - minified\) v\d+\.\d+\.\d+/.test(src.slice(0, 200)));
  assert.ok(tag.startsWith('<script data-lib="plotly.js">'));
  assert.ok(tag.endsWith('</script>'));
  assert.equal(tag.match(/<\/script/gi)!.length, 1, 'only the closing tag');
  assert.ok(!tag.includes('<!--'));
  assert.ok(tag.includes('window.Plotly = Plotly'));
});

test('plotlySource: the full plotly.js-dist bundle on request, several times the partial one; unknown bundles refused', () => {
  const full = plotlySource('full');
  assert.ok(full.length > 4 * plotlySource().length, `${full.length} vs ${plotlySource().length}`);
  assert.ok(plotlyScriptTag('full').startsWith('<script data-lib="plotly.js">'));
  assert.throws(() => plotlySource('gl3d' as never), /invalid plotly bundle: gl3d/);
});

test('figureDiv: numbers reach the page with 6 significant digits; scriptJson alone keeps every digit', () => {
  const fig = {
    data: [{ type: 'scatter', x: ['2020-01-01'], y: [0.123456789012, 1234567.891, 3] }],
    layout: { a: 1 / 3 },
  };
  const html = figureDiv(fig as never, 'f');
  assert.ok(html.includes('[0.123457,1234570,3]'), html);
  assert.ok(html.includes('{"a":0.333333}'), html);
  assert.equal(scriptJson([1 / 3]), '[0.3333333333333333]');
});
