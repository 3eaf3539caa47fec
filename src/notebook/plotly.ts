import { randomBytes } from 'crypto';
import type { Figure } from '../plot/figure';
import { figureDiv, type PlotlyBundle, plotlyScriptTag } from '../plot/html';
import { decimateFigure, encodeDates, NOTEBOOK_BUCKETS } from '../plot/lighten';
import { showHtml } from './display';

let embedded = false;

/**
 * Embed plotly.js (inlined: no network) into the notebook, once per kernel session; {@link showFigure} calls it
 * before the first chart, so calling it yourself is optional. The default bundle is Plotly's minified cartesian
 * partial bundle (every chart the library draws, a sixth of the full size, so exported notebooks stay light);
 * call `plotlySetup(true, 'full')` first for traces it lacks (3D, maps): that embeds `plotly.js-dist`. Pass
 * `force` after reloading the page without re-running the cell that embedded it.
 *
 * @throws Error when the bundle's npm package is not installed.
 * @example
 * plotlySetup(true, 'full'); // then showFigure() of any trace type
 *
 * Where charts draw: JupyterLab and the classic Notebook run the scripts of outputs produced in the current
 * session; a notebook re-opened from disk is untrusted, so its saved charts stay blank until it is trusted
 * (Lab: command palette > "Trust Notebook", then re-run) or re-run. The HTML written by `npm run report`
 * (executed by nbconvert) always draws, offline.
 */
export function plotlySetup(force = false, bundle: PlotlyBundle = 'cartesian'): void {
  if (embedded && !force) return;
  showHtml(plotlyScriptTag(bundle));
  embedded = true;
}

/** A fresh element id for a chart (unique across kernel restarts that share one page). */
export function figureId(): string {
  return `fig-${randomBytes(6).toString('hex')}`;
}

/**
 * Draw a Plotly figure (a `{data, layout}` spec from the library's chart builders) as the cell's output,
 * interactive: zoom, pan, hover. Long lines are drawn at the width of a notebook cell: decimated to
 * `buckets` buckets (default {@link NOTEBOOK_BUCKETS}; min/max per bucket, every marked point kept, see
 * `decimateFigure`), and dates travel as Plotly's typed arrays (`encodeDates`: same chart, half the bytes),
 * which keeps an exported notebook light.
 *
 * @throws InputError never for a builder's figure (the element id is generated).
 * @example
 * showFigure(splitChart(lineOf(series), split.trainEnd));
 */
export function showFigure(fig: Figure, height = 420, buckets = NOTEBOOK_BUCKETS): void {
  plotlySetup();
  showHtml(figureDiv(encodeDates(decimateFigure(fig, buckets)), figureId(), height));
}
