#!/usr/bin/env node
import * as tf from '@tensorflow/tfjs';
import { useBackend } from '../src/backend/active';
import type { BackendChoice } from '../src/backend/select';
import { COMPUTE_KINDS, type ComputeKind } from '../src/model/compute/factory';
import { createAutoencoder } from '../src/model/create';
import type { LstmAutoencoder } from '../src/model/engine/lstm-autoencoder';
import { buildLayersModel } from '../src/model/reference/layers-reference';
import { resolveSpec } from '../src/model/spec';
import { runScript } from '../tools/script';
import { benchWindows } from './data';
import { type GemmProfile, profiledGemm, profileRows } from './profile';

/** One contender's figures, printed as the last line of its process (JSON). */
export interface ContenderResult {
  name: string;
  backend: string;
  /** Compute provider of the engine (e.g. `wasm-xnnpack`), or `tfjs-layers`. */
  provider: string;
  threads: number;
  trainSeqPerSec: number;
  inferSeqPerSec: number;
  /** Seconds of timed training, and epochs timed (after one warm-up pass). */
  trainSeconds: number;
  epochs: number;
  /** Peak resident set size of the process, MiB. */
  peakRssMiB: number;
  finalLoss: number;
  /** PyTorch rows: the torch version (`2.5.1+cpu`). */
  torch?: string;
  /** PyTorch's 1-thread row: one window scored at a time under no_grad, median and 99th percentile (ms). */
  latencyP50Ms?: number;
  latencyP99Ms?: number;
  /** With rounds (bench/run.ts): every round's training rate, slowest first; this result is the median one. */
  trainRuns?: number[];
  /** With rounds: every round's training rate in the order the rounds ran (round k of every contender ran together). */
  trainByRound?: number[];
  /** With kind `profile`: where one thread's training time goes (ms over the timed epochs). */
  profile?: {
    totalMs: number;
    matmulMs: number;
    kernelMs: number;
    otherMs: number;
    top: ReturnType<typeof profileRows>;
    productFlopsPerSeq?: number;
  };
}

const mib = (kb: number) => Math.round((kb / 1024) * 10) / 10;

/**
 * Timed inference passes after the warm-up one; the fastest counts (as Python's timeit takes the least), for
 * every contender alike (bench/pytorch_lstm.py too): one pass over 1,024 windows is a tenth of a second, which a
 * shared machine's other work can double.
 */
export const INFER_PASSES = 3;

/** Seconds of the fastest of {@link INFER_PASSES} runs of `pass`, after one untimed run. */
async function fastestPass(pass: () => Promise<void>): Promise<number> {
  await pass();
  let best = Infinity;
  for (let i = 0; i < INFER_PASSES; i++) {
    const t = performance.now();
    await pass();
    best = Math.min(best, (performance.now() - t) / 1000);
  }
  return best;
}

/**
 * Stock tfjs-layers: model.fit, batch 32, no shuffling, after a one-batch warm-up; predict: the fastest of
 * {@link INFER_PASSES} passes after a warm-up one.
 */
async function layers(n: number, epochs: number, backend: string): Promise<ContenderResult> {
  const spec = resolveSpec({ encoder: [128] });
  const w = benchWindows(n);
  const model = buildLayersModel(spec);
  const x = tf.tensor3d(w.x, [w.n, w.window, w.features]);
  await model.fit(x.slice(0, 32), x.slice(0, 32), { batchSize: 32, epochs: 1, shuffle: false, verbose: 0 });
  const t = performance.now();
  const h = await model.fit(x, x, { batchSize: 32, epochs, shuffle: false, verbose: 0 });
  const trainSeconds = (performance.now() - t) / 1000;
  const inferSeconds = await fastestPass(async () => {
    const y = model.predict(x, { batchSize: 256 }) as tf.Tensor;
    await y.data();
    y.dispose();
  });
  const losses = h.history.loss as number[];
  return {
    name: 'tfjs-layers',
    backend,
    provider: 'tfjs-layers',
    threads: 1,
    trainSeqPerSec: (n * epochs) / trainSeconds,
    inferSeqPerSec: n / inferSeconds,
    trainSeconds,
    epochs,
    peakRssMiB: mib(process.resourceUsage().maxRSS),
    finalLoss: losses[losses.length - 1],
  };
}

