import { readFileSync } from 'node:fs';
import { invalid } from '../util/errors';
import type { Figure } from './figure';

/** Plotly `config` of every plot: responsive, no Plotly logo, PNG download kept. */
export const PLOT_CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['lasso2d', 'select2d'] };

/**
 * JSON for a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 escaped as `\uXXXX`, so no `</script>` or
 * `<!--` can end the script early; the text is still valid JSON and JavaScript.
 *
 * @throws TypeError for values JSON.stringify rejects (cycles, BigInt).
 * @example
 * scriptJson({ a: '</script>' }); // '{"a":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown): string {
  return (JSON.stringify(value) ?? 'null').replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * An HTML fragment drawing a figure: `<div id=...>` and a `<script>` calling `Plotly.newPlot` (needs
 * {@link plotlyScriptTag} earlier in the document).
 *
 * @throws InputError `invalid figure id: <id>` unless the id is a letter followed by letters, digits, `-`, `_`.
 * @example
 * const html = plotlyScriptTag() + figureDiv(lossChart(history), 'loss');
 */
export function figureDiv(fig: Figure, id: string, height = 420): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw invalid('figure id', id, 'a letter, then letters, digits, - or _');
  return `<div id="${id}" class="plot" style="height:${Math.round(height)}px"></div>\n`
    + `<script>Plotly.newPlot(${scriptJson(id)}, ${scriptJson(fig.data)}, ${scriptJson(fig.layout)}, ${scriptJson(PLOT_CONFIG)});</script>`;
}

let cached: string | undefined;

/** The plotly.js bundle the pages inline: the minified cartesian partial bundle (scatter, bar, histogram, ...). */
export const PLOTLY_BUNDLE = 'plotly.js-cartesian-dist-min/plotly-cartesian.min.js';

/**
 * The plotly.js library source from the npm package `plotly.js-cartesian-dist-min` (about 1.5 MB, against
 * 10 MB for the full `plotly.js-dist`: it has every trace type the report and notebooks draw), read once and
 * cached.
 *
 * @throws Error when `plotly.js-cartesian-dist-min` is not installed.
 * @example
 * plotlySource().length; // about 1.5 MB
 */
export function plotlySource(): string {
  if (cached === undefined) cached = readFileSync(require.resolve(PLOTLY_BUNDLE), 'utf8');
  return cached;
}

/**
 * A `<script>` element with the whole plotly.js inlined, so the page draws offline. Include it ONCE per document,
 * before any {@link figureDiv}. Any `</script` or `<!--` inside the library text is escaped.
 *
 * @throws Error when `plotly.js-cartesian-dist-min` is not installed.
 * @example
 * const page = `<html><body>${plotlyScriptTag()}${figureDiv(fig, 'a')}</body></html>`;
 */
export function plotlyScriptTag(): string {
  const src = plotlySource().replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  return `<script data-lib="plotly.js">${src}</script>`;
}
