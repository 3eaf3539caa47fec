import { cellSource, type Notebook } from './ipynb';

/** How many "Try this" cells a notebook holds, at least and at most. */
export const TRY_THIS = { min: 2, max: 4 };

/** A markdown cell that is a "Try this" exercise: it opens with `**Try this`. */
export const isTryThis = (md: string): boolean => /^\*\*Try this\b/.test(md.trimStart());

/**
 * What a code cell reads when it charts flagged windows: a run's `anomalies`, a window's `anomaly` flag, a
 * threshold's `flag(...)` or a `flags` array. `anomalyChart` in a cell that reads any of them marks windows;
 * events (`eventsChart`) are what to chart. Marking known points (injected spikes, labels) is fine.
 */
const FLAGGED_WINDOWS = /\.anomal(?:y|ies)\b|\.flag\(|\bflags\b/;

/** Words of a sentence that reports what a detector did (a percentage beside them is a result). */
const RESULT_WORDS = /flag|found|finds|detect|miss|above|below|outside/i;

/**
 * The figures a markdown text states as results of a run: `N of M`, and a percentage in a sentence about what
 * was flagged, found or lay above a threshold, except where the sentence says the figure holds by construction
 * (a percentile rule puts 5% of the training windows above it, whatever the run). A share that sets up the run
 * ("the first 80% of the days train") is not a result.
 *
 * @throws never.
 * @example
 * statedResults('It flags 3 of 5 spikes, 12.5% of the windows.'); // ['3 of 5', '12.5%']
 */
export function statedResults(md: string): string[] {
  return md
    .split(/(?<=[.:!?])\s+|\n\n/)
    .filter((s) => !/by construction/i.test(s))
    .flatMap((s) => {
      const counts = [...s.matchAll(/\b\d[\d,]* of \d[\d,]*\b/g)].map((m) => m[0]);
      const shares = RESULT_WORDS.test(s) ? [...s.matchAll(/\b\d+(?:\.\d+)?%/g)].map((m) => m[0]) : [];
      return [...counts, ...shares];
    });
}

/**
 * What a notebook handed to a class lacks: 2-4 "Try this" cells, a link to a tutorial or paper, a question with
 * its answer folded away (`<details>`), "What you will learn" and "What you learned"; and what it must not do:
 * chart flagged windows (`anomalyChart` in a cell that reads window flags; see FLAGGED_WINDOWS): a notebook can
 * always turn them into events (`windowEvents`, `runPipeline`'s `events`); or state a
 * result in fixed prose (a number belongs in a sentence generated from the run with `showMarkdown`).
 *
 * @throws never; returns one line per problem, [] for none.
 * @example
 * teachingProblems(readNotebook('notebooks/04-synthetic-sine.ipynb')); // []
 */
export function teachingProblems(nb: Notebook): string[] {
  const out: string[] = [];
  const md = nb.cells.filter((c) => c.cell_type === 'markdown').map(cellSource);
  const code = nb.cells.map((c, i) => [i, c.cell_type === 'code' ? cellSource(c) : ''] as const);
  const tries = md.filter(isTryThis).length;
  if (tries < TRY_THIS.min || tries > TRY_THIS.max) {
    out.push(`${tries} "Try this" cells, want ${TRY_THIS.min}-${TRY_THIS.max}`);
  }
  if (!md.some((s) => /\]\(https?:\/\//.test(s))) out.push('no link to a tutorial or paper');
  if (!md.some((s) => /<details>[\s\S]*<summary>[\s\S]*<\/details>/.test(s))) {
    out.push('no question with a folded answer (<details><summary>)');
  }
  if (!md.some((s) => /What you will learn/i.test(s))) out.push('no "What you will learn"');
  if (!md.some((s) => /What you learned/i.test(s))) out.push('no "What you learned"');
  for (const [i, s] of code) {
    // on Deno a top-level binding of a browser global name becomes that global, and tfjs then takes the
    // notebook's `window = 30` for the browser's window object
    const browser = /^\s*(?:let|const|var)\s+(window|self|document|navigator)\b/m.exec(s);
    if (browser) out.push(`code cell ${i}: declares \`${browser[1]}\`, a browser global on Deno; rename it`);
    if (/\banomalyChart\(/.test(s) && FLAGGED_WINDOWS.test(s)) {
      out.push(`code cell ${i}: a chart of flagged windows; chart the events`);
    }
  }
  for (const s of md) {
    const stated = statedResults(s);
    if (stated.length) out.push(`fixed prose states ${stated.join(', ')}: "${s.slice(0, 60)}..."`);
  }
  return out;
}
