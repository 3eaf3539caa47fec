import * as fs from 'fs';
import postcss from 'postcss';
import { PurgeCSS } from 'purgecss';

const STYLE = /<style([^>]*)>([\s\S]*?)<\/style>/g;

/** Sizes in bytes (UTF-8) of a page's `<style>` blocks before and after {@link slimCss}. */
export interface SlimResult {
  /** The page with its `<style>` blocks slimmed. */
  html: string;
  /** Bytes of CSS before. */
  before: number;
  /** Bytes of CSS after. */
  after: number;
}

const VAR_REF = /var\(\s*(--[\w-]+)/g;

/**
 * Remove the custom property declarations (`--name: value`) nothing reads: read means named in a `var()` of an
 * ordinary declaration, of the page's markup or scripts (inline styles), or of a custom property read itself.
 * (PurgeCSS's own `variables` option also dropped properties read through a chain of them.)
 */
function dropUnusedProperties(roots: postcss.Root[], content: string): void {
  const defs = new Map<string, string[]>(); // property -> the values it is given
  const read = new Set<string>();
  const todo: string[] = [];
  const use = (text: string): void => {
    for (const m of text.matchAll(VAR_REF)) {
      if (!read.has(m[1])) {
        read.add(m[1]);
        todo.push(m[1]);
      }
    }
  };
  use(content);
  for (const root of roots) {
    root.walkDecls((d) => {
      if (d.prop.startsWith('--')) defs.set(d.prop, [...(defs.get(d.prop) ?? []), d.value]);
      else use(d.value);
    });
  }
  for (let name = todo.pop(); name !== undefined; name = todo.pop()) for (const v of defs.get(name) ?? []) use(v);
  for (const root of roots) {
    root.walkDecls((d) => {
      if (d.prop.startsWith('--') && !read.has(d.prop)) d.remove();
    });
    root.walkRules((r) => {
      if (r.nodes.length === 0) r.remove();
    });
    root.walkAtRules((a) => {
      if (a.nodes?.length === 0) a.remove();
    });
  }
}

/**
 * A page's inlined CSS cut to what the page can use: rules whose selectors match nothing in the page (its markup
 * and its scripts, plotly.js included, so classes a script may add are kept), custom properties no kept rule
 * reads, unused `@keyframes` and `@font-face`, and comments are dropped (PurgeCSS, then PostCSS). nbconvert's
 * `lab` template inlines all of JupyterLab's CSS (about 0.53 MB), of which a notebook export uses a few percent.
 *
 * @throws Error when a `<style>` block is not valid CSS.
 * @example
 * const { html, before, after } = await slimCss(fs.readFileSync('reports/01-colab-pipeline.html', 'utf8'));
 */
export async function slimCss(page: string): Promise<SlimResult> {
  const blocks = [...page.matchAll(STYLE)];
  if (blocks.length === 0) return { html: page, before: 0, after: 0 };
  const content = page.replace(STYLE, ''); // the CSS itself names every selector: it must not count as content
  const purged = await new PurgeCSS().purge({
    content: [{ raw: content, extension: 'html' }],
    css: blocks.map((m) => ({ raw: m[2] })),
    variables: false,
    keyframes: true,
    fontFace: true,
  });
  let html = '';
  let at = 0;
  let before = 0;
  let after = 0;
  const roots = purged.map((p) => postcss.parse(p.css));
  for (const root of roots) {
    root.walkComments((c) => {
      c.remove();
    });
  }
  dropUnusedProperties(roots, content);
  blocks.forEach((m, i) => {
    const css = roots[i].toString().replace(/\n\s*\n/g, '\n');
    before += Buffer.byteLength(m[2]);
    after += Buffer.byteLength(css);
    html += `${page.slice(at, m.index ?? 0)}<style${m[1]}>${css}</style>`;
    at = (m.index ?? 0) + m[0].length;
  });
  return { html: html + page.slice(at), before, after };
}

/**
 * {@link slimCss} of an HTML file, rewritten in place (through a temp file and a rename).
 *
 * @throws Error when the file cannot be read or written, or its CSS does not parse.
 * @example
 * await slimCssFile('reports/01-colab-pipeline.html');
 */
export async function slimCssFile(file: string): Promise<SlimResult> {
  const r = await slimCss(fs.readFileSync(file, 'utf8'));
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, r.html);
  fs.renameSync(tmp, file);
  return r;
}
