#!/usr/bin/env node
/**
 * A selection round's tables for docs/selection.md, from its results file (bench/select.ts writes it):
 * `node dist/bench/select-round-doc.js bench/results/select-<date>-<round>.json` prints the NAB and synthetic
 * tables of the round's model settings under today's post-processing (the README's layout; `--every`: a column per
 * model and post-processing) and every candidate's verdict. bench/select-round-doc.test.ts checks that
 * docs/selection.md holds what it prints for rounds 3 and 4.
 */
import * as fs from 'fs';
import { runScript } from '../tools/script';
import type { SetMeasures, Verdict } from './select-grid';
import { setTable, verdictTable } from './select-report';

/** What a round's results file holds that the tables read. */
export interface RoundResults {
  cpu: string;
  incumbent?: string;
  verdict: string;
  sets: Record<'nab' | 'synth', { model: string; post: string; seconds: number; m: SetMeasures }[]>;
  verdicts: Verdict[];
}

/**
 * The round's markdown: one table per set (its model settings under the post-processing `d`, the incumbent
 * first; with `every`, a column per model and post-processing), then the verdict of every candidate.
 * @example
 * roundTables(JSON.parse(fs.readFileSync('bench/results/select-2026-12-07-round3.json', 'utf8')));
 */
export function roundTables(r: RoundResults, every = false): string {
  const inc = r.incumbent ?? 'D';
  const label = (model: string): string => (model === inc ? `${model} (today's defaults)` : model);
  const tables = (['nab', 'synth'] as const).map((set) =>
    setTable(
      set,
      r.sets[set]
        .filter((x) => every || x.post === 'd')
        .map((x) => ({ name: every ? `${x.model} / ${x.post}` : label(x.model), m: x.m, seconds: x.seconds })),
      r.cpu,
    ),
  );
  return [...tables, verdictTable(r.verdicts, label, true)].join('\n\n');
}

function main(): void {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node dist/bench/select-round-doc.js RESULTS.json [--every]');
  console.log(roundTables(JSON.parse(fs.readFileSync(file, 'utf8')) as RoundResults, process.argv.includes('--every')));
}

if (require.main === module) runScript('select-round-doc', main);
