/** The printing of `npm run bench`: its markdown table, spliced into docs/performance.md. */
import { maxOf } from '../src/util/extent';
import type { CliRun } from './rounds';
import { type BenchResult, benchTargets, pct, torch2Anchor, x } from './targets';
import { workLine } from './work';

/**
 * Issue 27's paragraph of the table: PyTorch 2.x as the anchor, the machine's FMA limit, watch's latency and the
 * work users wait for (empty where none of it was measured).
 * @example
 * issue27Lines(result).join('\n');
 */
export function issue27Lines(r: BenchResult): string[] {
  const out: string[] = [];
  const t2 = torch2Anchor(r.contenders);
  const bestInfer = maxOf(r.contenders.filter((c) => !c.torch).map((c) => c.inferSeqPerSec));
  if (t2)
    out.push(
      `PyTorch 2.x, the anchor: its best training (${t2.train.name}, ${t2.train.provider}) runs at ${t2.train.trainSeqPerSec.toFixed(0)} seq/s, ` +
        `the best engine figure ${x(r.bestTrainSeqPerSec / t2.train.trainSeqPerSec)} that; its best \`torch.no_grad()\` scoring ` +
        `(${t2.infer.name}) at ${t2.infer.inferSeqPerSec.toFixed(0)} seq/s, the engine's best ${x(bestInfer / t2.infer.inferSeqPerSec)} that.`,
    );
  if (r.limit) {
    const f = r.limit.fma;
    out.push(
      `The model's products take ${(r.limit.trainFlopsPerSeq / 1e6).toFixed(2)} MFLOP a training sequence ` +
        `(${(r.limit.forwardFlopsPerSeq / 1e6).toFixed(2)} forward). The FMA loop at ${f.bits} bits: ${f.one.toFixed(0)} GFLOP/s on one ` +
        `thread, ${f.two.toFixed(0)} on two at once: ${f.verdict}. The best training rate is ` +
        `${((r.bestTrainSeqPerSec * r.limit.trainFlopsPerSeq) / 1e9).toFixed(1)} GFLOP/s, ` +
        `${pct((r.bestTrainSeqPerSec * r.limit.trainFlopsPerSeq) / (f.two * 1e9))} of what this machine's 2 threads can do ` +
        `(load average ${r.limit.loadAverage.map((v) => v.toFixed(1)).join(', ')}).`,
    );
  }
  if (r.watch)
    out.push(
      `\`watch\` scores a row in ${r.watch.p50Ms.toFixed(2)} ms (median), ${r.watch.p99Ms.toFixed(2)} ms at the 99th percentile ` +
        `(${r.watch.rows} rows)` +
        (r.watch.torchP99Ms !== undefined
          ? `; PyTorch 2.x scoring one window at a time: ${r.watch.torchP50Ms?.toFixed(2)} ms, ${r.watch.torchP99Ms.toFixed(2)} ms.`
          : '.'),
    );
  if (r.aer) {
    const { aer, lstm } = r.aer;
    out.push(
      `AER (${aer.units} units per direction, ${aer.parameters} parameters) trains at ${aer.windowsPerSec.toFixed(0)} ` +
        `windows/s on one thread, the LSTM autoencoder (${lstm.units} units, ${lstm.parameters} parameters) at ` +
        `${lstm.windowsPerSec.toFixed(0)} (${aer.engine}): AER runs ${r.aer.ratio.toFixed(2)} of the LSTM's windows x ` +
        `parameters per second (${r.aer.macsRatio.toFixed(2)} of its forward multiply-adds per second).`,
    );
  }
  for (const w of r.work ?? []) out.push(`${workLine(w)}.`);
  return out.length ? ['', ...out.flatMap((l, i) => (i ? ['', l] : [l]))] : [];
}

/**
 * The README table (markdown) of a bench result.
 * @example
 * fs.writeFileSync('table.md', benchTable(result));
 */
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
      ? `PyTorch's best in this run (${torch.torch?.startsWith('2.') ? `${torch.name}, ${torch.provider}` : `${torch.name}, OpenBLAS, OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE unset`}) trains at ${torch.trainSeqPerSec.toFixed(0)} ` +
          `seq/s: the best engine figure is ${x(r.bestTrainSeqPerSec / torch.trainSeqPerSec)} that.`
      : `PyTorch not measured: ${r.pytorch?.skipped ?? 'no run'}.`,
  );
  for (const l of issue27Lines(r)) lines.push(l);
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
    'Targets (issues 16 and 27), from this run:',
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

/**
 * Replace the text between `<!-- BENCH -->` and `<!-- /BENCH -->` in the README.
 * @throws Error when the markers are missing.
 * @example
 * spliceReadme('a<!-- BENCH -->old<!-- /BENCH -->b', 'new'); // 'a<!-- BENCH -->\nnew\n<!-- /BENCH -->b'
 */
export function spliceReadme(readme: string, table: string): string {
  const start = readme.indexOf('<!-- BENCH -->');
  const end = readme.indexOf('<!-- /BENCH -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- BENCH --> ... <!-- /BENCH --> section');
  return `${readme.slice(0, start)}<!-- BENCH -->\n${table}\n${readme.slice(end)}`;
}
