#!/usr/bin/env node
/**
 * Development bench for issue 14: over the NAB files in ../shared/data/nab, train the LSTM autoencoder on the
 * whole series, score every step, derive each threshold rule, form events and count them against NAB's windows
 * (overlap-segment tp/fp/fn, summed per subset as Orion's leaderboard). Prints a per-file and a per-subset table.
 *
 *   node dist/bench/nab.js [--files a,b] [--epochs 10] [--window 100] [--units 60] [--lr 0.001] [--loss mse]
 *     [--batch 64] [--patience 0] [--val 0] [--smooth auto,0] [--pad 50,10] [--prune 0.13] [--resample 10min|none]
 *     [--rules window-sigma:3,dynamic] [--stride 1]
 * Post-processing options take comma lists: the model is trained once per file and every combination of smoothing,
 * padding, pruning and rule is evaluated on its scores (the first of each list is the one shown per file).
 */
import * as fs from 'fs';
import * as path from 'path';
import { parseCsv } from '../src/data/csv';
import { parseDate } from '../src/data/dates';
import { resample } from '../src/data/resample';
import { aggregate, type FileRow } from '../src/evaluate/aggregate';
import { averagePrecision } from '../src/evaluate/aucpr';
import { labelsForFile, parseNabWindows } from '../src/evaluate/labels';
import { overlapSegment } from '../src/evaluate/overlap';
import { labelSteps } from '../src/evaluate/steps';
import { eventsFromFlags } from '../src/events/events';
import { createAutoencoder, resolveSpec } from '../src/model';
import { stepScores } from '../src/score/steps';
import { makeWindows, pickWindows } from '../src/sequence/windows';
import { parseStepRule } from '../src/threshold/step-rule';
import { windowedThreshold } from '../src/threshold/windowed';
import { trainAutoencoder } from '../src/train/fit';
import { maxOf, minOf } from '../src/util/extent';
import { packageRoot } from '../src/util/paths';
import { NAB_SUBSETS } from './nab-layout';

function args(argv: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 2) out[argv[i].replace(/^--/, '')] = argv[i + 1];
  return out;
}

