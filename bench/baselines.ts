#!/usr/bin/env node
import * as fs from 'fs';
import * as path from 'path';
import { injectAnomalies, sineSeries } from '../src/data/synthetic';
import { IsolationForestDetector } from '../src/detector/iforest/iforest';
import { PcaDetector } from '../src/detector/pca/pca';
import { dominantPeriod } from '../src/detector/pca/period';
import { ZScoreDetector } from '../src/detector/zscore/zscore';
import { makeWindows, type Windows } from '../src/sequence/windows';
import { Scaler } from '../src/transform/scaler';
import { packageRoot } from '../src/util/paths';
import { runScript } from '../tools/script';

const USAGE = `Usage: node dist/bench/baselines.js [--rows 20000] [--window 30] [--runs 3] [--no-nab]
Fit + score seconds of the baseline detectors (pca, zscore, iforest) on a seeded noisy sine of --rows rows
(fit on the first 80%, score every window), the median of --runs; then, when ../shared/data/nab is present, a
per-file table of window-score AUC-PR (average precision; a window is positive when its last step lies in a
labeled NAB window) with each detector fitted on the whole standardised file (the unsupervised protocol of TSB-AD).`;

/** A baseline under test: fit on windows, score windows. */
interface Baseline {
  name: string;
  make: () => { fit(w: Windows): unknown; scoreWindows(w: Windows): number[] };
}

const BASELINES: Baseline[] = [
  { name: 'pca', make: () => new PcaDetector() },
  { name: 'zscore', make: () => new ZScoreDetector() },
  { name: 'iforest', make: () => new IsolationForestDetector({ seed: 42 }) },
];

/**
 * Average precision (the area under the precision-recall curve as scikit-learn's `average_precision_score`):
 * the sum over distinct score thresholds, highest first, of (recall gained) x (precision there). Tied scores
 * form one threshold. Bench-only: the project's metrics live with the events module.
 *
 * @throws Error when scores and labels differ in length. Returns NaN without positives.
 * @example
 * averagePrecision([0.9, 0.8, 0.7, 0.6], [true, false, true, false]); // 0.8333
 */
export function averagePrecision(scores: number[], labels: boolean[]): number {
  if (scores.length !== labels.length) throw new Error(`${scores.length} scores for ${labels.length} labels`);
  const positives = labels.filter(Boolean).length;
  if (positives === 0) return NaN;
  const order = scores.map((_, i) => i).sort((a, b) => scores[b] - scores[a]);
  let tp = 0;
  let seen = 0;
  let ap = 0;
  for (let k = 0; k < order.length; ) {
    const s = scores[order[k]];
    let gained = 0;
    for (; k < order.length && scores[order[k]] === s; k++, seen++) if (labels[order[k]]) gained++;
    tp += gained;
    ap += (gained / positives) * (tp / seen);
  }
  return ap;
}

/** Median of fit + score seconds over `runs` for one baseline. */
function timeOne(b: Baseline, train: Windows, all: Windows, runs: number): { fit: number; score: number } {
  const times: { fit: number; score: number }[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.hrtime.bigint();
    const det = b.make();
    det.fit(train);
    const t1 = process.hrtime.bigint();
    det.scoreWindows(all);
    const t2 = process.hrtime.bigint();
    times.push({ fit: Number(t1 - t0) / 1e9, score: Number(t2 - t1) / 1e9 });
  }
  times.sort((a, b) => a.fit + a.score - (b.fit + b.score));
  return times[Math.floor(runs / 2)];
}

function timing(rows: number, window: number, runs: number): void {
  const s = injectAnomalies(sineSeries({ n: rows, period: 50, noise: 0.1, seed: 42 }), { count: 10, seed: 42 }).series;
  const cut = Math.floor(rows * 0.8);
  const scaler = Scaler.fit('standard', s.values.slice(0, cut), s.columns);
  const scaled = scaler.transform(s.values);
  const train = makeWindows(scaled.slice(0, cut), window, 'training part');
  const all = makeWindows(scaled, window);
  const what = `score ${all.n} windows of ${window} steps (${rows} rows)`;
  console.log(`fit on ${train.n} windows, ${what}, median of ${runs}:`);
  console.log('| detector | fit s | score s | total s | target |');
  console.log('|---|---|---|---|---|');
  for (const b of BASELINES) {
    const t = timeOne(b, train, all, runs);
    const target = b.name === 'iforest' ? '-' : t.fit + t.score < 2 ? '< 2 s: met' : '< 2 s: MISSED';
    const cells = [t.fit, t.score, t.fit + t.score].map((v) => v.toFixed(3));
    console.log(`| ${b.name} | ${cells.join(' | ')} | ${target} |`);
  }
}

