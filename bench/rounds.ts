/**
 * The timed runs of `npm run bench`, each in its own process: the contenders (bench/contender.ts), the medians of
 * their rounds, and the default CLI run end to end.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BenchArgs } from './bench-args';
import type { ContenderResult } from './contender';

/**
 * One contender (`bench/contender.ts`: `layers`, `engine1`, `engine2`, `profile`) in its own process, with the
 * compute `gemm` and the native build `native` (`LSTM_ANOMALY_NATIVE`); prints and returns its figures.
 * @throws Error when the child fails.
 * @example
 * contender(root, 'engine2', args, 3, 'native', 'avx2').trainSeqPerSec;
 */
export function contender(
  root: string,
  kind: string,
  a: BenchArgs,
  epochs: number,
  gemm = 'auto',
  native = '',
): ContenderResult {
  process.stdout.write(`  ${kind}${gemm === 'auto' ? '' : ` (${gemm}${native ? ` ${native}` : ''})`} ...`);
  const r = spawnSync(
    process.execPath,
    [path.join(root, 'dist', 'bench', 'contender.js'), kind, String(a.windows), String(epochs), a.backend, gemm],
    {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: native ? { ...process.env, LSTM_ANOMALY_NATIVE: native } : process.env,
    },
  );
  if (r.status !== 0) throw new Error(`${kind} failed: ${(r.stderr || '').trim().split('\n').pop()}`);
  const res = JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as ContenderResult;
  console.log(
    ` train ${res.trainSeqPerSec.toFixed(0)} seq/s, infer ${res.inferSeqPerSec.toFixed(0)} seq/s, peak ${res.peakRssMiB} MiB`,
  );
  return res;
}

/**
 * The median of a contender's rounds by training rate (the lower middle one of an even count), with every
 * round's training rate in `trainRuns`, slowest first, and in `trainByRound` in the order the rounds ran (so that
 * two contenders' rates can be paired by round).
 * @throws Error for no rounds.
 * @example
 * medianRound([r1, r2, r3]).trainRuns; // e.g. [2900, 3050, 3100]
 */
export function medianRound(runs: ContenderResult[]): ContenderResult {
  if (runs.length === 0) throw new Error('medianRound: no rounds');
  const sorted = [...runs].sort((p, q) => p.trainSeqPerSec - q.trainSeqPerSec);
  return {
    ...sorted[(sorted.length - 1) >> 1],
    trainRuns: sorted.map((c) => c.trainSeqPerSec),
    trainByRound: runs.map((c) => c.trainSeqPerSec),
  };
}

/** One timed default CLI run: what it trained, and `runs` (seconds of every repeat) on the median one. */
export interface CliRun {
  seconds: number;
  epochs: number;
  trainSeconds: number;
  seqPerSec: number;
  anomalies: number;
  backend: string;
  engine: string;
  runs?: number[];
}

/**
 * The default CLI run `n` times in each environment of `envs` (`env` added to this one's), taking turns (a
 * round of every environment, then the next round), so that a change in the machine's load falls on each alike;
 * per environment the median run (by seconds), with every run's seconds.
 * @throws Error when a run fails.
 * @example
 * cliRuns(root, 3, [{}, { LSTM_ANOMALY_NATIVE: '0' }])[1].seconds;
 */
export function cliRuns(root: string, n: number, envs: Record<string, string>[]): CliRun[] {
  const all = envs.map((): CliRun[] => []);
  for (let i = 0; i < n; i++) envs.forEach((env, j) => all[j].push(cliRun(root, env)));
  return all.map((runs) => {
    const sorted = runs.sort((p, q) => p.seconds - q.seconds);
    return { ...sorted[(n - 1) >> 1], runs: sorted.map((c) => c.seconds) };
  });
}

/** The default CLI run (`lstm-anomaly --quiet`), timed end to end, with what it trained. */
function cliRun(root: string, env: Record<string, string>): CliRun {
  process.stdout.write(
    `  default CLI run${
      Object.keys(env).length
        ? ` (${Object.entries(env)
            .map(([k, v]) => `${k}=${v}`)
            .join(' ')})`
        : ''
    } ...`,
  );
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-bench-'));
  try {
    const t = Date.now();
    const r = spawnSync(
      process.execPath,
      [path.join(root, 'dist', 'src', 'cli', 'main.js'), '--quiet', '--out', path.join(out, 'run')],
      {
        encoding: 'utf8',
        env: { ...process.env, ...env },
      },
    );
    const seconds = (Date.now() - t) / 1000;
    if (r.status !== 0) throw new Error(`the CLI run failed: ${r.stderr.trim()}`);
    const res = JSON.parse(fs.readFileSync(path.join(out, 'run', 'result.json'), 'utf8'));
    const c = {
      seconds,
      epochs: res.training.epochs,
      trainSeconds: res.training.seconds,
      seqPerSec: res.training.seqPerSec,
      anomalies: res.anomalies.length,
      backend: res.training.backend,
      engine: res.training.engine ?? '',
    };
    console.log(
      ` ${seconds.toFixed(1)} s (${c.epochs} epochs at ${c.seqPerSec.toFixed(0)} seq/s, ${c.anomalies} anomalies)`,
    );
    return c;
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
}
