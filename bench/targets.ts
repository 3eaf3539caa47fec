/** What one `npm run bench` measured (`BenchResult`), and the targets of issue 16 it is checked against. */
import type { ContenderResult } from './contender';
import type { CliRun } from './rounds';

/** The targets `npm run bench` checks (issue 16). */
export const TARGETS = { avx512VsAvx2: 1.6, vsPytorch: 5, productsOfPeak: 0.7, cliSeconds: 15 };

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
  /** The targets: null where not measured. */
  targets: {
    avx512VsAvx2: number | null;
    vsPytorch: number | null;
    productsOfPeak: number | null;
    cliSeconds: number | null;
  };
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
  ];
}
