#!/usr/bin/env node
/**
 * Issue 28's targets for the whole-series defaults, from a selection round's measures on the two development sets
 * (bench/select.ts): printed by its report, and by `node dist/bench/targets28.js [FILE]` from a results file
 * (default: the newest round's bench/results/select-<date>[-round<N>].json). These are development figures: the
 * defaults were chosen on these very sets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';
import { runScript } from '../tools/script';
import { type SetMeasures, type Verdict, winner } from './select-grid';

/**
 * Issue 28's targets: on the synthetic suite, recall of the injected events, false events per 10,000 steps, and
 * the share of each anomaly kind's labels found (3 times out of 4); on the NAB development files, the mean F1
 * floor and quiet controls.
 */
export const TARGETS_28 = { synthRecall: 0.9, synthFpPer10k: 1, kindShare: 0.75, nabMeanF1: 0.7, controlFp: 0 };

/** One target: what it asks, the measured value as printed, and whether it is met. */
export interface Target28 {
  target: string;
  value: string;
  met: boolean;
}

/**
 * Issue 28's targets checked against the defaults' measures on both development sets.
 * @example
 * targets28(nab, synth).filter((t) => !t.met).map((t) => t.target); // e.g. ['synthetic: recall of the injected events >= 0.9', ...]
 */
export function targets28(nab: SetMeasures, synth: SetMeasures): Target28[] {
  const T = TARGETS_28;
  const short = Object.entries(synth.kinds)
    .sort(([a], [b]) => a.localeCompare(b))
    .filter(([, [found, all]]) => found < T.kindShare * all)
    .map(([k, [found, all]]) => `${k} ${found} of ${all}`);
  const kinds = Object.keys(synth.kinds).length;
  return [
    {
      target: `synthetic: recall of the injected events >= ${T.synthRecall}`,
      value: `${synth.recall.toFixed(3)}, ${synth.tp} of ${synth.tp + synth.fn}`,
      met: synth.recall >= T.synthRecall,
    },
    {
      target: `synthetic: at most ${T.synthFpPer10k} false event per 10,000 steps`,
      value: `${synth.fpPer10k.toFixed(2)}, ${synth.fp} in ${synth.steps.toLocaleString('en-US')} steps`,
      met: synth.fpPer10k <= T.synthFpPer10k,
    },
    {
      target: 'synthetic: every anomaly kind found at least 3 times out of 4',
      value: short.length ? `${short.length} of ${kinds} kinds short: ${short.join(', ')}` : `all ${kinds} kinds`,
      met: kinds > 0 && short.length === 0,
    },
    {
      target: `NAB development files: mean F1 >= ${T.nabMeanF1.toFixed(2)}`,
      value: nab.headline.toFixed(3),
      met: nab.headline >= T.nabMeanF1,
    },
    {
      target: 'NAB development files: no false event on the controls',
      value: `${nab.controlFp} false events`,
      met: nab.controlFp <= T.controlFp,
    },
  ];
}

/** The targets as printed lines, one per target: met or not, what it asks, the value. */
export function targets28Lines(rows: Target28[]): string[] {
  return rows.map((r) => `  ${r.met ? 'met    ' : 'not met'}  ${r.target}: ${r.value}`);
}

/**
 * One sentence for the README: how many of the targets the defaults meet, and each one missed with its value.
 * @example
 * targets28Sentence(rows); // 'The defaults meet 3 of issue 28's 5 targets on the development sets; missed: ...'
 */
export function targets28Sentence(rows: Target28[]): string {
  const missed = rows.filter((r) => !r.met);
  const met = rows.length - missed.length;
  const head = `The defaults meet ${met} of issue 28's ${rows.length} targets on the development sets`;
  return missed.length
    ? `${head}; missed: ${missed.map((r) => `${r.target} (measured: ${r.value})`).join('; ')}.`
    : `${head}.`;
}

/** The measures of the defaults a round left: its adopted candidate, else the incumbent (its first verdict). */
export function defaultsOf(verdicts: Verdict[]): Verdict | undefined {
  return winner(verdicts) ?? verdicts[0];
}

/**
 * The newest selection round's results file under bench/results/ (`select-<date>.json` or
 * `select-<date>-round<N>.json`, by date, then round; not a candidate's such as select-ensemble-<date>.json).
 *
 * @example
 * newestSelectResults(); // '.../bench/results/select-2026-12-07-round4.json'
 */
export function newestSelectResults(dir = path.join(packageRoot(), 'bench', 'results')): string | undefined {
  const key = (f: string): string | undefined => {
    const m = /^select-(\d{4}-\d{2}-\d{2})(?:-round(\d+))?\.json$/.exec(f);
    return m ? `${m[1]} ${String(Number(m[2] ?? 0)).padStart(4, '0')}` : undefined;
  };
  const files = fs
    .readdirSync(dir)
    .filter((f) => key(f))
    .sort((a, b) => key(a)!.localeCompare(key(b)!));
  return files.length ? path.join(dir, files[files.length - 1]) : undefined;
}

function main(): number {
  const file = process.argv[2] ?? newestSelectResults();
  if (!file) throw new Error('no bench/results/select-<date>[-round<N>].json: run node dist/bench/select.js first');
  const r = JSON.parse(fs.readFileSync(file, 'utf8')) as { date: string; verdicts: Verdict[] };
  const d = defaultsOf(r.verdicts);
  if (!d) throw new Error(`${file}: no candidate was judged in that round`);
  console.log(
    `issue 28's targets, the defaults (${d.model} / ${d.post}) in ${path.basename(file)} (development figures):`,
  );
  for (const line of targets28Lines(targets28(d.nab, d.synth))) console.log(line);
  return 0;
}

if (require.main === module) runScript('targets28', main);
