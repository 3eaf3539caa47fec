#!/usr/bin/env node
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measurePeak, nativeKernelsStatus } from '../src/model/kernels';
import { writeFileAtomic } from '../src/util/atomic';
import { maxOf } from '../src/util/extent';
import { packageRoot as repoRoot } from '../src/util/paths';
import { VERSION } from '../src/version';
import { runScript } from '../tools/script';
import type { ContenderResult } from './contender';
import { productRates } from './profile';
import { type PytorchRun, pytorchContenders } from './pytorch';

/** The targets `npm run bench` checks (issue 16). */
export const TARGETS = { avx512VsAvx2: 1.6, vsPytorch: 5, productsOfPeak: 0.7, cliSeconds: 15 };

/** Options of `npm run bench`. */
export interface BenchArgs {
  /** Windows trained on per epoch. Default 1024. */
  windows: number;
  /** Timed epochs of stock tfjs-layers (slow). Default 1. */
  layersEpochs: number;
  /** Timed epochs of the engine. Default 3. */
  engineEpochs: number;
  /** tfjs backend for every contender. Default `wasm`. */
  backend: string;
  /** Also time the default CLI run on the bundled S&P 500. Default true. */
  cli: boolean;
  /** Times the CLI run is repeated; the median run is reported, with every run's seconds (this machine varies). Default 3. */
  cliRuns: number;
  /** Rounds of the engine and PyTorch contenders, taking turns; each contender's median round is reported. Default 3. */
  rounds: number;
  /** Write the table into docs/performance.md between the BENCH markers. Default false. */
  readme: boolean;
}

const USAGE = `Usage: npm run bench -- [--windows 1024] [--layers-epochs 1] [--engine-epochs 3] [--backend wasm] [--cli-runs 3] [--rounds 3] [--no-cli] [--readme]
Stock tfjs-layers and PyTorch (where /usr/bin/python3 has torch) against this project's LSTM engine (128 units,
30 steps, batch 32), each in its own process (the engine's and PyTorch's in --rounds rounds, taking turns; the median round of each is
reported): training and inference sequences/s, their ratios, peak memory, the
CPU's measured peak and the products' share of it, where the engine's time goes, and the default CLI run end to
end (the median of --cli-runs), with the targets of issue 16. Writes bench/results/bench-<date>.json; --readme also updates the table in docs/performance.md.`;

/**
 * Parse `npm run bench` arguments.
 * @throws Error `invalid <flag>: <value>` for a bad number or an unknown flag.
 * @example
 * parseBenchArgs(['--windows', '256', '--no-cli']).cli; // false
 */
export function parseBenchArgs(argv: string[]): BenchArgs | null {
  const a: BenchArgs = {
    windows: 1024,
    layersEpochs: 1,
    engineEpochs: 3,
    backend: 'wasm',
    cli: true,
    cliRuns: 3,
    rounds: 3,
    readme: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`invalid ${f}: ${argv[i]}`);
      return v;
    };
    if (f === '--help' || f === '-h') return null;
    else if (f === '--windows') a.windows = num();
    else if (f === '--layers-epochs') a.layersEpochs = num();
    else if (f === '--engine-epochs') a.engineEpochs = num();
    else if (f === '--backend') a.backend = argv[++i];
    else if (f === '--cli-runs') a.cliRuns = num();
    else if (f === '--rounds') a.rounds = num();
    else if (f === '--no-cli') a.cli = false;
    else if (f === '--readme') a.readme = true;
    else throw new Error(`invalid option: ${f}`);
  }
  return a;
}

