#!/usr/bin/env node
/**
 * Why the whole-series defaults miss what they miss on the synthetic development suite (issue 28 §2 asks: "find out
 * why"). An analysis of development runs, not a round: it chooses nothing. From the cached runs of bench/select.ts
 * (today's model, `resample-auto`), for every label: whether today's post-processing finds it, how far its
 * unsmoothed error stands above the series' median error, how close its smoothed score comes to the threshold,
 * and the base's period in the scored steps against the window of 100. Prints one line per kind and writes the
 * rows to bench/results/select-why-<date>.json with `--save`.
 *
 *   node dist/bench/select-why.js --cache DIR [--post stuck-rare] [--save]
 */
import * as fs from 'fs';
import * as path from 'path';
import { makeSuite } from '../src/data/synth/suite';
import { synthKey } from '../src/data/synth/write';
import { autoSmoothing, rollingMean } from '../src/score/steps';
import { percentile } from '../src/threshold/percentile';
import { parseStepRule } from '../src/threshold/step-rule';
import { windowedThreshold } from '../src/threshold/windowed';
import { packageRoot } from '../src/util/paths';
import { runScript } from '../tools/script';
import { type CachedRun, postsNamed, replayEvents } from './select-grid';
import { load } from './select-report';

/** One label's diagnosis. */
export interface WhyRow {
  file: string;
  kind: string;
  found: boolean;
  /** Whether the same post-processing without pruning finds it. */
  foundUnpruned: boolean;
  /** Steps of the label, in the scored series. */
  steps: number;
  /** Mean unsmoothed error inside the label / the median unsmoothed error of the series. */
  errorRatio: number;
  /** Highest smoothed score inside the label / the threshold at that step. */
  peakVsBar: number;
  /** The base's period in scored steps (after any aggregation). */
  period: number;
}

/** The diagnosis of every label of the runs (synthetic set), under one post-processing setting. */
export function whyRows(runs: CachedRun[], periods: Map<string, number>, post = 'stuck-rare'): WhyRow[] {
  const p = postsNamed([post])[0];
  return runs.flatMap((r) => {
    if (!r.raw || !r.spans) return [];
    const events = replayEvents(r.raw, p, r.x);
    const unpruned = replayEvents(r.raw, { ...p, prune: 0 }, r.x);
    const raw = Float64Array.from(r.raw);
    const scores = rollingMean(raw, p.smooth === 'auto' ? autoSmoothing(raw.length) : Math.max(p.smooth, 1));
    const bar = windowedThreshold(scores, parseStepRule(p.rule), { pad: p.pad, prune: p.prune }).thresholds;
    const mid = raw.length ? percentile(raw, 50) : 0;
    const factor = r.resample === '10min' ? 2 : 1; // the suite's 5-minute steps, as 10-minute means
    return r.spans.map(([a, b], i) => {
      let sum = 0;
      let peak = 0;
      for (let s = a; s <= b; s++) {
        sum += raw[s];
        peak = Math.max(peak, scores[s] / bar[s]);
      }
      return {
        file: r.file,
        kind: r.kinds?.[i] ?? '?',
        found: events.some(([x, y]) => x <= b && a <= y),
        foundUnpruned: unpruned.some(([x, y]) => x <= b && a <= y),
        steps: b - a + 1,
        errorRatio: mid > 0 ? sum / (b - a + 1) / mid : Number.NaN,
        peakVsBar: peak,
        period: (periods.get(r.file) ?? Number.NaN) / factor,
      };
    });
  });
}

/**
 * One line per kind: how many were found, and of the misses how many have an error under the series' median (the
 * model reconstructs them better than a normal stretch), under twice it, reach the threshold yet are dropped (by
 * pruning), come to half of it or more, and have a period longer than the window of 100.
 */
export function whyLines(rows: WhyRow[]): string[] {
  const kinds = [...new Set(rows.map((r) => r.kind))].sort();
  return kinds.map((k) => {
    const all = rows.filter((r) => r.kind === k);
    const miss = all.filter((r) => !r.found);
    const n = (f: (r: WhyRow) => boolean): number => miss.filter(f).length;
    const head = `${k}: found ${all.length - miss.length} of ${all.length}`;
    if (!miss.length) return head;
    return (
      `${head}; of the ${miss.length} missed, error under the median ${n((r) => r.errorRatio < 1)}, ` +
      `under twice it ${n((r) => r.errorRatio < 2)}, at the threshold or above ${n((r) => r.peakVsBar >= 1)}, ` +
      `at half of it or more ${n((r) => r.peakVsBar >= 0.5 && r.peakVsBar < 1)}, period over 100 steps ${n((r) => r.period > 100)}`
    );
  });
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : undefined;
}

function main(): void {
  const cache = flag('cache');
  if (!cache) throw new Error('usage: node dist/bench/select-why.js --cache DIR [--post NAME] [--save]');
  const runs = load(cache, 'resample-auto', 'synth');
  if (!runs) throw new Error(`no complete resample-auto synthetic run in ${cache}`);
  const periods = new Map(makeSuite('dev', { seed: 28 }).map((s) => [synthKey(s), s.period]));
  const rows = whyRows(runs, periods, flag('post') ?? 'stuck-rare');
  for (const line of whyLines(rows)) console.log(line);
  if (!process.argv.includes('--save')) return;
  const day = new Date().toISOString().slice(0, 10);
  const out = path.join(packageRoot(), 'bench', 'results', `select-why-${day}.json`);
  fs.writeFileSync(out, `${JSON.stringify({ date: day, post: flag('post') ?? 'stuck-rare', rows }, null, 1)}\n`);
  console.log(`results: ${path.relative(packageRoot(), out)}`);
}

if (require.main === module) runScript('select-why', main);
