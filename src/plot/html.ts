import { readFileSync } from 'node:fs';
import { invalid } from '../util/errors';
import type { Figure } from './figure';

/** Plotly `config` of every plot: responsive, no Plotly logo, PNG download kept. */
export const PLOT_CONFIG = { responsive: true, displaylogo: false, modeBarButtonsToRemove: ['lasso2d', 'select2d'] };

/**
 * JSON for a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 escaped as `\uXXXX`, so no `</script>` or
 * `<!--` can end the script early; the text is still valid JSON and JavaScript. With `digits`, every non-integer
 * number is rounded to that many significant digits.
 *
 * @throws TypeError for values JSON.stringify rejects (cycles, BigInt).
 * @example
 * scriptJson({ a: '</script>' }); // '{"a":"\\u003c/script\\u003e"}'
 */
export function scriptJson(value: unknown, digits?: number): string {
  const round = digits
    ? (_k: string, v: unknown) =>
        typeof v === 'number' && Number.isFinite(v) && !Number.isInteger(v) ? Number(v.toPrecision(digits)) : v
    : undefined;
  return (JSON.stringify(value, round) ?? 'null').replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
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
  return (
    `<div id="${id}" class="plot" style="height:${Math.round(height)}px"></div>\n` +
    `<script>Plotly.newPlot(${scriptJson(id)}, ${scriptJson(fig.data, FIGURE_DIGITS)}, ` +
    `${scriptJson(fig.layout, FIGURE_DIGITS)}, ${scriptJson(PLOT_CONFIG)});</script>`
  );
}

/**
 * Significant digits of the numbers a figure's JSON carries into a page: six is below what a chart or its hover
 * label shows, and cuts the page by about a tenth (result.json keeps every digit).
 */
export const FIGURE_DIGITS = 6;

/**
 * The plotly.js bundles a page can inline: `cartesian`, the official minified partial bundle
 * `plotly.js-cartesian-dist-min` (scatter, bar, histogram, heatmap...: every trace the report and the notebooks
 * draw; 1.43 MB), or `full`, `plotly.js-dist` (every trace type, 3D and maps included; 9.64 MB), for notebook
 * cells that draw traces the partial bundle lacks.
 */
export type PlotlyBundle = 'cartesian' | 'full';

const BUNDLE_FILES: Record<PlotlyBundle, string> = {
  cartesian: 'plotly.js-cartesian-dist-min/plotly-cartesian.min.js',
  full: 'plotly.js-dist/plotly.js',
};

const cached = new Map<PlotlyBundle, string>();

/**
 * The plotly.js library source of a bundle (default `cartesian`), read once and cached.
 *
 * @throws Error when the bundle's npm package is not installed; InputError for an unknown bundle.
 * @example
 * plotlySource().length; // about 1.5 MB
 */
export function plotlySource(bundle: PlotlyBundle = 'cartesian'): string {
  const file = BUNDLE_FILES[bundle];
  if (!file) throw invalid('plotly bundle', bundle, 'cartesian or full');
  let src = cached.get(bundle);
  if (src === undefined) {
    src = readFileSync(require.resolve(file), 'utf8');
    cached.set(bundle, src);
  }
  return src;
}

/**
 * A `<script>` element with the whole plotly.js inlined, so the page draws offline. Include it ONCE per document,
 * before any {@link figureDiv}. Any `</script` or `<!--` inside the library text is escaped.
 *
 * @throws Error when the bundle's npm package is not installed.
 * @example
 * const page = `<html><body>${plotlyScriptTag()}${figureDiv(fig, 'a')}</body></html>`;
 */
export function plotlyScriptTag(bundle: PlotlyBundle = 'cartesian'): string {
  const src = plotlySource(bundle)
    .replace(/<\/(script)/gi, '<\\/$1')
    .replace(/<!--/g, '<\\!--');
  return `<script data-lib="plotly.js">${src}</script>`;
}
