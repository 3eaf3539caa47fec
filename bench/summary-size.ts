// summary.html of a big scan: 500 synthetic series (tools/testing/fixture.ts: no model is trained), written with
// the scan's own writer; prints its size and the time headless Chromium takes to open it and to sort it by a
// column. Targets: under 5 MB, open in under 3 s.
// Usage: node dist/bench/summary-size.js [--series 500] [--rows 2500]
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pathToFileURL } from 'url';
import type { Series } from '../src/data/series';
import type { ScanItemResult } from '../src/scan/job';
import { writeSummary } from '../src/scan/output';
import { buildSummary } from '../src/scan/summary';
import { reportFixture } from '../tools/testing/fixture';
import { launchChromium } from '../tools/testing/browser';

const MAX_MB = 5;
const MAX_OPEN_S = 3;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

async function main(): Promise<void> {
  const n = arg('--series', 500);
  const rows = arg('--rows', 2500);
  const items: ScanItemResult[] = [];
  const series = new Map<string, Series>();
  for (let i = 0; i < n; i++) {
    const name = `T${String(i).padStart(3, '0')}`;
    if (i % 50 === 7) {
      items.push({ id: name, name, ok: false, error: `cannot download ${name}: no cached copy in data/`, seconds: 0 });
      continue;
    }
    const fx = reportFixture({ seed: i + 1, rows, trainRows: Math.floor(rows * 0.8), spikes: [40 + (i % 300), 380] });
    items.push({ id: name, name, ok: true, result: fx.result, seconds: 1 });
    series.set(name, fx.series);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-summary-bench-'));
  try {
    const marks = new Map(
      items.flatMap((it) => (it.ok ? [[it.name, it.result.anomalies.map((a) => a.date)]] : [])) as [string, string[]][],
    );
    writeSummary(dir, buildSummary(items, 30), series, marks);
    const file = path.join(dir, 'summary.html');
    const mb = fs.statSync(file).size / 1e6;
    console.log(
      `summary.html for ${n} series (${rows} rows each, ${n - series.size} failed): ${mb.toFixed(2)} MB; ` +
        `/ target ${MAX_MB} MB = ${(mb / MAX_MB).toFixed(2)}`,
    );
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      const t0 = Date.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      const openS = (Date.now() - t0) / 1000;
      const drawn = await page.$$eval('tbody tr', (trs) => trs.length);
      const t1 = Date.now();
      await page.click('th[data-k="peakScore"]');
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => r(null))));
      const sortS = (Date.now() - t1) / 1000;
      console.log(
        `headless Chromium: open (load event) ${openS.toFixed(2)} s, ${drawn} rows; sort by peak score ` +
          `${sortS.toFixed(2)} s; open / target ${MAX_OPEN_S} s = ${(openS / MAX_OPEN_S).toFixed(2)}; ` +
          `console errors: ${errors.length}`,
      );
    } finally {
      await browser.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
