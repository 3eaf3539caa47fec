/**
 * Size of each notebook's HTML export against its 2 MB target, and what it is made of.
 *
 *   npm run report [-- --fast]; node dist/bench/notebook-size.js [DIR]      default DIR: reports
 *
 * Reads `DIR/<notebook>.html` for every committed notebook and prints its size (MB = 1024 * 1024 bytes, as
 * bench/report-size.ts) with its parts: the inlined plotly.js bundle, the inlined CSS (`<style>` blocks), the
 * figures (each chart's `Plotly.newPlot` script) and the rest (markup, code, tables, text). Exits 1 when an
 * export is over the target or missing. A size figure, not a timed one: no claim about the machine.
 */
import * as fs from 'fs';
import * as path from 'path';
import { NOTEBOOK_MAX_MB, pageParts } from '../tools/notebook/page-parts';
import { repoRoot } from '../tools/notebook/paths';
import { listNotebooks } from '../tools/notebook/report-args';
import { runScript } from '../tools/script';

const MB = 1024 * 1024;
const mb = (b: number): string => (b / MB).toFixed(2);

function main(): number {
  const root = repoRoot();
  const dir = path.resolve(root, process.argv[2] ?? 'reports');
  const notebooks = listNotebooks(path.join(root, 'notebooks')).map((f) => path.basename(f, '.ipynb'));
  console.log(`notebook exports in ${path.relative(process.cwd(), dir) || '.'} (MB = 1024*1024 bytes)`);
  console.log('notebook                               size MB  target   plotly   css  figures (charts)  rest');
  let bad = 0;
  for (const name of notebooks) {
    const file = path.join(dir, `${name}.html`);
    if (!fs.existsSync(file)) {
      console.log(`${name.padEnd(38)} missing: run npm run report`);
      bad++;
      continue;
    }
    const p = pageParts(fs.readFileSync(file, 'utf8'));
    const ok = p.total <= NOTEBOOK_MAX_MB * MB;
    if (!ok) bad++;
    console.log(
      `${name.padEnd(38)} ${mb(p.total).padStart(7)}  ${ok ? 'ok  ' : 'OVER'}  ${mb(p.plotly).padStart(7)}` +
        `  ${mb(p.css).padStart(4)}  ${mb(p.figures).padStart(7)} (${String(p.charts).padStart(2)})` +
        `      ${mb(p.rest).padStart(4)}`,
    );
  }
  return bad ? 1 : 0;
}

if (require.main === module) runScript('notebook-size', () => main());
