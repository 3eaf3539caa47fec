#!/usr/bin/env node
/**
 * Issue 28's selection bench (docs/selection.md): run each model setting of the grid on both development sets
 * (the 14 NAB files of ../shared/data/nab and the synthetic `dev` suite, seed 28), as `evaluate --fit all --order
 * keep --seed 42` runs a file (same flag parsing, whole-series defaults, runPipeline), cache each file's per-step
 * errors, then score every post-processing setting on them, print one table per set and the rule's verdict per
 * candidate, and write the results JSON under bench/results/.
 *
 *   node dist/bench/select.js [--models D,resample-auto] [--sets nab,synth] [--files name,...] [--cache DIR]
 *     [--nab DIR] [--max-steps N] [--shard I/N] [--one-thread] [--report] [--partial] [--readme]
 *     [--incumbent NAME] [--round NAME] [--cpu TEXT] [--posts d,raw10,...]
 * Without --report it runs the models asked for (skipping those already cached in DIR, default select-cache/ in
 * the temporary folder); with --report it only reads the cache. --nab: the NAB files (default
 * ../shared/data/nab). --max-steps N: only the synthetic series of at most N steps (docs/selection.md says why).
 * --shard I/N: shard I of N of each set's files (balanced by size), cached apart; the report merges a set's
 * shards. --one-thread: train on one thread (same numbers). --partial: the report also reads runs stopped part
 * way (the files they finished; the tables count them). --readme splices the tables into README.md. --incumbent:
 * the model setting every candidate is judged against (default: today's defaults, resample-auto; round 2's was D);
 * --round NAME: the results file is select-<date>-NAME.json; --cpu: how the tables name the machine; --posts: the
 * post-processing settings the report crosses with the models (default: the grid's six; round 4 added raw10, raw20).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { useBackend } from '../src/backend/active';
import { EVALUATE_FLAGS } from '../src/cli/evaluate/evaluate-flags';
import { labelsFromFile } from '../src/cli/labels';
import { parseFlags } from '../src/cli/parse';
import { resolveRunFlags } from '../src/cli/resolve';
import { loadCsvSeries } from '../src/data';
import { makeSuite } from '../src/data/synth/suite';
import { seriesCsv, synthKey, windowsJson } from '../src/data/synth/write';
import { overlapSegment } from '../src/evaluate/overlap';
import { labelSteps } from '../src/evaluate/steps';
import { evaluateStage } from '../src/pipeline/evaluation';
import { runPipeline } from '../src/pipeline/run';
import { minOf } from '../src/util/extent';
import { nabLayout, nabSource } from './nab-layout';
import { autoResample } from './select-auto';
import { type CachedRun, MODELS, measure, replayEvents } from './select-grid';
import { report } from './select-report';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : undefined;
}

/** The synthetic dev suite written as `synth` writes it (CSV per series, windows.json), with each label's kind. */
function writeSynth(maxSteps: number): { dir: string; kinds: Map<string, string[]> } {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'select-synth-')), 'synth-dev');
  const suite = makeSuite('dev', { seed: 28 }).filter((s) => s.series.dates.length <= maxSteps);
  const kinds = new Map<string, string[]>();
  for (const s of suite) {
    const key = synthKey(s);
    fs.mkdirSync(path.join(dir, path.dirname(key)), { recursive: true });
    fs.writeFileSync(path.join(dir, key), seriesCsv(s));
    kinds.set(
      key,
      s.labels.map((l) => l.kind),
    );
  }
  fs.writeFileSync(path.join(dir, 'windows.json'), windowsJson(suite));
  return { dir, kinds };
}

function csvUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.csv'))
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

