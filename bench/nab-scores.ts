#!/usr/bin/env node
/**
 * Issues 14/15 exploration cache: run one detector over the 14 development NAB files of ../shared/data/nab as
 * `evaluate --fit all --resample 10min --order keep --seed 42` runs it (same flag parsing, whole-series defaults,
 * runPipeline), but with `--smooth 0`, and save each file's raw per-step scores and label spans, so that
 * post-processing (smoothing, threshold rule, pad, prune, ensembles) can be explored offline with
 * bench/nab-explore.ts in seconds instead of refitting.
 *
 *   node dist/bench/nab-scores.js --tag lstm-e10 [--out DIR] [evaluate flags, e.g. --detector zscore --epochs 20]
 * DIR defaults to nab-scores/ in the temporary folder; the cache is DIR/<tag>.json.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { csvFilesUnder } from '../src/cli/evaluate/evaluate';
import { EVALUATE_FLAGS } from '../src/cli/evaluate/evaluate-flags';
import { eventFlags, withResample } from '../src/cli/events-flags';
import { labelsFromFile } from '../src/cli/labels';
import { parseFlags } from '../src/cli/parse';
import { resolveRunFlags } from '../src/cli/resolve';
import { loadCsvSeries } from '../src/data';
import { labelSteps } from '../src/evaluate/steps';
import { runPipeline } from '../src/pipeline/run';
import { nabLayout, nabSource } from './nab-layout';

/** One file's cached scores. */
export interface CachedFile {
  file: string;
  subset: string;
  error?: string;
  /** Raw (unsmoothed) per-step score of the scored span. */
  raw?: number[];
  /** Label spans as step index ranges of the span. */
  spans?: [number, number][];
  seconds: number;
}

function take(argv: string[], name: string): { value?: string; rest: string[] } {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return { rest: argv };
  return { value: argv[i + 1], rest: [...argv.slice(0, i), ...argv.slice(i + 2)] };
}

async function main(): Promise<void> {
  const src = nabSource();
  if (!src) return;
  let argv = process.argv.slice(2);
  const tag = take(argv, 'tag');
  argv = tag.rest;
  const outArg = take(argv, 'out');
  argv = outArg.rest;
  const out = outArg.value ?? path.join(os.tmpdir(), 'nab-scores');
  const dir = nabLayout(src);
  const labelsFile = path.join(src, 'windows.json');
  const f = parseFlags(
    ['--labels', labelsFile, '--fit', 'all', '--resample', '10min', '--order', 'keep', '--seed', '42', ...argv],
    EVALUATE_FLAGS,
  );
  f.smooth = '0';
  const { options } = resolveRunFlags(f);
  console.log(`${tag.value}: ${JSON.stringify(options)}`);
  const files: CachedFile[] = [];
  for (const rel of csvFilesUnder(dir)) {
    const t0 = Date.now();
    const subset = rel.slice(0, rel.lastIndexOf('/'));
    try {
      // the record of the resampling: the run takes it as it is, not resampling again
      const once = withResample(loadCsvSeries(path.join(dir, rel), { order: eventFlags(f).order }), f);
      const labels = labelsFromFile(labelsFile, rel);
      const run = await runPipeline(once, options);
      run.detector.dispose();
      const spans = labelSteps(labels, run.stage.dates, 'windows.json').spans;
      const seconds = (Date.now() - t0) / 1000;
      files.push({ file: rel, subset, raw: Array.from(run.stage.steps.scores), spans, seconds });
      console.log(`${rel}: ${run.stage.steps.length} steps, ${spans.length} labels, ${seconds.toFixed(1)} s`);
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      files.push({ file: rel, subset, error: msg, seconds: (Date.now() - t0) / 1000 });
      console.log(`${rel}: error ${msg}`);
    }
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, `${tag.value}.json`), JSON.stringify({ tag: tag.value, options, files }));
  console.log(`wrote ${path.join(out, `${tag.value}.json`)}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