function contender(
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
 * round's training rate in `trainRuns`, slowest first.
 * @throws Error for no rounds.
 * @example
 * medianRound([r1, r2, r3]).trainRuns; // e.g. [2900, 3050, 3100]
 */
export function medianRound(runs: ContenderResult[]): ContenderResult {
  if (runs.length === 0) throw new Error('medianRound: no rounds');
  const sorted = [...runs].sort((p, q) => p.trainSeqPerSec - q.trainSeqPerSec);
  return { ...sorted[(sorted.length - 1) >> 1], trainRuns: sorted.map((c) => c.trainSeqPerSec) };
}

/** One timed default CLI run: what it trained, and `runs` (seconds of every repeat) on the median one. */
interface CliRun {
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
 */
function cliRuns(root: string, n: number, envs: Record<string, string>[]): CliRun[] {
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

const x = (v: number) => `${v.toFixed(1)}x`;

const pct = (v: number) => `${(100 * v).toFixed(0)}%`;

/** The ratios and targets of a bench result (null where a contender is missing). */
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

/** The README table (markdown) of a bench result. */
export function benchTable(r: BenchResult): string {
  const base = r.contenders[0];
  const rows = r.contenders.map(
    (c) =>
      `| ${c.name} | ${c.provider} | ${c.trainSeqPerSec.toFixed(0)} | ${x(c.trainSeqPerSec / base.trainSeqPerSec)} | ` +
      `${c.inferSeqPerSec.toFixed(0)} | ${x(c.inferSeqPerSec / base.inferSeqPerSec)} | ${c.peakRssMiB} |`,
  );
  const lines = [
    `Measured ${r.date} on ${r.machine} (${r.backend} backend, ${r.windows} windows of 30 steps, 128 units, batch 32), \`npm run bench\`:`,
    '',
    '| contender | compute | train seq/s | vs stock | infer seq/s | vs stock | peak RSS MiB |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ];
  const rounds = r.contenders.find((c) => c.trainRuns && c.trainRuns.length > 1)?.trainRuns?.length;
  if (rounds)
    lines.push(
      `Every row but tfjs-layers is the median of ${rounds} rounds taken in turns (each round's figures in bench/results).`,
      '',
    );
  const torch = r.pytorch?.best;
  lines.push(
    torch
      ? `PyTorch's best in this run (${torch.name}, OpenBLAS, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset) trains at ${torch.trainSeqPerSec.toFixed(0)} ` +
          `seq/s: the best engine figure is ${x(r.bestTrainSeqPerSec / torch.trainSeqPerSec)} that.`
      : `PyTorch not measured: ${r.pytorch?.skipped ?? 'no run'}.`,
  );
  if (r.peak) {
    const p = r.peak;
    lines.push(
      '',
      `Measured peak of one core (fused multiply-adds in a loop): ${p.gflops512?.toFixed(0) ?? '-'} GFLOP/s at 512 bits, ` +
        `${p.gflops256.toFixed(0)} at 256, ${p.gflops128.toFixed(0)} at 128.` +
        (p.products
          ? ` The products alone (the model's shapes, as a training shard calls them): ${p.products
              .map(
                (q) => `${q.build} ${q.gflops.toFixed(0)} GFLOP/s, ${pct(q.gflops / q.peak)} of the ${q.bits}-bit peak`,
              )
              .join('; ')}.`
          : '') +
        (p.flopsPerSeq
          ? ` A training sequence takes ${(p.flopsPerSeq / 1e6).toFixed(1)} MFLOP of products, so the peak allows at most ` +
            `${p.limitSeqPerSec.toFixed(0)} seq/s a core (${(2 * p.limitSeqPerSec).toFixed(0)} on two); the engine's best reaches ` +
            `${pct(r.bestTrainSeqPerSec / (2 * p.limitSeqPerSec))} of the two-core limit.`
          : ''),
    );
  }
  if (r.profiles?.length) {
    lines.push(
      '',
      "Where one training thread's time goes, step by step (profiled run):",
      '',
      '| compute | matrix products | other provider kernels (SIMD: cell, transposes, row sums, Adam, dropout; XNNPACK: sigmoid) | JS (the rest: with XNNPACK the cell, Adam, dropout masks) | top operations |',
      '|---|---:|---:|---:|---|',
    );
    for (const p of r.profiles) {
      const share = (v: number) => `${((100 * v) / p.totalMs).toFixed(0)}%`;
      const top = p.top
        .slice(0, 3)
        .map((o) => `${o.op} ${o.share}${o.gflops ? ` (${o.gflops} GFLOP/s)` : ''}`)
        .join('; ');
      lines.push(`| ${p.provider} | ${share(p.matmulMs)} | ${share(p.kernelMs)} | ${share(p.otherMs)} | ${top} |`);
    }
  }
  const cliLine = (c: CliRun) => {
    const runs =
      c.runs && c.runs.length > 1
        ? ` (the median of ${c.runs.length} runs: ${c.runs.map((v) => v.toFixed(1)).join(', ')} s)`
        : '';
    return (
      `${c.seconds.toFixed(1)} s end to end${runs}: early stopping (patience 3) ran ${c.epochs} epochs of ` +
      `${(c.trainSeconds / c.epochs).toFixed(1)} s each (${c.seqPerSec.toFixed(0)} seq/s, ${c.engine || c.backend}), ${(c.seconds - c.trainSeconds).toFixed(1)} s for the rest`
    );
  };
  if (r.cli) {
    lines.push(
      '',
      `The default CLI run (\`npm run detect\`: bundled S&P 500, report and model written) takes ${cliLine(r.cli)}.` +
        (r.cliAvx2
          ? ` Forced to the AVX2 build (\`LSTM_ANOMALY_NATIVE=avx2\`, as on a CPU without AVX-512) it takes ${cliLine(r.cliAvx2)}.`
          : '') +
        (r.cliWasm
          ? ` With the native kernels off (\`LSTM_ANOMALY_NATIVE=0\`, as where they cannot be built) it takes ${cliLine(r.cliWasm)}.`
          : '') +
        ' The epoch count follows the validation loss; every kernel build gives the same bits, hence the same epochs and anomalies.',
    );
  }
  lines.push(
    '',
    'Targets (issue 16), from this run:',
    '',
    '| target | measured | goal | met |',
    '|---|---:|---:|---|',
    ...benchTargets(r).map(
      (t) =>
        `| ${t.name} | ${t.shown} | ${t.target} | ${t.met === null ? '-' : t.met ? 'yes' : 'no'}${t.note ? ` (${t.note})` : ''} |`,
    ),
  );
  return lines.join('\n');
}

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
  /** The issue's targets: null where not measured. */
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

/** Replace the text between `<!-- BENCH -->` and `<!-- /BENCH -->` in the README. */
export function spliceReadme(readme: string, table: string): string {
  const start = readme.indexOf('<!-- BENCH -->');
  const end = readme.indexOf('<!-- /BENCH -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- BENCH --> ... <!-- /BENCH --> section');
  return `${readme.slice(0, start)}<!-- BENCH -->\n${table}\n${readme.slice(end)}`;
}

/** ` (family F, model M)` from /proc/cpuinfo (the same model name covers Zen 4 and Zen 5), else ''. */
function cpuFamily(): string {
  try {
    const info = fs.readFileSync('/proc/cpuinfo', 'utf8');
    const f = /^cpu family\s*:\s*(\d+)/m.exec(info)?.[1];
    const m = /^model\s*:\s*(\d+)/m.exec(info)?.[1];
    return f ? ` (family ${f}${m ? `, model ${m}` : ''})` : '';
  } catch {
    return '';
  }
}

/** `npm run bench`. */
export function main(argv = process.argv.slice(2)): number {
  const a = parseBenchArgs(argv);
  if (!a) {
    console.log(USAGE);
    return 0;
  }
  const root = repoRoot();
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model.trim() ?? 'cpu'}${cpuFamily()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  console.log(`bench: ${machine}, Node ${process.version}, backend ${a.backend}`);
  // The engine step by step: XNNPACK products with a JS cell, then its WebAssembly SIMD kernels, then the same
  // kernels native (where the addon is built): AVX2, then AVX-512 (where the CPU has it), on one and two threads.
  const native = nativeKernelsStatus();
  if (!native.ok) console.log(`  native kernels: ${native.reason}; their contenders are left out`);
  const natives = native.ok ? native.runnable.filter((b) => b !== '0').reverse() : [];
  const steps: [string, string][] = [['wasm', ''], ...natives.map((b): [string, string] => ['native', b])];
  // Stock tfjs-layers once (slow, the base of the ratios); the engine's steps and PyTorch in rounds, taking turns,
  // so that a change in the machine's load falls on each alike; each contender's median round is reported.
  const stock = contender(root, 'layers', a, a.layersEpochs);
  const engineRuns: (() => ContenderResult)[] = [
    () => contender(root, 'engine1', a, a.engineEpochs, 'xnnpack'),
    ...steps.flatMap(([g, b]) => [
      () => contender(root, 'engine1', a, a.engineEpochs, g, b),
      () => contender(root, 'engine2', a, a.engineEpochs, g, b),
    ]),
  ];
  const rounds = Array.from({ length: a.rounds }, (_, i) => {
    if (a.rounds > 1) console.log(`  round ${i + 1} of ${a.rounds}`);
    return { engines: engineRuns.map((run) => run()), torch: pytorchContenders(root, a.windows, a.engineEpochs) };
  });
  const contenders = [stock, ...engineRuns.map((_, j) => medianRound(rounds.map((r) => r.engines[j])))];
  const torchNames = [...new Set(rounds.flatMap((r) => r.torch.contenders.map((c) => c.name)))];
  const torch: PytorchRun = {
    contenders: torchNames.map((n) =>
      medianRound(rounds.flatMap((r) => r.torch.contenders.filter((c) => c.name === n))),
    ),
    skipped: rounds[0].torch.skipped,
  };
  if (torch.skipped) console.log(`  ${torch.skipped}; the PyTorch contenders are left out`);
  const profiles = ([['xnnpack', ''], ...steps] as [string, string][]).map(([g, b]) => {
    const r = contender(root, 'profile', a, a.engineEpochs, g, b);
    return { ...r.profile!, provider: r.provider };
  });
  // The peak and the products, in this process (the addon is loaded here).
  let peak: BenchResult['peak'];
  if (native.ok) {
    const has512 = natives.includes('avx512');
    const p = {
      gflops128: measurePeak(128),
      gflops256: measurePeak(256),
      gflops512: has512 ? measurePeak(512) : undefined,
    };
    const top = p.gflops512 ?? p.gflops256;
    const products = natives.map((b) => ({
      build: b,
      bits: b === 'avx512' ? 512 : 256,
      gflops: productRates(b as 'avx2' | 'avx512').all,
      peak: b === 'avx512' ? p.gflops512! : p.gflops256,
    }));
    const flopsPerSeq = profiles[profiles.length - 1].productFlopsPerSeq;
    peak = { ...p, products, flopsPerSeq, limitSeqPerSec: flopsPerSeq ? (top * 1e9) / flopsPerSeq : 0 };
    console.log(
      `  peak ${[128, 256, 512].map((w) => `${w}-bit ${(p as Record<string, number | undefined>)[`gflops${w}`]?.toFixed(0) ?? '-'}`).join(', ')} GFLOP/s; ` +
        `products ${products.map((q) => `${q.build} ${q.gflops.toFixed(0)}`).join(', ')} GFLOP/s`,
    );
  }
  // The default run, and the same on the AVX2 build (a CPU without AVX-512) and on the WebAssembly kernels (no
  // addon), taking turns.
  const envs: Record<string, string>[] = [
    {},
    ...(natives.includes('avx512') ? [{ LSTM_ANOMALY_NATIVE: 'avx2' }] : []),
    ...(native.ok ? [{ LSTM_ANOMALY_NATIVE: '0' }] : []),
  ];
  const runs = a.cli ? cliRuns(root, a.cliRuns, envs) : [];
  const cli = runs[0];
  const cliAvx2 = natives.includes('avx512') ? runs[1] : undefined;
  const cliWasm = native.ok ? runs[runs.length - 1] : undefined;
  const engines = contenders.slice(1);
  const best = engines.reduce((q, c) => (c.trainSeqPerSec > q.trainSeqPerSec ? c : q));
  const bestInfer = maxOf(engines.map((c) => c.inferSeqPerSec));
  const torchBest = torch.contenders.length
    ? torch.contenders.reduce((q, c) => (c.trainSeqPerSec > q.trainSeqPerSec ? c : q))
    : undefined;
  const two = (provider: string) => engines.find((c) => c.provider === provider && c.threads === 2);
  const e512 = two('native-avx512'),
    e256 = two('native-avx2-fma');
  const p512 = peak?.products?.find((q) => q.build === 'avx512');
  const date = new Date().toISOString().slice(0, 10);
  const result: BenchResult = {
    version: VERSION,
    date,
    machine,
    node: process.version,
    backend: a.backend,
    windows: a.windows,
    contenders: [...contenders, ...torch.contenders],
    ratios: {
      trainVsStock: best.trainSeqPerSec / stock.trainSeqPerSec,
      inferVsStock: bestInfer / stock.inferSeqPerSec,
    },
    bestTrainSeqPerSec: best.trainSeqPerSec,
    pytorch: { best: torchBest, skipped: torch.skipped },
    peak,
    targets: {
      avx512VsAvx2: e512 && e256 ? e512.trainSeqPerSec / e256.trainSeqPerSec : null,
      vsPytorch: torchBest ? best.trainSeqPerSec / torchBest.trainSeqPerSec : null,
      productsOfPeak: p512 ? p512.gflops / p512.peak : null,
      cliSeconds: cli ? cli.seconds : null,
    },
    profiles,
    cli,
    cliAvx2,
    cliWasm,
  };
  const table = benchTable(result);
  console.log(`\n${table}\n`);
  console.log(
    `training ${x(result.ratios.trainVsStock)} stock tfjs-layers (target 10x), inference ${x(result.ratios.inferVsStock)} (target 3x)`,
  );
  for (const t of benchTargets(result))
    console.log(
      `${t.name}: ${t.shown} (target ${t.target}${t.met === null ? '' : t.met ? ', met' : ', NOT met'}${t.note ? `: ${t.note}` : ''})`,
    );
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `bench-${date}.json`);
  writeFileAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (a.readme) {
    const readme = path.join(root, 'docs', 'performance.md');
    writeFileAtomic(readme, spliceReadme(fs.readFileSync(readme, 'utf8'), table));
    console.log('updated the table in docs/performance.md');
  }
  return 0;
}

if (require.main === module) runScript('bench', () => main());