/**
 * This project's engine: trainEpoch over the windows in order, batch 32, after a one-epoch warm-up; inference:
 * the fastest of {@link INFER_PASSES} passes after a warm-up one.
 */
async function engine(
  n: number,
  epochs: number,
  backend: string,
  threads: 1 | 2,
  gemm: ComputeKind,
  profile?: GemmProfile,
): Promise<ContenderResult> {
  const spec = resolveSpec({ encoder: [128] });
  const w = benchWindows(n);
  const wrapCompute = profile ? (g: Parameters<typeof profiledGemm>[0]) => profiledGemm(g, profile) : undefined;
  const model = (await createAutoencoder(spec, { threads, wrapCompute, gemm })) as LstmAutoencoder;
  const order = Int32Array.from({ length: n }, (_, i) => i);
  await model.trainEpoch(w.x, n, order, 32);
  profile?.clear();
  const t = performance.now();
  let loss = NaN;
  for (let e = 0; e < epochs; e++) loss = await model.trainEpoch(w.x, n, order, 32);
  const trainSeconds = (performance.now() - t) / 1000;
  const where = profile ? summarize(profile, trainSeconds * 1000, n * epochs) : undefined;
  const inferSeconds = await fastestPass(async () => {
    await model.predict(w.x, n, 256);
  });
  const result: ContenderResult = {
    name: `engine ${threads === 2 ? '2 threads' : '1 thread'}`,
    backend,
    provider: model.computeName,
    threads: model.parallel ? 2 : 1,
    trainSeqPerSec: (n * epochs) / trainSeconds,
    inferSeqPerSec: n / inferSeconds,
    trainSeconds,
    epochs,
    peakRssMiB: mib(process.resourceUsage().maxRSS),
    finalLoss: loss,
    profile: where,
  };
  if (gemm === 'xnnpack') result.name += ', XNNPACK + JS cell';
  if (gemm === 'simd') result.name += ', SIMD without FMA';
  if (gemm === 'wasm') result.name += ', WebAssembly';
  if (gemm === 'native') result.name += `, ${model.computeName === 'native-avx512' ? 'AVX-512' : 'AVX2'}`;
  if (profile) result.name += ', profiled';
  model.dispose();
  return result;
}

/** Matmul, the provider's other kernels (fused cell, transposes, sigmoid) and everything else (JS: loss, dropout, Adam, copies) of a profiled run. */
function summarize(profile: GemmProfile, totalMs: number, sequences: number): NonNullable<ContenderResult['profile']> {
  let matmulMs = 0;
  let kernelMs = 0;
  let flops = 0;
  for (const [op, e] of profile) {
    if (op.startsWith('mm')) matmulMs += e.ms;
    else kernelMs += e.ms;
    flops += e.flops;
  }
  const r = (v: number) => Math.round(v);
  return {
    totalMs: r(totalMs),
    matmulMs: r(matmulMs),
    kernelMs: r(kernelMs),
    otherMs: r(totalMs - matmulMs - kernelMs),
    top: profileRows(profile, totalMs).slice(0, 6),
    productFlopsPerSeq: Math.round(flops / sequences),
  };
}

/**
 * `node dist/bench/contender.js layers|engine1|engine2|profile N EPOCHS BACKEND [GEMM]`: run one and print its
 * JSON. GEMM is the engine's compute provider (`auto`, or `xnnpack` for the step before the SIMD kernels).
 */
async function main(): Promise<void> {
  const [kind, n, epochs, backendChoice, gemmArg] = process.argv.slice(2);
  const backend = await useBackend((backendChoice ?? 'wasm') as BackendChoice);
  const N = Number(n ?? 1024);
  const E = Number(epochs ?? 1);
  const gemm = (gemmArg ?? 'auto') as ComputeKind;
  if (!['layers', 'engine1', 'engine2', 'profile'].includes(kind)) throw new Error(`invalid contender: ${kind}`);
  if (!COMPUTE_KINDS.includes(gemm)) throw new Error(`invalid provider: ${gemm}`);
  const r =
    kind === 'layers'
      ? await layers(N, E, backend)
      : await engine(N, E, backend, kind === 'engine2' ? 2 : 1, gemm, kind === 'profile' ? new Map() : undefined);
  console.log(JSON.stringify(r));
}

if (require.main === module) runScript('contender', main);