async function main(): Promise<void> {
  const a = args(process.argv.slice(2));
  const dir = path.resolve(packageRoot(), '../shared/data/nab');
  if (!fs.existsSync(dir)) {
    console.log(`skip: ${dir} is absent`);
    return;
  }
  const o = {
    epochs: Number(a.epochs ?? 10),
    window: Number(a.window ?? 100),
    units: Number(a.units ?? 60),
    lr: Number(a.lr ?? 1e-3),
    loss: (a.loss ?? 'mse') as 'mse' | 'mae',
    batch: Number(a.batch ?? 64),
    patience: Number(a.patience ?? 0),
    val: Number(a.val ?? 0),
    resample: a.resample ?? '10min',
    stride: Number(a.stride ?? 1),
    seed: 42,
  };
  const list = (v: string | undefined, d: string): string[] => (v ?? d).split(',');
  const configs = list(a.smooth, 'auto').flatMap((smooth) =>
    list(a.pad, '100').flatMap((pad) =>
      list(a.prune, '0.13').flatMap((prune) =>
        list(a.rules, 'window-sigma:3,dynamic').map((rule) => ({
          key: `${rule} smooth ${smooth} pad ${pad} prune ${prune}`,
          rule,
          smooth,
          pad: Number(pad),
          prune: Number(prune),
        })),
      ),
    ),
  );
  const first = configs[0];
  console.log(`settings: ${JSON.stringify(o)}; post-processing: ${configs.length} combinations`);
  const windows = parseNabWindows(fs.readFileSync(path.join(dir, 'windows.json'), 'utf8'), 'windows.json');
  const wanted = a.files ? a.files.split(',') : null;
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.csv') && (!wanted || wanted.some((w) => f.includes(w))))
    .sort();
  const rows: Record<string, FileRow[]> = Object.fromEntries(configs.map((c) => [c.key, []]));
  const aps: number[] = [];
  for (const file of files) {
    const t0 = Date.now();
    const subset = NAB_SUBSETS[file.replace(/\.csv$/, '')] ?? 'realKnownCause';
    try {
      const t = parseCsv(fs.readFileSync(path.join(dir, file), 'utf8'), file);
      // rows kept in file order (two NAB files are not strictly increasing), as NAB and Orion do
      let series = {
        dates: t.rows.map((r) => parseDate(r[0])!),
        values: t.rows.map((r) => [Number(r[1])]),
        columns: ['value'],
        source: file,
      };
      if (o.resample !== 'none') series = resample(series, o.resample);
      const col = series.values.map((r) => r[0]);
      const lo = minOf(col);
      const hi = maxOf(col);
      const rowsScaled = col.map((v) => [hi > lo ? (2 * (v - lo)) / (hi - lo) - 1 : 0]); // [-1, 1] as Orion
      const w = makeWindows(rowsScaled, o.window, file);
      const model = await createAutoencoder(
        resolveSpec({
          window: o.window,
          features: 1,
          encoder: [o.units],
          dropout: 0,
          loss: o.loss,
          learningRate: o.lr,
          seed: o.seed,
        }),
        { backend: 'auto' },
      );
      const trainIdx = Array.from({ length: Math.ceil(w.n / o.stride) }, (_, i) => i * o.stride);
      const fit = await trainAutoencoder(model, o.stride > 1 ? pickWindows(w, trainIdx) : w, {
        epochs: o.epochs,
        batchSize: o.batch,
        patience: o.patience,
        valSplit: o.val,
        seed: o.seed,
      });
      const recon = await model.predict(w.x, w.n, 256);
      model.dispose();
      const labels = labelSteps(labelsForFile(windows, file, 'windows.json'), series.dates, 'windows.json');
      const scored = new Map<string, ReturnType<typeof stepScores>>();
      const scoresOf = (smooth: string): ReturnType<typeof stepScores> => {
        if (!scored.has(smooth)) {
          const opt = { smooth: smooth === 'auto' ? ('auto' as const) : Number(smooth) };
          scored.set(smooth, stepScores(w.x, recon, w.n, o.window, 1, opt));
        }
        return scored.get(smooth)!;
      };
      const ap = averagePrecision(scoresOf(first.smooth).scores, labels.truth);
      if (Number.isFinite(ap)) aps.push(ap);
      const secs = (Date.now() - t0) / 1000;
      const cells = configs
        .map((cfg) => {
          const sc = scoresOf(cfg.smooth);
          const th = windowedThreshold(sc.scores, parseStepRule(cfg.rule), { pad: cfg.pad, prune: cfg.prune });
          const ev = eventsFromFlags(th.flags, sc.scores, series.dates, th.thresholds);
          const c = overlapSegment(
            labels.spans,
            ev.map((e) => [e.startIndex, e.endIndex]),
          );
          rows[cfg.key].push({ file, subset, counts: c, seconds: secs });
          return `${c.tp}/${c.fp}/${c.fn}`;
        })
        .slice(0, 2);
      const h = fit.history;
      console.log(
        `${file.padEnd(42)} ${subset.padEnd(22)} steps ${String(series.dates.length).padStart(5)} ` +
          `epochs ${h.length} (best ${fit.bestEpoch}, loss ${h[0].loss.toPrecision(3)} -> ${h[h.length - 1].loss.toPrecision(3)}) ` +
          `labels ${labels.spans.length} AP ${Number.isFinite(ap) ? ap.toFixed(3) : '-'}  tp/fp/fn ${cells.join(' ')} ` +
          `(${configs
            .slice(0, 2)
            .map((c) => c.rule)
            .join(', ')})  ${secs.toFixed(1)} s`,
      );
    } catch (e) {
      const msg = (e as Error).message.split('\n')[0];
      for (const c of configs) rows[c.key].push({ file, subset, error: msg });
      console.log(`${file.padEnd(42)} ${subset.padEnd(22)} FAILED: ${msg}`);
    }
  }
  const aggs = configs.map((c) => ({ key: c.key, agg: aggregate(rows[c.key]) }));
  for (const { key, agg } of aggs) {
    console.log(`\n${key}: mean F1 over ${agg.averaged.join(', ') || '-'} = ${agg.meanF1.toFixed(3)}`);
    for (const s of agg.subsets) {
      console.log(
        `  ${s.subset.padEnd(22)} files ${s.files} failed ${s.failed}  tp ${s.tp} fp ${s.fp} fn ${s.fn}  ` +
          `P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)} F1 ${s.f1.toFixed(3)}`,
      );
    }
  }
  console.log('\nranking:');
  for (const { key, agg } of aggs.slice().sort((x, y) => y.agg.meanF1 - x.agg.meanF1)) {
    const quiet = agg.subsets.find((s) => s.subset === 'artificialNoAnomaly');
    console.log(`  ${agg.meanF1.toFixed(3)}  ${key}${quiet ? `  (fp on artificialNoAnomaly: ${quiet.fp})` : ''}`);
  }
  const total = rows[first.key].reduce((t, r) => t + (r.seconds ?? 0), 0);
  console.log(`seconds: ${total.toFixed(0)} over ${files.length} files`);
  const meanAp = aps.reduce((x, y) => x + y, 0) / aps.length;
  if (aps.length)
    console.log(`\nmean AUC-PR (average precision) over ${aps.length} labeled files: ${meanAp.toFixed(3)}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
