/** What one `npm run bench` measured (`BenchResult`), and the targets of issue 16 it is checked against. */
import type { ContenderResult } from './contender';
import { type FmaLimit, shareOfLimit } from './limit';
import type { CliRun } from './rounds';

/** The targets `npm run bench` checks (issue 16). */
export const TARGETS = { avx512VsAvx2: 1.6, vsPytorch: 5, productsOfPeak: 0.7, cliSeconds: 15 };

/** The targets of issue 27: against PyTorch 2.x and the machine's 2-thread FMA limit, and `watch`'s latency. */
/**
 * Rows scored by default: the 99th percentile of 5,000 rows rests on the slowest 50, not 5 (on 500 rows one
 * garbage collection or one descheduling moved it by a millisecond).
 */
export const WATCH_ROWS = 5000;

export const TARGETS_27 = { vsPytorch2: 3, ofTwoThreadLimit: 0.8, inferVsPytorch2: 2, watchP99Ms: 2, aerVsLstm: 0.8 };

/**
 * AER's training speed against the LSTM autoencoder's on the engine (bench/aer.ts, one thread each): windows per
 * second of each, and `ratio`, AER's windows x parameters per second over the LSTM's (issue 27: at least 0.8).
 */
export interface AerSpeed {
  windows: number;
  window: number;
  aer: { units: number; parameters: number; windowsPerSec: number; engine: string };
  lstm: { units: number; parameters: number; windowsPerSec: number; engine: string };
  ratio: number;
  /** The same in forward multiply-adds per second. */
  macsRatio: number;
}

/**
 * PyTorch 2.x's best training and best no_grad scoring rows among `contenders` (each its fastest configuration,
 * which may be different rows), or undefined where no 2.x ran.
 * @example
 * torch2Anchor(result.contenders)?.train.name; // 'PyTorch 2.5.1+cpu 1 thread'
 */
export function torch2Anchor(
  contenders: ContenderResult[],
): { train: ContenderResult; infer: ContenderResult } | undefined {
  const t2 = contenders.filter((c) => c.torch && /^2\./.test(c.torch));
  if (!t2.length) return undefined;
  const best = (k: 'trainSeqPerSec' | 'inferSeqPerSec') => t2.reduce((q, c) => (c[k] > q[k] ? c : q));
  return { train: best('trainSeqPerSec'), infer: best('inferSeqPerSec') };
}

/**
 * Issue 27's figures from one run: the engine's best training and scoring rates against PyTorch 2.x's best of
 * each, training's share of the 2-thread FMA limit, and `watch`'s 99th percentile (null where not measured).
 * @example
 * targets27(5000, 20000, result.contenders, result.limit, result.watch).vsPytorch2; // e.g. 4.2
 */
export function targets27(
  bestTrain: number,
  bestInfer: number,
  contenders: ContenderResult[],
  limit?: BenchResult['limit'],
  watch?: BenchResult['watch'],
): Pick<Required<BenchResult['targets']>, 'vsPytorch2' | 'ofTwoThreadLimit' | 'inferVsPytorch2' | 'watchP99Ms'> {
  const t2 = torch2Anchor(contenders);
  return {
    vsPytorch2: t2 ? bestTrain / t2.train.trainSeqPerSec : null,
    ofTwoThreadLimit: limit ? shareOfLimit(bestTrain, limit.trainFlopsPerSeq, limit.fma.two) : null,
    inferVsPytorch2: t2 ? bestInfer / t2.infer.inferSeqPerSec : null,
    watchP99Ms: watch ? watch.p99Ms : null,
  };
}

/** A ratio as `2.5x`. */
export const x = (v: number) => `${v.toFixed(1)}x`;

/** A share as `70%`. */
export const pct = (v: number) => `${(100 * v).toFixed(0)}%`;

