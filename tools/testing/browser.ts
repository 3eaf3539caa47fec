import { existsSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

/** Chromium used for the browser checks: `$CHROMIUM_PATH`, default Debian's `/usr/bin/chromium`. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Flags for a quiet, offline headless Chromium (no sandbox, no GPU, no background traffic). */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** True under CI (`CI` set and not `false`): checks that would be skipped elsewhere must run, and fail. */
export const IN_CI = !!process.env.CI && process.env.CI !== 'false';

/** Why Chromium cannot be launched here, or null when it can. */
function chromiumMissing(): string | null {
  return existsSync(CHROMIUM_PATH)
    ? null
    : `Chromium not found at ${CHROMIUM_PATH} (install the Debian package chromium or set CHROMIUM_PATH)`;
}

/**
 * Why the browser checks should be skipped here (Chromium missing), or null when they can run. Under CI this
 * is always null: there a missing Chromium fails the checks instead of skipping them.
 *
 * @throws Nothing.
 * @example
 * test('report draws', { skip: browserSkipReason() ?? false }, async () => { ... });
 */
export function browserSkipReason(): string | null {
  return IN_CI ? null : chromiumMissing();
}

/**
 * Launch headless Chromium with {@link CHROMIUM_ARGS} through playwright-core (no downloaded browsers).
 *
 * @throws Error when Chromium is missing or fails to start.
 * @example
 * const browser = await launchChromium(); try { ... } finally { await browser.close(); }
 */
export async function launchChromium(): Promise<Browser> {
  const reason = chromiumMissing();
  if (reason) throw new Error(reason);
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** What {@link checkPlotlyPage} saw. */
export interface PlotlyPageCheck {
  /** Number of Plotly plots (`.js-plotly-plot`) on the page. */
  plots: number;
  /** Number of plots that drew an `svg.main-svg`. */
  plotsWithSvg: number;
  /** Data traces drawn (`g.trace` in the plot's SVG) per plot, in page order. */
  tracesPerPlot: number[];
  /** Page errors (uncaught exceptions) and console errors, one line each. */
  errors: string[];
  /** URLs the page tried to fetch that were blocked (anything not file: or data:). */
  blocked: string[];
}

/** Options of {@link checkPlotlyPage}. */
export interface CheckOptions {
  /** Browser to reuse (left open). Default: launch one and close it afterwards. */
  browser?: Browser;
  /** How long to wait for every plot to draw, in ms. Default 30000. */
  timeoutMs?: number;
  /** Viewport width in CSS pixels. Default 1280. */
  width?: number;
}

/**
 * Open an HTML file in headless Chromium with ALL network blocked, wait for every Plotly plot to draw (lazy charts
 * included: they draw in idle time after load), and
 * report plots, traces per plot, errors and blocked requests; optionally save a full-page screenshot.
 *
 * Blocked requests also show up as console errors (`Failed to load resource`): filter those if a page is
 * allowed to try (e.g. a notebook export linking a CDN script).
 * @throws Error when Chromium is missing or the file cannot be opened.
 * @example
 * const { plots, tracesPerPlot, errors } = await checkPlotlyPage('out/report.html', 'reports/screenshots/report.png');
 */
export async function checkPlotlyPage(
  file: string,
  screenshotPath?: string,
  opts: CheckOptions = {},
): Promise<PlotlyPageCheck> {
  const browser = opts.browser ?? (await launchChromium());
  const errors: string[] = [];
  const blocked: string[] = [];
  const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 500);
  try {
    const page = await browser.newPage({ viewport: { width: opts.width ?? 1280, height: 900 } });
    await page.route('**', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
      blocked.push(url);
      return route.abort();
    });
    page.on('pageerror', (e) => errors.push(`page error: ${oneLine(e.message)}`));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console error: ${oneLine(m.text())}`);
    });
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load', timeout: opts.timeoutMs ?? 30000 });
    try {
      await page.waitForFunction(
        () =>
          // charts drawn lazily (src/plot/lazy.ts) keep data-lazy until drawn: wait for those too
          document.querySelectorAll('[data-lazy]').length === 0 &&
          Array.from(document.querySelectorAll('.js-plotly-plot')).every(
            (p) => p.querySelector('svg.main-svg') && p.querySelectorAll('svg.main-svg g.trace').length > 0,
          ),
        undefined,
        { timeout: opts.timeoutMs ?? 30000, polling: 100 },
      );
    } catch {
      // Report what did draw; the caller's assertions name the missing plots.
    }
    const seen = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.js-plotly-plot')).map((p) => ({
        svg: p.querySelector('svg.main-svg') !== null,
        traces: p.querySelectorAll('svg.main-svg g.trace').length,
      })),
    );
    if (screenshotPath) {
      mkdirSync(dirname(resolve(screenshotPath)), { recursive: true });
      await page.screenshot({ path: screenshotPath, fullPage: true });
    }
    await page.close();
    return {
      plots: seen.length,
      plotsWithSvg: seen.filter((s) => s.svg).length,
      tracesPerPlot: seen.map((s) => s.traces),
      errors,
      blocked,
    };
  } finally {
    if (!opts.browser) await browser.close();
  }
}
