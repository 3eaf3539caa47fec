import * as fs from 'fs';
import * as path from 'path';
import type { Aggregate } from '../evaluate/aggregate';
import { writeDirAtomic } from '../util/atomic';
import { today } from './detect';

/** One detector's evaluation in a comparison. */
export interface DetectorEvaluation {
  kind: string;
  agg: Aggregate;
  /** Wall-clock seconds over all files, and per file. */
  seconds: number;
  secondsPerFile: number;
}

/** argv without the flags the comparison sets itself (--compare, --detector, --out). */
function stripped(argv: string[]): { rest: string[]; out?: string } {
  const rest: string[] = [];
  let out: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const [name, value] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    if (name === '--compare' || name === '--detector' || name === '--out') {
      const v = value ?? argv[++i];
      if (name === '--out') out = v;
    } else rest.push(argv[i]);
  }
  return { rest, out };
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
 * `comparison.json` and `comparison.md`. The folder is written atomically: all of it or nothing.
 *
 * @throws InputError from any detector's evaluation (bad flags, labels), before its files are written.
 * @example
 * await compareEvaluate(['data/nab', '--labels', 'w.json', '--fit', 'all'], ['lstm', 'pca'], evaluateCommand);
 */
export async function compareEvaluate(
  argv: string[],
  kinds: string[],
  evaluate: (argv: string[]) => Promise<Aggregate>,
): Promise<DetectorEvaluation[]> {
  const { rest, out: given } = stripped(argv);
  const out = given ?? path.join('reports', `evaluation-compare-${today()}`);
  const quiet = rest.includes('--quiet');
  const results: DetectorEvaluation[] = [];
  await writeDirAtomic(out, async (tmp) => {
    for (const kind of kinds) {
      if (!quiet) process.stderr.write(`== ${kind}\n`);
      const t0 = Date.now();
      const agg = await evaluate([
        ...rest.filter((a) => a !== '--quiet'),
        '--detector',
        kind,
        '--out',
        path.join(tmp, kind),
        ...(quiet ? ['--quiet'] : []),
      ]);
      const seconds = (Date.now() - t0) / 1000;
      results.push({ kind, agg, seconds, secondsPerFile: seconds / Math.max(1, agg.files.length) });
    }
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
  if (!quiet) {
    process.stderr.write(`\nF1 (tp/fp/fn summed per sub-folder):\n${comparisonMarkdown(results)}\n`);
    process.stderr.write(
      `comparison: ${path.join(out, 'comparison.md')}; each detector's evaluation: ` +
        `${kinds.map((k) => path.join(out, k, 'evaluation.html')).join(', ')}\n`,
    );
  } else process.stdout.write(`${out}\n`);
  return results;
}
