/**
 * How long headless Chromium takes to open a page: until it is usable (the first screen's charts drawn) and until
 * every chart is drawn. Used by `report-size.ts` and `refit.ts`.
 */
import { pathToFileURL } from 'url';
import { launchChromium } from '../tools/testing/browser';

/** Two times of one page open, in ms from navigation. */
export interface OpenTimes {
  /** Usable: every chart that starts within the first screen (1280 x 900) drawn, and `ready` holds. */
  usable: number;
  /** Every chart of the page drawn (the lazy ones in idle time after load, without scrolling). */
  all: number;
}

/**
 * Open `file` in a fresh headless Chromium (1280 x 900, no network) and time it: until the page is usable (the
 * charts on the first screen drawn and `ready` true) and until every chart of the page is drawn.
 *
 * @throws Error when Chromium is missing or the page does not draw within 2 minutes.
 * @example
 * await openMs('report.html', "document.querySelectorAll('.review-cell button').length > 0");
 */
export async function openMs(file: string, ready = 'true'): Promise<OpenTimes> {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.route('**', (r) => (r.request().url().startsWith('file:') ? r.continue() : r.abort()));
    const t0 = Date.now();
    // commit, not load: the first screen can be drawn before the page has finished loading
    await page.goto(pathToFileURL(file).href, { waitUntil: 'commit', timeout: 120000 });
    const wait = { timeout: 120000, polling: 20 };
    await page.waitForFunction(
      () =>
        document.querySelector('footer') !== null && // parsed to the end: the first screen's charts are all there
        Array.from(document.querySelectorAll('div.plot'))
          .filter((p) => p.getBoundingClientRect().top < window.innerHeight)
          .every((p) => p.querySelectorAll('svg.main-svg g.trace').length > 0),
      undefined,
      wait,
    );
    await page.waitForFunction(ready, undefined, wait);
    const usable = Date.now() - t0;
    await page.waitForFunction(
      () =>
        Array.from(document.querySelectorAll('div.plot')).every(
          (p) => p.querySelectorAll('svg.main-svg g.trace').length > 0,
        ),
      undefined,
      wait,
    );
    return { usable, all: Date.now() - t0 };
  } finally {
    await browser.close();
  }
}

/**
 * Milliseconds from navigation until every chart of `file` is drawn and `ready` holds ({@link openMs}'s `all`).
 *
 * @throws Error when Chromium is missing or the page does not draw within 2 minutes.
 * @example
 * await drawMs('report.html', "document.querySelectorAll('.review-cell button').length > 0");
 */
export async function drawMs(file: string, ready = 'true'): Promise<number> {
  return (await openMs(file, ready)).all;
}
