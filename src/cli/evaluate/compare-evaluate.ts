import * as fs from 'fs';
import * as path from 'path';
import { detectorKind } from '../../detector/registry';
import type { Aggregate } from '../../evaluate/aggregate';
import { stripControl } from '../../util/sanitize';
import { writeOutput } from '../out-dir';
import type { CliFlags } from '../parse';
import { type EvaluateRun, runEvaluation, summaryLines, writeEvaluation } from './evaluate-run';

/** One detector's evaluation in a comparison. */
export interface DetectorEvaluation {
  kind: string;
  agg: Aggregate;
  /** Wall-clock seconds over all files, and per file. */
  seconds: number;
  secondsPerFile: number;
}

const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');

/**
 * The comparison table of evaluations as Markdown: per sub-folder each detector's F1 with its summed counts,
 * the mean F1 over sub-folders and the seconds per file.
 *
 * @throws never.
 * @example
 * console.log(comparisonMarkdown(results));
 */
export function comparisonMarkdown(results: DetectorEvaluation[]): string {
  const subsets = [...new Set(results.flatMap((r) => r.agg.subsets.map((s) => s.subset)))].sort();
  const head = `| sub-folder | ${results.map((r) => r.kind).join(' | ')} |`;
  const sep = `|---|${results.map(() => '---:').join('|')}|`;
  const rows = subsets.map(
    (sub) =>
      `| ${sub} | ${results
        .map((r) => {
          const s = r.agg.subsets.find((x) => x.subset === sub);
          return s ? `${f3(s.f1)} (${s.tp}/${s.fp}/${s.fn})` : '-';
        })
        .join(' | ')} |`,
  );
  const mean = `| **mean F1** | ${results.map((r) => `**${f3(r.agg.meanF1)}**`).join(' | ')} |`;
  const secs = `| s per file | ${results.map((r) => r.secondsPerFile.toFixed(1)).join(' | ')} |`;
  return [head, sep, ...rows, mean, secs].join('\n');
}

/**
 * `evaluate DIR --compare A,B,..`: the evaluation of each detector (its own table, files in `<out>/<kind>/`),
 * then a comparison table (F1 with tp/fp/fn per sub-folder for each detector, mean F1, seconds per file), in
 * `comparison.json` and `comparison.md`. `out` was checked before (resolveOut); the folder is written
 * atomically: all of it or nothing. A stop (SIGINT/SIGTERM) ends the detector running, writes the ones that ran
 * (with the files that finished) and exits 130 or 143.
 *
 * @throws InputError for bad flags; whatever `ctx.check` throws on the runs (every file failed): nothing is
 * written then.
 * @example
 * await compareEvaluate('data/nab', files, flags, 'w.json', ['lstm', 'pca'], out, { log, stop, check });
 */
export async function compareEvaluate(
  dir: string,
  files: string[],
  f: CliFlags,
  labels: string | undefined,
  kinds: string[],
  out: string,
  ctx: {
    log: (m: string) => void;
    stop: AbortSignal;
    check: (runs: EvaluateRun[]) => void;
    manifest?: Map<string, string>;
  },
): Promise<DetectorEvaluation[]> {
  const results: DetectorEvaluation[] = [];
  const runs: EvaluateRun[] = [];
  for (const kind of kinds) {
    if (ctx.stop.aborted) break;
    ctx.log(`== ${kind}`);
    const t0 = Date.now();
    const run = await runEvaluation(dir, files, { ...f, detector: detectorKind(kind) }, labels, {
      compared: true,
      log: ctx.log,
      stop: ctx.stop,
      manifest: ctx.manifest,
    });
    for (const line of summaryLines(run, path.join(out, kind))) ctx.log(line);
    const seconds = (Date.now() - t0) / 1000;
    runs.push(run);
    results.push({ kind, agg: run.agg, seconds, secondsPerFile: seconds / Math.max(1, run.agg.files.length) });
  }
  ctx.check(runs);
  if (runs.some((r) => r.results.length > 0)) {
    await writeOutput(out, 'evaluate', (tmp) => {
      for (let i = 0; i < runs.length; i++) writeEvaluation(path.join(tmp, results[i].kind), runs[i]);
      const json = results.map((r) => ({
        kind: r.kind,
        meanF1: r.agg.meanF1,
        averaged: r.agg.averaged,
        measures: r.agg.measures,
        subsets: r.agg.subsets,
        seconds: r.seconds,
        secondsPerFile: r.secondsPerFile,
      }));
      fs.writeFileSync(path.join(tmp, 'comparison.json'), JSON.stringify(json, null, 1));
      fs.writeFileSync(path.join(tmp, 'comparison.md'), `${comparisonMarkdown(results)}\n`);
    });
  }
  ctx.log(`\nF1 (tp/fp/fn summed per sub-folder):\n${comparisonMarkdown(results)}`);
  ctx.log(
    `comparison: ${stripControl(path.join(out, 'comparison.md'))}; each detector's evaluation: ` +
      `${results.map((r) => stripControl(path.join(out, r.kind, 'evaluation.html'))).join(', ')}`,
  );
  const stopped = ctx.stop.aborted ? (ctx.stop.reason as NodeJS.Signals) : undefined;
  if (stopped) process.exit(stopped === 'SIGINT' ? 130 : 143);
  return results;
}
