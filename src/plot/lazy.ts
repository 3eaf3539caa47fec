import { invalid } from '../util/errors';
import type { Figure } from './figure';
import { FIGURE_DIGITS, PLOT_CONFIG, scriptJson } from './html';

/**
 * The page script that draws {@link lazyFigureDiv} charts (plain inline ES5, no network). A chart in the viewport
 * when its `<script>` runs is drawn at once, so the first screen is drawn as the page is parsed; once
 * one is not, the later ones are taken as further down (no layout asked again). Those are drawn when they come
 * within 200 px of the viewport (IntersectionObserver), one at a time in idle time after `load`, or all at once
 * before printing (`beforeprint`), whichever comes first. A drawn chart loses its `data-lazy` attribute.
 * `lstmWhenDrawn(id, fn)` calls `fn(div)` once the chart `id` is drawn (at once when it is, or is not lazy).
 */
export const LAZY_PLOT_SCRIPT = `(function(){
var q={},io=null,cbs={},below=false;
function draw(id){var f=q[id];if(!f)return;delete q[id];var gd=document.getElementById(id);if(io)io.unobserve(gd);
Plotly.newPlot(gd,f[0],f[1],f[2]);gd.removeAttribute('data-lazy');var c=cbs[id]||[];delete cbs[id];
c.forEach(function(fn){fn(gd);});}
function near(el){var r=el.getBoundingClientRect();return r.top<innerHeight&&r.bottom>0;}
window.lstmPlot=function(id,d,l,c){var gd=document.getElementById(id);q[id]=[d,l,c];
if(!window.IntersectionObserver||(!below&&near(gd)))return draw(id);below=true;
if(!io)io=new IntersectionObserver(function(es){es.forEach(function(e){if(e.isIntersecting)draw(e.target.id);});},{rootMargin:'200px'});
io.observe(gd);};
window.lstmWhenDrawn=function(id,fn){if(q[id])(cbs[id]=cbs[id]||[]).push(fn);else fn(document.getElementById(id));};
function idle(){for(var id in q){draw(id);break;}for(id in q)return later();}
function later(){(window.requestIdleCallback||function(f){return setTimeout(f,1);})(idle,{timeout:300});}
window.addEventListener('beforeprint',function(){for(var id in q)draw(id);});
window.addEventListener('load',later);
})();`;

/**
 * A `<script>` element defining `lstmPlot` and `lstmWhenDrawn` ({@link LAZY_PLOT_SCRIPT}). Include it ONCE per
 * document, after the plotly.js script and before any {@link lazyFigureDiv}.
 *
 * @throws never.
 * @example
 * const head = plotlyScriptTag() + lazyPlotScriptTag();
 */
export function lazyPlotScriptTag(): string {
  return `<script data-lib="lazy-plot">${LAZY_PLOT_SCRIPT}</script>`;
}

/**
 * Like `figureDiv`, but the chart is drawn when it comes near the viewport, in idle time after `load`, or before
 * printing, whichever comes first (needs {@link lazyPlotScriptTag} earlier in the document). The div has its
 * height from the start, so nothing moves when it is drawn.
 *
 * @throws InputError `invalid figure id: <id>` unless the id is a letter followed by letters, digits, `-`, `_`.
 * @example
 * const html = plotlyScriptTag() + lazyPlotScriptTag() + lazyFigureDiv(lossChart(history), 'loss');
 */
export function lazyFigureDiv(fig: Figure, id: string, height = 420): string {
  if (!/^[A-Za-z][\w-]*$/.test(id)) throw invalid('figure id', id, 'a letter, then letters, digits, - or _');
  return (
    `<div id="${id}" class="plot" data-lazy="1" style="height:${Math.round(height)}px"></div>\n` +
    `<script>lstmPlot(${scriptJson(id)}, ${scriptJson(fig.data, FIGURE_DIGITS)}, ` +
    `${scriptJson(fig.layout, FIGURE_DIGITS)}, ${scriptJson(PLOT_CONFIG)});</script>`
  );
}
