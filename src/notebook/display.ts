import { randomBytes } from 'crypto';

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

/** Deno's kernel API (`Deno.jupyter`, present only inside `deno jupyter --kernel`): the call used here. */
interface DenoJupyter {
  broadcast(type: string, content: Record<string, unknown>): Promise<void> | undefined;
}

/** `Deno.jupyter` when this code runs in Deno's Jupyter kernel, else undefined. */
function denoJupyter(): DenoJupyter | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: DenoJupyter } }).Deno;
  return deno?.jupyter && typeof deno.jupyter.broadcast === 'function' ? deno.jupyter : undefined;
}

/**
 * One output as a Jupyter message on Deno: `display_data`, or with `update` the `update_display_data` that
 * replaces the output of the same `displayId`. Sent at once (the cell's later outputs come after it); a failed
 * send is written to stderr, never thrown into the cell later.
 */
function denoShow(j: DenoJupyter, mime: string, text: string, displayId?: string, update = false): void {
  const transient = displayId ? { display_id: displayId } : {};
  const sent = j.broadcast(update ? 'update_display_data' : 'display_data', {
    data: { [mime]: text },
    metadata: {},
    transient,
  });
  // Deno 2.9 sends at once and returns nothing; earlier versions return a promise.
  Promise.resolve(sent).catch((e: unknown) => console.error(`display: ${e instanceof Error ? e.message : String(e)}`));
}

function tslab(): TslabModule {
  try {
    // Lazy: tslab is only present (and only works) inside a tslab kernel.
    return require('tslab') as TslabModule;
  } catch {
    throw new Error('notebook display helpers need the tslab or Deno kernel (npm run jupyter / npm run report)');
  }
}

function guard<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Error && e.message === 'Not ready') {
      throw new Error('notebook display helpers only work inside a running tslab or Deno kernel');
    }
    throw e;
  }
}

/**
 * Show an HTML fragment as the output of the current notebook cell (tslab `display.html`; on Deno a
 * `display_data` message through `Deno.jupyter`).
 *
 * @example
 * showHtml('<b>3 anomalies</b>');
 */
export function showHtml(html: string): void {
  const deno = denoJupyter();
  if (deno) denoShow(deno, 'text/html', html);
  else guard(() => tslab().display.html(html));
}

/**
 * Show Markdown as a cell output: handy for sentences that include computed numbers.
 *
 * @example
 * showMarkdown(`**${n}** of ${total} test windows are flagged`);
 */
export function showMarkdown(md: string): void {
  const deno = denoJupyter();
  if (deno) denoShow(deno, 'text/markdown', md);
  else guard(() => tslab().display.markdown(md));
}

/** One output entry that can be replaced in place (live progress); each call to `html` overwrites it. */
export interface LiveOutput {
  html(s: string): void;
}

/**
 * A new output entry the cell can overwrite again and again (tslab `newDisplay()`; on Deno an output with a
 * `display_id` and its `update_display_data`); the executed notebook and its HTML export keep the last state.
 *
 * @example
 * const out = liveOutput(); for (const i of [1, 2, 3]) out.html(`step ${i}`);
 */
export function liveOutput(): LiveOutput {
  const deno = denoJupyter();
  if (deno) {
    const id = `lstm-anomaly-${randomBytes(6).toString('hex')}`;
    let shown = false;
    return {
      html: (s) => {
        denoShow(deno, 'text/html', s, id, shown);
        shown = true;
      },
    };
  }
  const d = guard(() => tslab().newDisplay());
  return { html: (s) => guard(() => d.html(s)) };
}
