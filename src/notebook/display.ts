export { escapeHtml } from '../report/escape';

/** tslab's display surface (the subset used here); kept internal so the library has no type dependency on tslab. */
interface TslabDisplay {
  html(s: string): void;
  markdown(s: string): void;
  text(s: string): void;
}

interface TslabModule {
  display: TslabDisplay;
  newDisplay(): TslabDisplay;
}

function tslab(): TslabModule {
  try {
    // Lazy: tslab is only present (and only works) inside a tslab kernel.
    return require('tslab') as TslabModule;
  } catch {
    throw new Error('notebook display helpers need the tslab kernel (npm run jupyter / npm run report)');
  }
}

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && e.message === 'Not ready') {
      throw new Error('notebook display helpers only work inside a running tslab kernel');
    }
    throw e;
  }
}

/**
 * Show an HTML fragment as the output of the current notebook cell (tslab `display.html`).
 *
 * @example
 * showHtml('<b>3 anomalies</b>');
 */
export function showHtml(html: string): void {
  guard(() => tslab().display.html(html));
}

/**
 * Show Markdown as a cell output: handy for sentences that include computed numbers.
 *
 * @example
 * showMarkdown(`**${n}** of ${total} test windows are flagged`);
 */
export function showMarkdown(md: string): void {
  guard(() => tslab().display.markdown(md));
}

/** One output entry that can be replaced in place (live progress); each call to `html` overwrites it. */
export interface LiveOutput {
  html(s: string): void;
}

/**
 * A new output entry the cell can overwrite again and again (tslab `newDisplay()`); the executed notebook and
 * its HTML export keep the last state.
 *
 * @example
 * const out = liveOutput(); for (const i of [1, 2, 3]) out.html(`step ${i}`);
 */
export function liveOutput(): LiveOutput {
  const d = guard(() => tslab().newDisplay());
  return { html: (s) => guard(() => d.html(s)) };
}
