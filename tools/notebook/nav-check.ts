import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';

/** What {@link checkNotebookNav} saw in an exported notebook (scripts/notebook-nav.html). */
export interface NavCheck {
  /** Links in the table of contents (`nav#lstm-toc a`). */
  tocLinks: number;
  /** TOC links whose `#id` names no element of the page. */
  broken: string[];
  /** After clicking the last TOC link: the URL's hash is that link's and its heading is in the viewport. */
  jumped: boolean;
  /** Code cells with an input area. */
  codeCells: number;
  /** Code cells whose code is hidden at load (all of them, unless a cell failed). */
  foldedAtLoad: number;
  /** After clicking the first cell's toggle: its code is visible. */
  unfolds: boolean;
  /** After clicking "show all code": code cells whose code is visible. */
  shownByAll: number;
}

/**
 * Open an exported notebook in Chromium (network blocked) and exercise its navigation: the table of contents
 * (every link resolves, a click scrolls its heading into view) and the folded code (hidden at load, shown by a
 * cell's toggle and by "show all code").
 *
 * @throws Error when the page cannot be opened.
 * @example
 * const r = await checkNotebookNav(browser, 'reports/04-synthetic-sine.html'); // r.foldedAtLoad === r.codeCells
 */
export async function checkNotebookNav(browser: Browser, file: string): Promise<NavCheck> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    await page.route('**', (route) => {
      const url = route.request().url();
      return url.startsWith('file:') || url.startsWith('data:') ? route.continue() : route.abort();
    });
    await page.goto(pathToFileURL(resolve(file)).href, { waitUntil: 'load', timeout: 60_000 });
    const visible = (sel: string): Promise<number> =>
      page.evaluate(
        (s) => Array.from(document.querySelectorAll(s)).filter((e) => (e as HTMLElement).offsetParent !== null).length,
        sel,
      );
    const input = '.jp-CodeCell .jp-Cell-inputWrapper';
    const hrefs = await page.$$eval('nav#lstm-toc a', (as) => as.map((a) => a.getAttribute('href') ?? ''));
    const broken = await page.evaluate(
      (hs) => hs.filter((h) => !h.startsWith('#') || !document.getElementById(decodeURIComponent(h.slice(1)))),
      hrefs,
    );
    const codeCells = await page.$$eval(input, (es) => es.length);
    const foldedAtLoad = codeCells - (await visible(input));
    let jumped = false;
    const last = hrefs[hrefs.length - 1];
    if (last) {
      await page.click(`nav#lstm-toc a[href="${last.replace(/"/g, '\\"')}"]`);
      await page.waitForTimeout(300);
      jumped = await page.evaluate((h) => {
        const el = document.getElementById(decodeURIComponent(h.slice(1)));
        const r = el?.getBoundingClientRect();
        return location.hash === h && !!r && r.top >= 0 && r.top < window.innerHeight;
      }, last);
    }
    let unfolds = false;
    const toggle = page.locator('.jp-CodeCell .lstm-code-toggle');
    if ((await toggle.count()) > 0) {
      await toggle.first().click();
      unfolds = await page.evaluate(
        (s) => (document.querySelector(s) as HTMLElement | null)?.offsetParent !== null,
        `.jp-CodeCell ${input.split(' ')[1]}`,
      );
    }
    const all = page.locator('nav#lstm-toc .lstm-code-all');
    if ((await all.count()) > 0) await all.click();
    const shownByAll = (await all.count()) > 0 ? await visible(input) : 0;
    return { tocLinks: hrefs.length, broken, jumped, codeCells, foldedAtLoad, unfolds, shownByAll };
  } finally {
    await page.close();
  }
}
