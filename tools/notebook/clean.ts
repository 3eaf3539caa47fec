#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { writeFileAtomic } from '../../src/util/atomic';
import { cellSource, formatNotebook, hasTag, type Notebook, readNotebook } from './ipynb';
import { KERNEL_NAME } from './kernelspec';
import { repoRoot } from './paths';
import { listNotebooks } from './report-args';

/** Longest code cell (lines) a walkthrough notebook may have. */
export const MAX_CELL_LINES = 25;

/**
 * What is wrong with a notebook as committed: outputs or execution counts left in, a kernel other than tslab,
 * not exactly one `parameters` cell, a code cell without a markdown cell before it or longer than
 * {@link MAX_CELL_LINES} lines, imports of the sources (`../src`) instead of the package, absolute paths.
 */
export function notebookProblems(nb: Notebook): string[] {
  const problems: string[] = [];
  if (nb.metadata.kernelspec?.name !== KERNEL_NAME) problems.push(`kernelspec is not ${KERNEL_NAME}`);
  const params = nb.cells.filter((c) => hasTag(c, 'parameters')).length;
  if (params !== 1) problems.push(`${params} cells tagged "parameters" (expected 1)`);
  nb.cells.forEach((c, i) => {
    const where = `cell ${i + 1}`;
    const src = cellSource(c);
    if (c.outputs && c.outputs.length > 0) problems.push(`${where} has outputs`);
    if (c.execution_count != null) problems.push(`${where} has an execution count`);
    if (hasTag(c, 'injected-parameters')) problems.push(`${where} is an injected-parameters cell`);
    if (/(^|[\s'"`(])\/(home|Users|root|work)\//.test(src)) problems.push(`${where} has an absolute path`);
    if (c.cell_type !== 'code') return;
    if (/from\s+['"][./]*\/?src\//.test(src) || /require\(['"][./]*\/?src\//.test(src))
      problems.push(`${where} imports ../src (import 'lstm-anomaly')`);
    if (nb.cells[i - 1]?.cell_type !== 'markdown') problems.push(`${where} has no markdown cell before it`);
    const lines = src.split('\n').length;
    if (lines > MAX_CELL_LINES) problems.push(`${where} has ${lines} lines (max ${MAX_CELL_LINES})`);
  });
  return problems;
}

/** A copy without outputs, execution counts or execution metadata (what `npm run notebooks:strip` writes). */
export function stripOutputs(nb: Notebook): Notebook {
  return {
    ...nb,
    cells: nb.cells.map((c) => {
      if (c.cell_type !== 'code') return c;
      const { execution, ...metadata } = c.metadata as Record<string, unknown>;
      void execution;
      return { ...c, outputs: [], execution_count: null, metadata };
    }),
  };
}

/**
 * `node dist/tools/notebook/clean.js [--check]`: strip outputs from notebooks/*.ipynb in place, or with `--check`
 * list every problem of {@link notebookProblems} and exit 1 when there is one.
 */
export function main(argv = process.argv.slice(2)): number {
  const files = listNotebooks(path.join(repoRoot(), 'notebooks'));
  let bad = 0;
  for (const file of files) {
    const nb = readNotebook(file);
    const name = path.basename(file);
    if (argv.includes('--check')) {
      const problems = notebookProblems(nb);
      for (const p of problems) console.error(`${name}: ${p}`);
      bad += problems.length;
      continue;
    }
    const text = formatNotebook(stripOutputs(nb));
    if (text !== fs.readFileSync(file, 'utf8')) {
      writeFileAtomic(file, text);
      console.log(`stripped ${name}`);
    }
  }
  return bad ? 1 : 0;
}

if (require.main === module) process.exit(main());
