/**
 * The failed cells of a notebook's HTML export: one line (`Error: message`) per output marked `output_error`,
 * which nbconvert's classic template and this project's runner (`scripts/execute_notebook.py`, lab template)
 * put on error outputs. Empty when every cell ran.
 *
 * @example
 * notebookHtmlErrors(fs.readFileSync('reports/01-colab-pipeline.html', 'utf8')); // []
 */
export function notebookHtmlErrors(html: string): string[] {
  const errors: string[] = [];
  const marker = /<div[^>]*class="[^"]*\boutput_error\b[^"]*"[^>]*>/g;
  let m: RegExpExecArray | null;
  while ((m = marker.exec(html)) !== null) {
    const ename = /data-ename="([^"]*)"/.exec(m[0])?.[1];
    const rest = html.slice(m.index + m[0].length, m.index + m[0].length + 4000);
    const text = decode(rest.replace(/<[^>]*>/g, ''))
      .trim()
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const line = text.find((l) => /(Error|Exception)\b/.test(l)) ?? text[0] ?? '';
    errors.push(ename && !line.startsWith(ename) ? `${ename}: ${line}` : line);
  }
  return errors;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}
