#!/usr/bin/env node
/**
 * The ensemble candidate of docs/selection.md ("Ensemble candidate", written before its results): `ensemble:lstm,pca`
 * with model D and post-processing d, on both whole development sets, judged against the incumbent D/d by the
 * rule (bench/select-grid.ts `judge`). The LSTM's per-step errors are model D's, cached by bench/select.ts (read,
 * never written); PCA's are computed here as `evaluate --detector pca --fit all --order keep --seed 42` runs a
 * file (same flags, same whole-series options); the two are combined by the detector's own functions
 * (`medianScale`, `combineScores` of src/detector/ensemble/combine.ts) and replayed with d (`replayEvents`).
 * First, on one small NAB file, the real run `evaluate --detector ensemble:lstm,pca --fit all --order keep --seed 42`
 * (flags parsed as evaluate parses them, runPipeline, evaluateStage) must give the replay's per-step scores and
 * tp/fp/fn, or the bench stops.
 *
 *   node dist/bench/select-ensemble.js --cache DIR [--nab DIR] [--check NAME|none] [--check-only] [--one-thread] [--save]
 * --cache: bench/select.ts's cache (D-nab and D-synth, whole or in shards). --nab: the NAB files (default
 * ../shared/data/nab). --check: the NAB file of the check (default rogue_agent_key_hold, the smallest);
 * --check-only: the check alone (needs D's NAB runs only). --save: also write
 * bench/results/select-ensemble-<date>.json. Exit 3 when D is not cached on both whole sets yet.
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
import { combineScores, medianScale, memberSteps } from '../src/detector/ensemble/combine';
import { createDetector } from '../src/detector/registry';
import { overlapSegment } from '../src/evaluate/overlap';
import { evaluateStage } from '../src/pipeline/evaluation';
import { runPipeline } from '../src/pipeline/run';
import { packageRoot } from '../src/util/paths';
import { nabLayout, nabSource } from './nab-layout';
import { ensembleTable } from './select-ensemble-table';
import { type CachedRun, judge, measure, type PostSetting, replayEvents, type SetMeasures } from './select-grid';

const D: PostSetting = { name: 'd', rule: 'window-sigma:3', smooth: 'auto', pad: 100, prune: 0.13 };
const MEMBERS = 'ensemble:lstm,pca';

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : undefined;
}

/** Model D's cached runs of a set: its one file, or all its shards (undefined while any is missing). */
function loadD(cache: string, set: 'nab' | 'synth'): CachedRun[] | undefined {
  const read = (f: string): CachedRun[] => JSON.parse(fs.readFileSync(path.join(cache, f), 'utf8')) as CachedRun[];
  if (fs.existsSync(path.join(cache, `D-${set}.json`))) return read(`D-${set}.json`);
  const shards = fs.readdirSync(cache).filter((f) => f.startsWith(`D-${set}.shard-`) && f.endsWith('.json'));
  const n = Number(/-of-(\d+)\.json$/.exec(shards[0] ?? '')?.[1] ?? 0);
  if (!n || shards.length !== n) return undefined;
  return shards.flatMap(read).sort((a, b) => a.file.localeCompare(b.file));
}

/** The synthetic dev suite (seed 28, all its series) written as bench/select.ts writes it. */
function writeSynth(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'select-ensemble-synth-')), 'synth-dev');
  const suite = makeSuite('dev', { seed: 28 });
  for (const s of suite) {
    const key = synthKey(s);
    fs.mkdirSync(path.join(dir, path.dirname(key)), { recursive: true });
    fs.writeFileSync(path.join(dir, key), seriesCsv(s));
  }
  fs.writeFileSync(path.join(dir, 'windows.json'), windowsJson(suite));
  return dir;
}

/** The run options of `evaluate --fit all --order keep --seed 42 --detector <kind>`, as evaluate resolves them. */
function options(labels: string, detector: string) {
  const f = parseFlags(
    // the post-processing this candidate was judged with, d: round 4's extreme steps came after it
    ['--labels', labels, '--fit', 'all', '--order', 'keep', '--seed', '42', '--detector', detector, '--extreme', '0'],
    EVALUATE_FLAGS,
  );
  return resolveRunFlags(f).options;
}

/** PCA's raw per-step errors of one file, as the ensemble's member computes them. */
async function pcaSteps(file: string, labels: string): Promise<Float64Array> {
  const o = options(labels, 'pca');
  const series = loadCsvSeries(file, { order: 'keep' });
  const det = createDetector('pca', o);
  await det.fit(series);
  const raw = memberSteps(await det.score(series), o.aggregate ?? 'median', det.options.window);
  det.dispose();
  return raw;
}

/** The ensemble's per-step scores of a file from the LSTM's cached errors and PCA's (the detector's functions). */
function combined(lstm: ArrayLike<number>, pca: ArrayLike<number>): Float64Array {
  return combineScores([lstm, pca], [medianScale(lstm), medianScale(pca)]);
}

