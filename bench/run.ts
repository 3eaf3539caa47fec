#!/usr/bin/env node
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measurePeak, nativeKernelsStatus } from '../src/model/kernels';
import { writeFileAtomic } from '../src/util/atomic';
import { maxOf } from '../src/util/extent';
import { packageRoot as repoRoot } from '../src/util/paths';
import { VERSION } from '../src/version';
import { runScript } from '../tools/script';
import { aerSpeed } from './aer-run';
import { BENCH_USAGE, parseBenchArgs } from './bench-args';
import type { ContenderResult } from './contender';
import { DEFAULT_SHAPE, measureFmaLimit, modelFlops } from './limit';
import { productRates } from './profile';
import { pythonCandidates, setupTorch, VENV } from './python';
import { type PytorchRun, pytorchContenders } from './pytorch';
import { cliRuns, contender, medianRound } from './rounds';
import { benchTable, spliceReadme } from './table';
import { type BenchResult, benchTargets, pct, targets27, torch2Anchor, x } from './targets';
import { watchLatency } from './watch-run';
import { workLine, workTimings } from './work';

export { type BenchArgs, parseBenchArgs } from './bench-args';
export { medianRound } from './rounds';
export { benchTable, spliceReadme } from './table';
export { type BenchResult, benchTargets, TARGETS } from './targets';

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
  const a = parseBenchArgs(argv, process.env);
  if (!a) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const root = repoRoot();
  const machine = `${os.cpus().length} x ${os.cpus()[0]?.model.trim() ?? 'cpu'}${cpuFamily()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
  const load = () =>
    os
      .loadavg()
      .map((v) => v.toFixed(2))
      .join(' ');
  console.log(`bench: ${machine}, Node ${process.version}, backend ${a.backend}, load average ${load()}`);
  let source = argv.includes('--python') ? '--python' : 'LSTM_ANOMALY_BENCH_PYTHON';
  if (a.setupTorch) {
    a.python = setupTorch(root);
    source = '--setup-torch';
  }
  const venvPython = path.join(root, VENV, 'bin', 'python');
  const pythons = pythonCandidates(root, a.python, source, fs.existsSync(venvPython));
  console.log(`  PyTorch from: ${pythons.map((p) => `${p.path} (${p.source})`).join(', ')}`);
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
    return {
      engines: engineRuns.map((run) => run()),
      torch: pytorchContenders(root, pythons, a.windows, a.engineEpochs),
    };
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
  // Issue 27: the machine's limit (the FMA loop at the widest width, 1 thread, then 2 at once), watch's latency,
  // and the work users wait for.
  const flops = modelFlops(DEFAULT_SHAPE);
  let limit: BenchResult['limit'];
  if (native.ok) {
    const fma = measureFmaLimit(root, natives.includes('avx512') ? 512 : 256);
    limit = { trainFlopsPerSeq: flops.train, forwardFlopsPerSeq: flops.forward, fma, loadAverage: os.loadavg() };
    console.log(
      `  FMA loop, ${fma.bits} bits: 1 thread ${fma.one.toFixed(0)} GFLOP/s; 2 at once ${fma.each.map((v) => v.toFixed(0)).join(' + ')} = ` +
        `${fma.two.toFixed(0)} GFLOP/s: ${fma.verdict}${fma.siblings ? ` (cpu0's thread siblings: ${fma.siblings})` : ''}; load average ${load()}`,
    );
  }
  const watchRun = watchLatency(root);
  const torchLatency = torch.contenders.find((c) => c.latencyP99Ms !== undefined && c.torch?.startsWith('2.'));
  const watch: BenchResult['watch'] = watchRun && {
    ...watchRun,
    torchP50Ms: torchLatency?.latencyP50Ms,
    torchP99Ms: torchLatency?.latencyP99Ms,
  };
  const aer = a.work ? aerSpeed(root) : undefined;
  const work = a.work ? workTimings(root) : undefined;
  for (const s of work?.skipped ?? []) console.log(`  skipped: ${s}`);
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
      ...targets27(best.trainSeqPerSec, bestInfer, torch.contenders, limit, watch),
      aerVsLstm: aer ? aer.ratio : null,
    },
    limit,
    watch,
    aer,
    work: work?.timings,
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
  // Every ratio of the same run: the engine's best against each PyTorch row, training and no_grad scoring.
  for (const t of torch.contenders)
    console.log(
      `vs ${t.name}: training ${x(best.trainSeqPerSec / t.trainSeqPerSec)}, scoring ${x(bestInfer / t.inferSeqPerSec)}`,
    );
  const anchor = torch2Anchor(torch.contenders);
  if (!anchor) console.log('no PyTorch 2.x in this run: npm run bench -- --setup-torch, or --python PATH');
  if (limit)
    console.log(
      `training: ${best.trainSeqPerSec.toFixed(0)} seq/s x ${(flops.train / 1e6).toFixed(2)} MFLOP a sequence = ` +
        `${((best.trainSeqPerSec * flops.train) / 1e9).toFixed(1)} GFLOP/s, ${pct(result.targets.ofTwoThreadLimit ?? 0)} of what ` +
        `this machine's 2 threads can do (${limit.fma.two.toFixed(0)} GFLOP/s, the FMA loop on 2 threads at once)`,
    );
  for (const w of result.work ?? []) console.log(workLine(w));
  console.log(`load average at the end: ${load()}`);
  for (const t of benchTargets(result))
    console.log(
      `${t.name}: ${t.shown} (target ${t.target}${t.met === null ? '' : t.met ? ', met' : ', NOT met'}${t.note ? `: ${t.note}` : ''})`,
    );
  const dir = path.join(root, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const file = freshName(dir, `bench-${date}`, '.json');
  writeFileAtomic(file, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  if (a.readme) {
    const readme = path.join(root, 'docs', 'performance.md');
    writeFileAtomic(readme, spliceReadme(fs.readFileSync(readme, 'utf8'), table));
    console.log('updated the table in docs/performance.md');
  }
  return 0;
}

/**
 * `dir/base.ext`, or the first of `base-2.ext`, `base-3.ext`, .. that does not exist: a second run on one day keeps
 * the first run's file.
 * @example
 * freshName('bench/results', 'bench-2026-12-07', '.json'); // bench/results/bench-2026-12-07-2.json when the first exists
 */
export function freshName(dir: string, base: string, ext: string): string {
  let file = path.join(dir, `${base}${ext}`);
  for (let k = 2; fs.existsSync(file); k++) file = path.join(dir, `${base}-${k}${ext}`);
  return file;
}

if (require.main === module) runScript('bench', () => main());
