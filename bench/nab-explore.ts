#!/usr/bin/env node
/**
 * Issues 14/15 offline exploration: from the per-step scores cached by bench/nab-scores.ts, evaluate a grid of
 * post-processing (smoothing, threshold rule, pad, prune) and of score sources (one detector, or an ensemble of
 * several after per-file normalisation, combined by mean or max) with the project's own smoothing, windowed
 * threshold, events and overlap-segment counts, aggregated as `evaluate` does. Prints the ranking.
 *
 *   node dist/bench/nab-explore.js [--dir DIR] --sources lstm-e10,zscore,max:robust:lstm-e10+zscore
 *     [--smooth auto,0] [--rules window-sigma:3,dynamic] [--pad 100] [--prune 0.13] [--top 30] [--summary] [--files]
 * A source is a cached tag or `mean|max:robust|std|max|rank:tagA+tagB`; `--summary` prints each source's mean
 * over the grid, `--files` the per-file counts when there is one combination. DIR: as bench/nab-scores.ts.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { aggregate, type FileRow } from '../src/evaluate/aggregate';
import { overlapSegment } from '../src/evaluate/overlap';
import { autoSmoothing, rollingMean } from '../src/score/steps';
import { flagRuns } from '../src/threshold/runs';
import { parseStepRule } from '../src/threshold/step-rule';
import { windowedThreshold } from '../src/threshold/windowed';
import { maxOf } from '../src/util/extent';
import type { CachedFile } from './nab-scores';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

const median = (v: number[]): number => {
  const s = v.slice().sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

/** Per-file normalisation of a raw score series. */
function normalise(x: number[], how: string): number[] {
  if (how === 'none') return x;
  if (how === 'rank') {
    const idx = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
    const r = new Array<number>(x.length);
    idx.forEach((i, k) => {
      r[i] = k / Math.max(1, x.length - 1);
    });
    return r;
  }
  if (how === 'robust') {
    const m = median(x);
    const mad = median(x.map((v) => Math.abs(v - m))) || 1e-12;
    return x.map((v) => (v - m) / mad);
  }
  if (how === 'max') {
    const hi = maxOf(x);
    return x.map((v) => (hi > 0 ? v / hi : 0));
  }
  // std: divide by the standard deviation about the mean
  const mean = x.reduce((a, b) => a + b, 0) / x.length;
  const sd = Math.sqrt(x.reduce((a, b) => a + (b - mean) ** 2, 0) / x.length) || 1e-12;
  return x.map((v) => (v - mean) / sd);
}

type Cache = Map<string, CachedFile[]>;

function load(dir: string, tag: string, cache: Cache): CachedFile[] {
  if (!cache.has(tag)) cache.set(tag, JSON.parse(fs.readFileSync(path.join(dir, `${tag}.json`), 'utf8')).files);
  return cache.get(tag)!;
}

/** A source's files: `tag`, or `mean|max:norm:tagA+tagB[+...]` (optionally `tag*w` weights for mean). */
function source(dir: string, spec: string, cache: Cache): CachedFile[] {
  if (!spec.includes(':')) return load(dir, spec, cache);
  const [comb, norm, list] = spec.split(':');
  const parts = list.split('+').map((p) => {
    const [tag, w] = p.split('*');
    return { files: load(dir, tag, cache), w: w === undefined ? 1 : Number(w) };
  });
  return parts[0].files.map((f0, i) => {
    const fs_ = parts.map((p) => p.files[i]);
    const bad = fs_.find((f) => f.error);
    if (bad) return { ...f0, error: bad.error };
    const ns = parts.map((p, k) => normalise(fs_[k].raw!, norm).map((v) => v * p.w));
    const wsum = parts.reduce((s, p) => s + p.w, 0);
    const raw = ns[0].map((_, s) =>
      comb === 'max' ? maxOf(ns.map((n) => n[s])) : ns.reduce((a, n) => a + n[s], 0) / wsum,
    );
    return { ...f0, raw };
  });
}

function main(): void {
  const dir = flag('dir', path.join(os.tmpdir(), 'nab-scores'));
  const cache: Cache = new Map();
  const list = (name: string, d: string): string[] => flag(name, d).split(',');
  const sources = list('sources', 'lstm-e10');
  const configs = list('smooth', 'auto').flatMap((smooth) =>
    list('rules', 'window-sigma:3').flatMap((rule) =>
      list('pad', '100').flatMap((pad) =>
        list('prune', '0.13').map((prune) => ({ smooth, rule, pad: Number(pad), prune: Number(prune) })),
      ),
    ),
  );
  const results: { key: string; mean: number; line: string; quietFp: number }[] = [];
  for (const spec of sources) {
    const files = source(dir, spec, cache);
    for (const c of configs) {
      const rows: FileRow[] = files.map((f) => {
        if (f.error) return { file: f.file, subset: f.subset, error: f.error };
        const w = c.smooth === 'auto' ? autoSmoothing(f.raw!.length) : Math.max(1, Number(c.smooth));
        const scores = rollingMean(f.raw!, w);
        const th = windowedThreshold(scores, parseStepRule(c.rule), { pad: c.pad, prune: c.prune });
        return { file: f.file, subset: f.subset, counts: overlapSegment(f.spans!, flagRuns(th.flags)) };
      });
      const agg = aggregate(rows);
      const cell = (sub: string): string => {
        const s = agg.subsets.find((x) => x.subset === sub)!;
        return `${Number.isFinite(s.f1) ? s.f1.toFixed(3) : '-'} (${s.tp}/${s.fp}/${s.fn})`;
      };
      const quietFp = agg.subsets.find((x) => x.subset === 'artificialNoAnomaly')?.fp ?? 0;
      const key = `${spec} smooth ${c.smooth} ${c.rule} pad ${c.pad} prune ${c.prune}`;
      const line =
        `${agg.meanF1.toFixed(3)}  ${key.padEnd(70)} awa ${cell('artificialWithAnomaly')}  rkc ` +
        `${cell('realKnownCause')}  ctl fp ${quietFp}`;
      results.push({ key, mean: agg.meanF1, line, quietFp });
      if (process.argv.includes('--files') && configs.length === 1) {
        for (const r of rows)
          console.log(`  ${r.file.padEnd(58)} ${r.counts ? `${r.counts.tp}/${r.counts.fp}/${r.counts.fn}` : r.error}`);
      }
    }
  }
  if (process.argv.includes('--summary')) {
    // per source: the mean of mean F1 over the whole grid, and the share of configurations with quiet controls
    for (const spec of sources) {
      const mine = results.filter((r) => r.key.startsWith(`${spec} `));
      const avg = mine.reduce((s, r) => s + r.mean, 0) / mine.length;
      const quiet = mine.filter((r) => r.quietFp === 0).length;
      console.log(`grid mean ${avg.toFixed(3)}  quiet ${quiet}/${mine.length}  ${spec}`);
    }
  }
  const top = Number(flag('top', '30'));
  console.log(`${results.length} combinations; best ${Math.min(top, results.length)}:`);
  for (const r of results
    .slice()
    .sort((a, b) => b.mean - a.mean)
    .slice(0, top))
    console.log(r.line);
}

main();
