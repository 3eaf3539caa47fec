/** One executed code cell of an exported notebook: what it printed, the Markdown it displayed, its tables. */
export interface CellOutputs {
  /** Text the cell printed (console.log), tags removed. */
  stdout: string[];
  /** Markdown the cell displayed (showMarkdown), as text with tags removed. */
  markdown: string[];
  /** Tables the cell showed: rows of cell texts, the header row first. */
  tables: string[][][];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

/** Text of an HTML fragment: tags removed, entities decoded, runs of spaces folded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, '')
    .replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e])
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/**
 * The outputs of every code cell of an nbconvert HTML export (JupyterLab template), in order.
 *
 * @throws Nothing: a page without cells gives [].
 * @example
 * cellOutputs(fs.readFileSync('reports/02-stacked-minmax.html', 'utf8'))[3].stdout;
 */
export function cellOutputs(html: string): CellOutputs[] {
  const cells = html
    .split(/<div class="jp-Cell /)
    .slice(1)
    .filter((c) => c.startsWith('jp-CodeCell'));
  return cells.map((c) => {
    const outputs = c.slice(Math.max(0, c.indexOf('jp-Cell-outputWrapper')));
    const all = (re: RegExp): string[] => [...outputs.matchAll(re)].map((m) => m[1]);
    return {
      stdout: all(
        /data-mime-type="(?:text\/plain|application\/vnd\.jupyter\.stdout)"[^>]*>\s*<pre>([\s\S]*?)<\/pre>/g,
      ).map(textOf),
      markdown: all(/data-mime-type="text\/markdown"[^>]*>([\s\S]*?)<\/div>/g).map(textOf),
      tables: all(/<table[^>]*>([\s\S]*?)<\/table>/g).map((t) =>
        [...t.matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/g)].map((r) =>
          [...r[1].matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((d) => textOf(d[1])),
        ),
      ),
    };
  });
}

/** A number as printed (`1,610`, `80.2`) */
export const num = (s: string): number => Number(s.replace(/,/g, ''));

/** `N of M test windows flagged` pairs in a text, as [N, M]. */
export function flaggedPairs(text: string): Array<[number, number]> {
  return [...text.matchAll(/(\d[\d,]*) of (\d[\d,]*) test windows flagged/g)].map((m) => [num(m[1]), num(m[2])]);
}

/** True when `shown` (a percentage printed with some decimals) is 100·n/total rounded the same way. */
export function samePercent(shown: string, n: number, total: number): boolean {
  const decimals = shown.includes('.') ? shown.split('.')[1].length : 0;
  return ((100 * n) / total).toFixed(decimals) === shown;
}