/** The ensemble's runs of a set: each cached D run with its errors replaced by the combined ones. */
async function ensembleRuns(runs: CachedRun[], dir: string, labels: string, set: string): Promise<CachedRun[]> {
  const out: CachedRun[] = [];
  for (const r of runs) {
    if (r.error || !r.raw) {
      out.push({ ...r }); // the LSTM member fails there too (a constant series)
      continue;
    }
    const t0 = Date.now();
    let pca: Float64Array;
    try {
      pca = await pcaSteps(path.join(dir, r.file), labels);
    } catch (e) {
      // the ensemble fails where a member does
      const error = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      out.push({ file: r.file, subset: r.subset, rows: r.rows, error, seconds: r.seconds });
      console.log(`pca ${set} ${r.file}: FAILED ${error}`);
      continue;
    }
    if (pca.length !== r.raw.length)
      throw new Error(`${r.file}: PCA scores ${pca.length} steps, the LSTM ${r.raw.length}`);
    const raw = Array.from(combined(r.raw, pca));
    const seconds = r.seconds + (Date.now() - t0) / 1000;
    out.push({ ...r, raw, seconds, pipeline: undefined });
    console.log(`pca ${set} ${r.file}: ${pca.length} steps, ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return out;
}

/** The check: the real `evaluate --detector ensemble:lstm,pca` on one NAB file against the replay. */
async function check(nab: string, labels: string, runs: CachedRun[], name: string): Promise<string> {
  const r = runs.find((x) => path.basename(x.file, '.csv') === name);
  if (!r?.raw || !r.spans) throw new Error(`check: no cached D run of ${name}`);
  const t0 = Date.now();
  const series = loadCsvSeries(path.join(nab, r.file), { order: 'keep' });
  const run = await runPipeline(series, options(labels, MEMBERS));
  run.detector.dispose();
  const ev = evaluateStage(run.stage, labels ? labelsFromFile(labels, r.file) : [], 'windows.json');
  const replayed = combined(r.raw, await pcaSteps(path.join(nab, r.file), labels));
  const same = Buffer.from(Float64Array.from(run.stage.steps.perFeature).buffer).equals(Buffer.from(replayed.buffer));
  const rc = overlapSegment(r.spans, replayEvents(replayed, D));
  const o = ev.overlap;
  const counts = `${o.tp}/${o.fp}/${o.fn}`;
  if (!same || rc.tp !== o.tp || rc.fp !== o.fp || rc.fn + (r.outside ?? 0) !== o.fn)
    throw new Error(
      `check ${r.file}: evaluate --detector ${MEMBERS} gives ${counts}, the replay ${rc.tp}/${rc.fp}/${rc.fn}` +
        `${same ? '' : ' (per-step scores differ)'}`,
    );
  return `check ${r.file}: evaluate --detector ${MEMBERS} --fit all --order keep --seed 42 gives tp/fp/fn ${counts}, the replay the same (per-step scores bit for bit), ${((Date.now() - t0) / 1000).toFixed(0)} s`;
}

const f3 = (v: number): string => v.toFixed(3);

function line(name: string, set: 'nab' | 'synth', m: SetMeasures): string {
  const head = `${name} ${set}: headline ${f3(m.headline)} (tp/fp/fn ${m.tp}/${m.fp}/${m.fn}), recall ${f3(m.recall)}`;
  const fp = `${m.fpPer10k.toFixed(2)} false events per 10,000 steps`;
  const kinds = Object.entries(m.kinds)
    .sort()
    .map(([k, [hit, all]]) => `${k} ${hit}/${all}`)
    .join(', ');
  return set === 'nab'
    ? `${head}, controls ${m.controlFp} false events, ${m.failed} failed`
    : `${head}, ${fp}, ${m.failed} failed; kinds: ${kinds}`;
}

async function main(): Promise<void> {
  // one training thread (the check's LSTM), as bench/select.ts --one-thread: the numbers do not depend on it
  if (process.argv.includes('--one-thread')) (require('node:os') as typeof os).availableParallelism = () => 1;
  const src = nabSource(flag('nab'));
  if (!src) return;
  const cache = flag('cache') ?? path.join(os.tmpdir(), 'select-cache');
  const nabD = loadD(cache, 'nab');
  const synthD = loadD(cache, 'synth');
  const checkOnly = process.argv.includes('--check-only');
  if (!nabD || (!synthD && !checkOnly)) {
    console.log(`not run: model D is not cached on both whole sets in ${cache} (nab ${!!nabD}, synth ${!!synthD})`);
    process.exitCode = 3;
    return;
  }
  console.log(`backend ${await useBackend('auto')}; ${os.cpus().length} cores, ${os.cpus()[0]?.model ?? '?'}`);
  const nab = nabLayout(src);
  const nabLabels = path.join(src, 'windows.json');
  const checkName = flag('check') ?? 'rogue_agent_key_hold';
  const checked = checkName === 'none' ? undefined : await check(nab, nabLabels, nabD, checkName);
  if (checked) console.log(checked);
  if (checkOnly || !synthD) return;
  const synth = writeSynth();
  const nabE = await ensembleRuns(nabD, nab, nabLabels, 'nab');
  const synthE = await ensembleRuns(synthD, synth, path.join(synth, 'windows.json'), 'synth');
  const inc = judge(
    { model: 'D', post: 'd', nab: measure('nab', nabD, D), synth: measure('synth', synthD, D) },
    undefined,
  );
  const cand = judge(
    { model: MEMBERS, post: 'd', nab: measure('nab', nabE, D), synth: measure('synth', synthE, D) },
    inc,
  );
  console.log('');
  for (const v of [inc, cand]) {
    console.log(line(`${v.model}/d`, 'nab', v.nab));
    console.log(line(`${v.model}/d`, 'synth', v.synth));
  }
  console.log(
    `verdict (docs/selection.md): ${MEMBERS} with d ${cand.passes ? 'PASSES' : 'does not pass'}: ${cand.why}`,
  );
  console.log(`\n${ensembleTable({ incumbent: inc, candidate: cand })}`);
  if (process.argv.includes('--save')) {
    const day = new Date().toISOString().slice(0, 10);
    const file = path.join(packageRoot(), 'bench', 'results', `select-ensemble-${day}.json`);
    const json = { cpu: os.cpus()[0]?.model, post: D, check: checked, incumbent: inc, candidate: cand };
    fs.writeFileSync(file, `${JSON.stringify(json, null, 1)}\n`);
    console.log(`results: ${file}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
