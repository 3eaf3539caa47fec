/**
 * Size of report.html and how long headless Chromium takes to draw it.
 *
 *   node dist/bench/report-size.js [rows]      default rows: 1000000
 *
 * Renders two reports from synthetic runs (tools/testing/fixture.ts, no training): one with the row count of the
 * default run (the bundled S&P 500), one with `rows` rows. Prints the inlined plotly bundle's size against the full
 * `plotly.js-dist`, each report's size against its target (2 MB, 10 MB) and its draw time in Chromium (from
 * navigation until every plot has drawn its traces; target 3 s for the large one, the small one shows the fixed cost).
 * Then the default-size run with events and the review controls (src/report/review.ts): its size against 2 MB, the
 * controls' share of it, and the time until the page is drawn and its review buttons are in place (target 2 s).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { loadDefaultSeries } from '../src/data/default';
import type { AnomalyEvent } from '../src/events/events';
import { plotlySource } from '../src/plot/html';
import { renderReport } from '../src/report/html';
import type { ReportInput } from '../src/report/result';
import { launchChromium } from '../tools/testing/browser';
import { reportFixture } from '../tools/testing/fixture';

const MB = 1024 * 1024;
const mb = (bytes: number): string => `${(bytes / MB).toFixed(2)} MB`;

/**
 * The fixture run with events: each run of overlapping flagged test windows as one event (the same as a run of
 * flagged windows in the pipeline, without severity and shares).
 */
function withEvents(input: ReportInput): ReportInput {
  const events: AnomalyEvent[] = [];
  input.result.test.forEach((w, i) => {
    if (!w.anomaly) return;
    const last = events[events.length - 1];
    if (last && w.start <= last.end) {
      last.end = w.end;
      last.endIndex = i + Number(input.result.config.window) - 1;
    } else {
      const endIndex = i + Number(input.result.config.window) - 1;
      events.push({ start: w.start, end: w.end, startIndex: i, endIndex, peak: w.end, peakScore: w.mae, severity: 1 });
    }
  });
  return { ...input, result: { ...input.result, events, eventSource: 'window' } };
}

/**
 * Milliseconds from navigation until every Plotly plot of `file` has drawn its traces (and `ready` holds), in a
 * fresh headless Chromium.
 *
 * @throws Error when Chromium is missing or the page does not draw within 2 minutes.
 * @example
 * await drawMs('report.html', "document.querySelectorAll('.review-cell button').length > 0");
 */
export async function drawMs(file: string, ready = 'true'): Promise<number> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    const t0 = Date.now();
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load', timeout: 120000 });
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('.js-plotly-plot')).every(
          (p) => p.querySelectorAll('svg.main-svg g.trace').length > 0,
        ),
      undefined,
      { timeout: 120000, polling: 20 },
    );
    await page.waitForFunction(ready, undefined, { timeout: 120000, polling: 20 });
    return Date.now() - t0;
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const big = Number(process.argv[2] ?? 1_000_000);
  const part = Buffer.byteLength(plotlySource());
  let full: number | null = null;
  try {
    full = fs.statSync(require.resolve('plotly.js-dist/plotly.js')).size;
  } catch {
    // the full bundle is only a point of comparison
  }
  const vs =
    full === null
      ? 'plotly.js-dist not installed'
      : `${mb(full)} (plotly.js-dist), ${(full / part).toFixed(1)}x smaller`;
  console.log(`plotly bundle: ${mb(part)} (plotly.js-cartesian-dist-min) vs ${vs}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-size-'));
  try {
    const defaultRows = loadDefaultSeries().dates.length;
    for (const [label, rows, target] of [
      ['default-size run', defaultRows, 2],
      [`${big}-row run`, big, 10],
    ] as const) {
      const input = reportFixture({
        rows,
        trainRows: Math.round(rows * 0.8),
        spikes: [Math.round(rows * 0.05), Math.round(rows * 0.15)],
      });
      const t0 = Date.now();
      const html = renderReport(input);
      const renderMs = Date.now() - t0;
      const file = path.join(dir, `report-${rows}.html`);
      fs.writeFileSync(file, html);
      const size = fs.statSync(file).size;
      const draw = await drawMs(file);
      console.log(
        `${label} (${rows} rows): report ${mb(size)} (target <= ${target} MB: ${size <= target * MB ? 'ok' : 'OVER'}), ` +
          `rendered in ${renderMs} ms, drawn in Chromium in ${draw} ms${rows === big ? ` (target <= 3000 ms: ${draw <= 3000 ? 'ok' : 'OVER'})` : ''}`,
      );
    }
    const input = withEvents(
      reportFixture({ rows: defaultRows, trainRows: Math.round(defaultRows * 0.8), spikes: [200, 400, 600, 800] }),
    );
    // the same page without the review block: what the controls add, in bytes and in time (3 rounds each, medians)
    const html = renderReport(input);
    const bare = html.replace(/<div class="review"[\s\S]*?<\/script><\/div>/, '');
    const file = path.join(dir, 'report-review.html');
    const plain = path.join(dir, 'report-events.html');
    fs.writeFileSync(file, html);
    fs.writeFileSync(plain, bare);
    const size = fs.statSync(file).size;
    const ready = "document.querySelectorAll('#events-table .review-cell button').length > 0";
    const times: [number[], number[]] = [[], []];
    for (let k = 0; k < 3; k++) {
      times[0].push(await drawMs(plain));
      times[1].push(await drawMs(file, ready));
    }
    const median = (v: number[]): number => [...v].sort((x, y) => x - y)[1];
    const [t0, t1] = times.map(median);
    console.log(
      `default-size run with ${input.result.events!.length} events and review controls: report ${mb(size)} ` +
        `(target <= 2 MB: ${size <= 2 * MB ? 'ok' : 'OVER'}; the controls ${((size - Buffer.byteLength(bare)) / 1024).toFixed(1)} KB), ` +
        `drawn with its review buttons in ${t1} ms (target <= 2000 ms: ${t1 <= 2000 ? 'ok' : 'OVER'}); ` +
        `without the controls ${t0} ms (ratio ${(t1 / t0).toFixed(2)}; medians of 3)`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