async function runSet(
  set: 'nab' | 'synth',
  dir: string,
  labelsFile: string,
  model: (typeof MODELS)[number],
  kinds: Map<string, string[]>,
  only: string[] | undefined,
  shard: [number, number],
  partial: string,
): Promise<CachedRun[]> {
  const f = parseFlags(
    ['--labels', labelsFile, '--fit', 'all', '--order', 'keep', '--seed', '42', ...model.flags],
    EVALUATE_FLAGS,
  );
  const { options } = resolveRunFlags(f);
  const out: CachedRun[] = [];
  const files = inShard(
    dir,
    csvUnder(dir).filter((r) => !only || only.some((o) => r.includes(o))),
    shard,
  );
  for (const rel of files) {
    const t0 = Date.now();
    const subset = rel.slice(0, rel.lastIndexOf('/'));
    let rows = 0;
    try {
      let series = loadCsvSeries(path.join(dir, rel), { order: 'keep' });
      rows = series.dates.length;
      let resample: string | undefined;
      if (model.resampleAuto) ({ series, chosen: resample } = autoResample(series));
      const labels = labelsFromFile(labelsFile, rel);
      const run = await runPipeline(series, options);
      run.detector.dispose();
      const ev = evaluateStage(run.stage, labels, 'windows.json');
      // the spans as evaluateStage forms them (labels inside the scored span), for the replay
      const inside = ev.labelHits.map((h) => ({ start: h.start, end: h.end }));
      const spans = labelSteps(inside, run.stage.dates, 'windows.json').spans;
      const raw = Array.from(run.stage.steps.perFeature);
      const x = Array.from(run.stage.steps.x);
      const replay = overlapSegment(
        spans,
        replayEvents(
          raw,
          {
            name: 'd',
            rule: String(options.threshold),
            smooth: 'auto',
            pad: Number(options.pad),
            prune: Number(options.prune),
            rawK: Number(options.extreme) || undefined,
            stuck: options.stuck === 'on' ? 'capped' : undefined,
          },
          x,
        ),
      );
      const o = ev.overlap;
      if (replay.tp !== o.tp || replay.fp !== o.fp || replay.fn + ev.labelsOutside !== o.fn)
        throw new Error(
          `replay differs from the pipeline: ${replay.tp}/${replay.fp}/${replay.fn} vs ${o.tp}/${o.fp}/${o.fn}`,
        );
      const seconds = (Date.now() - t0) / 1000;
      out.push({
        file: rel,
        subset,
        rows,
        raw,
        x,
        spans,
        outside: ev.labelsOutside,
        kinds: kinds.get(rel),
        resample,
        seconds,
        pipeline: { tp: o.tp, fp: o.fp, fn: o.fn },
      });
      console.log(
        `${model.name} ${set} ${rel}: ${run.stage.steps.length} steps${resample ? ` (${resample})` : ''}, tp/fp/fn ${o.tp}/${o.fp}/${o.fn}, ${seconds.toFixed(1)} s`,
      );
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      if (msg.startsWith('replay differs')) throw e;
      out.push({ file: rel, subset, rows, error: msg, seconds: (Date.now() - t0) / 1000 });
      console.log(`${model.name} ${set} ${rel}: FAILED ${msg}`);
    }
    fs.writeFileSync(partial, JSON.stringify(out));
  }
  return out;
}

/** The files of shard `i` of `n`: by size, largest first, each to the shard with the fewest bytes so far. */
function inShard(dir: string, files: string[], [i, n]: [number, number]): string[] {
  const size = (f: string): number => fs.statSync(path.join(dir, f)).size;
  const sorted = files.slice().sort((a, b) => size(b) - size(a));
  const load = new Array<number>(n).fill(0);
  const mine = new Set<string>();
  for (const f of sorted) {
    const k = load.indexOf(minOf(load));
    load[k] += size(f);
    if (k === i) mine.add(f);
  }
  return files.filter((f) => mine.has(f));
}

async function main(): Promise<void> {
  // one training thread per process: niced runs on a loaded machine starve a two-thread training in lockstep
  // (the numbers do not depend on the thread count; see LstmAutoencoder.predict)
  if (process.argv.includes('--one-thread')) (require('node:os') as typeof os).availableParallelism = () => 1;
  const src = nabSource(flag('nab'));
  if (!src) return;
  const cache = flag('cache') ?? path.join(os.tmpdir(), 'select-cache');
  fs.mkdirSync(cache, { recursive: true });
  const sets = (flag('sets') ?? 'nab,synth').split(',') as ('nab' | 'synth')[];
  const names = (flag('models') ?? MODELS.map((m) => m.name).join(',')).split(',');
  const only = flag('files')?.split(',');
  const [si, sn] = (flag('shard') ?? '0/1').split('/').map(Number);
  if (!process.argv.includes('--report')) {
    console.log(`backend ${await useBackend('auto')}; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}`);
    const nab = nabLayout(src);
    const synth = writeSynth(Number(flag('max-steps') ?? Infinity));
    for (const name of names) {
      const model = MODELS.find((m) => m.name === name);
      if (!model) throw new Error(`unknown model setting ${name}`);
      for (const set of sets) {
        const tail = `${only ? '-part' : ''}${sn > 1 ? `.shard-${si}-of-${sn}` : ''}`;
        const file = path.join(cache, `${name}-${set}${tail}.json`);
        if (fs.existsSync(file)) continue;
        const runs =
          set === 'nab'
            ? await runSet(
                set,
                nab,
                path.join(src, 'windows.json'),
                model,
                new Map(),
                only,
                [si, sn],
                `${file}.partial`,
              )
            : await runSet(
                set,
                synth.dir,
                path.join(synth.dir, 'windows.json'),
                model,
                synth.kinds,
                only,
                [si, sn],
                `${file}.partial`,
              );
        fs.writeFileSync(file, JSON.stringify(runs));
        const m = measure(set, runs, { name: 'd', rule: 'window-sigma:3', smooth: 'auto', pad: 100, prune: 0.13 });
        const secs = runs.reduce((s, r) => s + r.seconds, 0);
        console.log(
          `${name} ${set}: headline ${m.headline.toFixed(3)} (${m.tp}/${m.fp}/${m.fn}), ${secs.toFixed(0)} s`,
        );
      }
    }
  }
  if (!only && sn === 1)
    report(cache, process.argv.includes('--readme'), process.argv.includes('--partial'), {
      incumbent: flag('incumbent'),
      round: flag('round'),
      cpu: flag('cpu'),
      posts: flag('posts')?.split(','),
    });
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
