/** The target of every notebook export (issue 13), in MB of 1024 * 1024 bytes. */
export const NOTEBOOK_MAX_MB = 2;

/** Bytes (UTF-8) of each part of an exported page; the parts add up to `total`. */
export interface PageParts {
  total: number;
  plotly: number;
  css: number;
  figures: number;
  /** How many `Plotly.newPlot` scripts (charts) the page has. */
  charts: number;
  rest: number;
}

const bytes = (s: string): number => Buffer.byteLength(s);

/**
 * Split a page into the parts {@link PageParts} names.
 *
 * @throws never.
 * @example
 * pageParts('<style>a{}</style><script>Plotly.newPlot("f", [], {});</script>'); // css 18, figures 45, charts 1
 */
export function pageParts(html: string): PageParts {
  const sum = (re: RegExp): [number, number] => {
    let n = 0;
    let b = 0;
    for (const m of html.matchAll(re)) {
      n++;
      b += bytes(m[0]);
    }
    return [b, n];
  };
  const [plotly] = sum(/<script data-lib="plotly\.js">[\s\S]*?<\/script>/g);
  const [css] = sum(/<style[^>]*>[\s\S]*?<\/style>/g);
  const [figures, charts] = sum(/<script>Plotly\.newPlot\([\s\S]*?<\/script>/g);
  const total = bytes(html);
  return { total, plotly, css, figures, charts, rest: total - plotly - css - figures };
}