/** One NAB file: values in file order and, per row, whether it lies in a labeled window. */
function readNab(dir: string, file: string, windows: [string, string][]): { values: number[][]; label: boolean[] } {
  const lines = fs.readFileSync(path.join(dir, file), 'utf8').trim().split(/\r?\n/).slice(1);
  const spans = windows.map(([a, b]) => [a.replace(/\.0+$/, ''), b.replace(/\.0+$/, '')]);
  const values: number[][] = [];
  const label: boolean[] = [];
  for (const line of lines) {
    const [ts, v] = line.split(',');
    values.push([Number(v)]);
    label.push(spans.some(([a, b]) => ts >= a && ts <= b));
  }
  return { values, label };
}

function nabTable(dir: string, window: number): void {
  const text = fs.readFileSync(path.join(dir, 'windows.json'), 'utf8');
  const labels = JSON.parse(text) as Record<string, [string, string][]>;
  const names = [...BASELINES.map((b) => b.name), 'pca@period'];
  console.log(`\nNAB (${dir}): window-score AUC-PR, window ${window}; pca@period: windows of the dominant period`);
  console.log('(TSB-AD\'s rule, 125 when none); "positive": the share of windows whose last step is labeled, the');
  console.log('AUC-PR of a random ranking.');
  console.log(`| file | rows | positive | ${names.join(' | ')} | period |`);
  console.log(`|---|---|---|${names.map(() => '---|').join('')}---|`);
  const sums = new Map<string, number[]>(names.map((n) => [n, []]));
  for (const file of Object.keys(labels).sort()) {
    const { values, label } = readNab(dir, file, labels[file]);
    let scaled: number[][];
    try {
      scaled = Scaler.fit('standard', values, ['value']).transform(values);
    } catch (e) {
      console.log(`| ${file} | ${values.length} | - | ${(e as Error).message.split(':')[0]} |`);
      continue;
    }
    const period = dominantPeriod(scaled.map((r) => r[0])) ?? 125;
    const cells: string[] = [];
    let positive = '-';
    const run = (name: string, w: Windows, make: Baseline['make']) => {
      const det = make();
      det.fit(w);
      const y = Array.from({ length: w.n }, (_, i) => label[i + w.window - 1]);
      const ap = averagePrecision(det.scoreWindows(w), y);
      if (name === 'pca') positive = Number.isNaN(ap) ? '0' : (y.filter(Boolean).length / y.length).toFixed(3);
      if (!Number.isNaN(ap)) sums.get(name)!.push(ap);
      cells.push(Number.isNaN(ap) ? '-' : ap.toFixed(3));
    };
    const w = makeWindows(scaled, window);
    for (const b of BASELINES) run(b.name, w, b.make);
    run('pca@period', makeWindows(scaled, period), () => new PcaDetector());
    console.log(`| ${file} | ${values.length} | ${positive} | ${cells.join(' | ')} | ${period} |`);
  }
  const mean = (xs: number[]) => (xs.length ? (xs.reduce((a, v) => a + v, 0) / xs.length).toFixed(3) : '-');
  console.log(`| mean of labeled files | | | ${names.map((n) => mean(sums.get(n)!)).join(' | ')} | |`);
}

function main(): number {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const num = (flag: string, dflt: number) => {
    const i = argv.indexOf(flag);
    if (i < 0) return dflt;
    const v = Number(argv[i + 1]);
    if (!Number.isInteger(v) || v < 1) throw new Error(`invalid ${flag}: ${argv[i + 1]}`);
    return v;
  };
  const window = num('--window', 30);
  timing(num('--rows', 20000), window, num('--runs', 3));
  const nab = path.resolve(packageRoot(), '../shared/data/nab');
  if (argv.includes('--no-nab')) return 0;
  if (!fs.existsSync(path.join(nab, 'windows.json'))) console.log(`\nNAB table skipped: ${nab} is absent`);
  else nabTable(nab, window);
  return 0;
}

if (require.main === module) runScript('bench:baselines', main);
