import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { browserSkipReason, launchChromium } from '../../tools/testing/browser';
import { tempDir } from '../../tools/testing/temp';
import { plotlyScriptTag } from './html';
import { lazyFigureDiv, lazyPlotScriptTag } from './lazy';

const skip = browserSkipReason() ?? false;
const fig = (n: number) => ({ data: [{ type: 'scatter', x: [1, 2, 3], y: [n, n + 1, n] }], layout: {} });

/** A page: chart `top` on the first screen, then `mid` and `far` each below 3000 px of text. */
function page(dir: string): string {
  const gap = '<div style="height:3000px">text</div>';
  const file = join(dir, 'lazy.html');
  writeFileSync(
    file,
    `<!DOCTYPE html><html><head>${plotlyScriptTag()}${lazyPlotScriptTag()}</head><body>
${lazyFigureDiv(fig(1), 'top', 300)}${gap}${lazyFigureDiv(fig(2), 'mid', 300)}
<script>lstmWhenDrawn('mid', function (gd) { window.midHook = gd.id + ':' + typeof gd.on; });</script>
${gap}${lazyFigureDiv(fig(3), 'far', 300)}</body></html>`,
  );
  return pathToFileURL(file).href;
}

/** Which charts have drawn a trace, and which still wait (data-lazy). */
const state = (p: Page) =>
  p.evaluate(() => ({
    drawn: Array.from(document.querySelectorAll('div.plot'))
      .filter((d) => d.querySelectorAll('svg.main-svg g.trace').length > 0)
      .map((d) => d.id),
    waiting: Array.from(document.querySelectorAll('[data-lazy]')).map((d) => d.id),
  }));

test('lazy charts: first screen at once, the others when scrolled near or when printed to PDF', {
  skip,
  timeout: 120_000,
}, async (t) => {
  const url = page(tempDir('lstm-anomaly-lazy-', t));
  const browser = await launchChromium();
  try {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.addInitScript(() => {
      window.requestIdleCallback = () => 0; // no idle time: only scrolling and printing draw
    });
    await p.goto(url, { waitUntil: 'load' });
    await p.waitForTimeout(300);
    assert.deepEqual(await state(p), { drawn: ['top'], waiting: ['mid', 'far'] });
    assert.equal(await p.evaluate(() => (window as unknown as { midHook?: string }).midHook), undefined);
    await p.evaluate(() => document.getElementById('mid')!.scrollIntoView());
    await p.waitForFunction(() => !document.getElementById('mid')!.hasAttribute('data-lazy'));
    await p.waitForTimeout(100);
    assert.deepEqual(await state(p), { drawn: ['top', 'mid'], waiting: ['far'] });
    assert.equal(await p.evaluate(() => (window as unknown as { midHook?: string }).midHook), 'mid:function');
    const pdf = await p.pdf(); // printing fires beforeprint: every chart is drawn into the PDF
    assert.ok(pdf.length > 10_000, `${pdf.length} bytes of PDF`);
    assert.deepEqual(await state(p), { drawn: ['top', 'mid', 'far'], waiting: [] });
    await p.close();
  } finally {
    await browser.close();
  }
});

test('lazy charts: every chart drawn in idle time after load, without scrolling', {
  skip,
  timeout: 120_000,
}, async (t) => {
  const url = page(tempDir('lstm-anomaly-lazy-', t));
  const browser = await launchChromium();
  try {
    const p = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await p.goto(url, { waitUntil: 'load' });
    await p.waitForFunction(() => document.querySelectorAll('[data-lazy]').length === 0, undefined, {
      timeout: 30_000,
    });
    assert.deepEqual(await state(p), { drawn: ['top', 'mid', 'far'], waiting: [] });
    assert.equal(await p.evaluate(() => window.scrollY), 0, 'nothing scrolled');
    await p.close();
  } finally {
    await browser.close();
  }
});