/** Everything one `npm run bench` measured (bench/results/bench-<date>.json). */
export interface BenchResult {
  version: string;
  date: string;
  machine: string;
  node: string;
  backend: string;
  windows: number;
  /** tfjs-layers first (the "vs stock" base), the engine's steps, then PyTorch's runs. */
  contenders: ContenderResult[];
  ratios: { trainVsStock: number; inferVsStock: number };
  bestTrainSeqPerSec: number;
  /** PyTorch in this run: its fastest configuration, or why it was not run. */
  pytorch?: { best?: ContenderResult; skipped?: string };
  /** The measured peak of one core at each width (GFLOP/s), the products' rates, and the training limit it implies. */
  peak?: {
    gflops128: number;
    gflops256: number;
    gflops512?: number;
    products?: { build: string; bits: number; gflops: number; peak: number }[];
    flopsPerSeq?: number;
    limitSeqPerSec: number;
  };
  /** The issue's targets: null where not measured (issue 27's absent in results before it). */
  targets: {
    avx512VsAvx2: number | null;
    vsPytorch: number | null;
    productsOfPeak: number | null;
    cliSeconds: number | null;
    vsPytorch2?: number | null;
    ofTwoThreadLimit?: number | null;
    inferVsPytorch2?: number | null;
    watchP99Ms?: number | null;
    aerVsLstm?: number | null;
  };
  /** Issue 27: the model's FLOPs per sequence and the FMA loop on 1 thread and on 2 at once, at the widest width. */
  limit?: { trainFlopsPerSeq: number; forwardFlopsPerSeq: number; fma: FmaLimit; loadAverage: number[] };
  /** `watch`'s per-row latency (ms) of this project, and PyTorch 2.x's scoring one window at a time. */
  watch?: { rows: number; p50Ms: number; p99Ms: number; torchP50Ms?: number; torchP99Ms?: number };
  /** AER's training speed per parameter against the LSTM autoencoder's. */
  aer?: AerSpeed;
  /** The work users wait for: `evaluate` on the development files, a notebook's full run. */
  work?: { name: string; seconds: number; files: number; perFile: number }[];
  /** Where one training thread's time goes, per engine step (compute provider). */
  profiles?: (NonNullable<ContenderResult['profile']> & { provider: string })[];
  /** The default CLI run (the best native build where it loads). */
  cli?: CliRun;
  /** The same forced to the AVX2 build, where the AVX-512 one runs. */
  cliAvx2?: CliRun;
  /** The same with the native kernels off (LSTM_ANOMALY_NATIVE=0), when they load. */
  cliWasm?: CliRun;
}

/**
 * The ratios and targets of a bench result (null where a contender is missing).
 * @example
 * benchTargets(result).filter((t) => t.met === false).map((t) => t.name);
 */
export function benchTargets(
  r: BenchResult,
): { name: string; value: number | null; shown: string; target: string; met: boolean | null; note?: string }[] {
  const t = r.targets;
  const row = (
    name: string,
    value: number | null,
    shown: (v: number) => string,
    target: string,
    met: (v: number) => boolean,
  ) => ({
    name,
    value,
    shown: value === null ? 'not measured' : shown(value),
    target,
    met: value === null ? null : met(value),
  });
  // The AVX-512 goal assumes 512-bit fused multiply-adds at twice the 256-bit rate (Zen 5); a CPU that splits them
  // in two (Zen 4) has one peak at both widths, and the table says so beside the figure.
  const widths = r.peak?.gflops512 ? r.peak.gflops512 / r.peak.gflops256 : null;
  const avx512 = row(
    'training, AVX-512 build vs AVX2 build, 2 threads',
    t.avx512VsAvx2,
    x,
    `>= ${TARGETS.avx512VsAvx2}x`,
    (v) => v >= TARGETS.avx512VsAvx2,
  );
  const note =
    widths !== null && widths < 1.5 && avx512.met === false
      ? `this CPU's 512-bit peak is ${widths.toFixed(2)}x its 256-bit peak; the goal assumes 2x`
      : undefined;
  return [
    { ...avx512, note },
    row(
      "training, best engine vs PyTorch's best",
      t.vsPytorch,
      x,
      `>= ${TARGETS.vsPytorch}x`,
      (v) => v >= TARGETS.vsPytorch,
    ),
    row(
      'products, share of the 512-bit peak',
      t.productsOfPeak,
      pct,
      `>= ${pct(TARGETS.productsOfPeak)}`,
      (v) => v >= TARGETS.productsOfPeak,
    ),
    row(
      'default CLI run, median',
      t.cliSeconds,
      (v) => `${v.toFixed(1)} s`,
      `<= ${TARGETS.cliSeconds} s`,
      (v) => v <= TARGETS.cliSeconds,
    ),
    row(
      "training, best engine vs PyTorch 2.x's best",
      t.vsPytorch2 ?? null,
      x,
      `>= ${TARGETS_27.vsPytorch2}x`,
      (v) => v >= TARGETS_27.vsPytorch2,
    ),
    row(
      "training, share of this machine's 2-thread FMA limit",
      t.ofTwoThreadLimit ?? null,
      pct,
      `>= ${pct(TARGETS_27.ofTwoThreadLimit)}`,
      (v) => v >= TARGETS_27.ofTwoThreadLimit,
    ),
    row(
      "scoring, best engine vs PyTorch 2.x's no_grad",
      t.inferVsPytorch2 ?? null,
      x,
      `>= ${TARGETS_27.inferVsPytorch2}x`,
      (v) => v >= TARGETS_27.inferVsPytorch2,
    ),
    row(
      'watch, per-row latency, 99th percentile',
      t.watchP99Ms ?? null,
      (v) => `${v.toFixed(2)} ms`,
      `< ${TARGETS_27.watchP99Ms} ms`,
      (v) => v < TARGETS_27.watchP99Ms,
    ),
    row(
      'AER training vs the LSTM autoencoder, windows x parameters per second',
      t.aerVsLstm ?? null,
      (v) => `${v.toFixed(2)}x`,
      `>= ${TARGETS_27.aerVsLstm.toFixed(2)}x`,
      (v) => v >= TARGETS_27.aerVsLstm,
    ),
  ];
}
