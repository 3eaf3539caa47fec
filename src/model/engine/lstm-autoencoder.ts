import * as os from 'os';
import type { Autoencoder, BatchCallback, NamedWeight } from '../autoencoder';
import type { Compute, Mat } from '../compute/compute';
import type { ComputeKind } from '../compute/factory';
import { type AutoencoderSpec, lstmSizes } from '../spec';
import { Adam } from './adam';
import { LstmEngine } from './engine';
import { ShardWorker, splitPoint } from './parallel/parallel';
import { checkWindows } from './windows-io';

/** Threads and compute provider of an {@link LstmAutoencoder}. */
export interface ParallelOptions {
  /**
   * Threads for training: 2 computes the second half of every batch in a worker thread. `auto` uses 2 when the
   * machine has 2+ cores, the backend is wasm or cpu, and batches are big enough to pay for it. Results do not
   * depend on it: every batch is always split into the same two shards. Default `auto`.
   */
  threads: 'auto' | 1 | 2;
  /** Provider kind, passed to the worker so it computes exactly as the main thread. */
  gemm: ComputeKind;
}

/**
 * Stops the worker of a model that was garbage-collected without `dispose()`, so forgotten models do not keep
 * worker threads (and their backends) alive; the worker is unref'd, so it never keeps the process alive either.
 */
const reclaim = new FinalizationRegistry<ShardWorker>((worker) => worker.dispose());

/** Start a worker only when one shard of a batch is at least this much work (floating-point operations). */
const MIN_SHARD_FLOPS = 20e6;

/**
 * The {@link Autoencoder} of this project: an {@link LstmEngine} core, Keras Adam, and data-parallel training on
 * two shards per batch (the second in a worker thread when available; gradients summed in a fixed order, so a
 * seeded run gives the same numbers with or without the worker).
 *
 * @example
 * const ae = new LstmAutoencoder(spec, 'wasm', () => wasmCompute(), { threads: 'auto', gemm: 'auto' });
 */
export class LstmAutoencoder implements Autoencoder {
  private readonly core: LstmEngine;
  private readonly adam: Adam;
  /** Training batches done so far: with spec.seed, the seed of each batch's dropout masks. */
  private step = 0;
  private worker: ShardWorker | null = null;
  private workerTried = false;
  /** The other shard's gradients, in the provider's memory. */
  private other: Mat | null = null;
  /**
   * Whether the worker must take every value before its next job (it updates its part of the values itself):
   * until its first job and after {@link setWeights}.
   */
  private resync = true;
  /** Whether the worker has the moments of its part (handed over once: from then on it alone updates them). */
  private handedOver = false;

  constructor(
    readonly spec: AutoencoderSpec,
    readonly backend: string,
    newCompute: () => Compute,
    private readonly opts: ParallelOptions,
    initialise = true,
  ) {
    this.core = new LstmEngine(spec, newCompute, initialise);
    this.adam = new Adam(this.core.params.size, { learningRate: spec.learningRate });
  }

  /** Name of the compute provider, e.g. `wasm-xnnpack`. */
  get computeName(): string {
    return this.core.computeName;
  }

  /** Compute provider and threads, e.g. `wasm-simd-fma, 2 threads`. */
  get engine(): string {
    return `${this.computeName}, ${this.worker ? 2 : 1} thread${this.worker ? 's' : ''}`;
  }

  /** Whether a worker thread computes half of each batch (known after the first training epoch). */
  get parallel(): boolean {
    return this.worker !== null;
  }

  async trainEpoch(
    x: Float32Array,
    n: number,
    order: ArrayLike<number>,
    batchSize: number,
    onBatch?: BatchCallback,
  ): Promise<number> {
    this.core.live();
    const { window: T, features: F } = this.spec;
    checkWindows(x, n, T, F, order);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize}`);
    const count = order.length;
    if (count === 0) return NaN;
    await this.maybeStartWorker((batchSize / 2) * flopsPerWindow(this.spec));
    this.worker?.setData(x, order);
    const batches = Math.ceil(count / batchSize);
    let total = 0;
    const pause = yielder();
    for (let bi = 0; bi < batches; bi++) {
      const start = bi * batchSize;
      total += await this.trainBatch(x, order, start, Math.min(batchSize, count - start));
      onBatch?.(bi, batches);
      await pause();
    }
    return total / (count * T * F);
  }

  /** One Adam step on windows order[start .. start + B - 1], in two shards; returns the summed loss. */
  private async trainBatch(x: Float32Array, order: ArrayLike<number>, start: number, B: number): Promise<number> {
    const { window: T, features: F } = this.spec;
    const norm = B * T * F;
    const B0 = Math.ceil(B / 2);
    const B1 = B - B0;
    const p = this.core.params;
    const g = this.core.gemm;
    if (this.worker) return this.trainBatchTwo(this.worker, x, order, start, B0, B1, norm);
    let loss: number;
    let other: Mat | null = null;
    if (B1 === 0) {
      loss = this.core.shardGradients(x, order, start, B0, 0, norm, this.step);
    } else {
      other = this.other ??= g.alloc(1, p.size);
      const l1 = this.core.shardGradients(x, order, start + B0, B1, B0, norm, this.step);
      other.f.set(p.grads.f);
      loss = this.core.shardGradients(x, order, start, B0, 0, norm, this.step) + l1;
    }
    // Shard 0's gradients plus shard 1's, in this order whatever the threads, then the update.
    this.adam.stepOn(g, p.values, p.grads, other);
    p.changed();
    this.step++;
    return loss;
  }

  /**
   * {@link trainBatch} with the worker: each thread computes its shard's gradients, hands the other the
   * gradients of the part of the values that thread updates, and updates its own part (values below
   * {@link splitPoint} here, the rest in the worker); then the worker's part comes back. The same sums and
   * updates as one thread, element for element.
   */
  private async trainBatchTwo(
    worker: ShardWorker,
    x: Float32Array,
    order: ArrayLike<number>,
    start: number,
    B0: number,
    B1: number,
    norm: number,
  ): Promise<number> {
    const p = this.core.params;
    const g = this.core.gemm;
    const n = p.size;
    const h = splitPoint(n);
    const rate = this.adam.advance();
    if (!this.handedOver) {
      const { m, v } = this.adam.moments(h, n);
      worker.setMoments(m, v);
      this.handedOver = true;
    }
    const full = this.resync;
    if (full) worker.params.set(p.values.f);
    this.resync = false;
    const solo = B1 === 0;
    worker.post({ start: start + B0, B: B1, row0: B0, step: this.step, norm, rate, full, solo });
    const l0 = this.core.shardGradients(x, order, start, B0, 0, norm, this.step);
    worker.grads.set(p.grads.f.subarray(h), h);
    worker.gradsPosted();
    await worker.theirGrads();
    const other = (this.other ??= g.alloc(1, n));
    if (!solo) other.f.set(worker.grads.subarray(0, h));
    this.adam.stepRange(g, p.values, p.grads, solo ? null : other, 0, h, rate);
    worker.params.set(p.values.f.subarray(0, h));
    worker.valuesPosted();
    const loss = l0 + (await worker.result());
    p.values.f.set(worker.params.subarray(h), h);
    p.changed();
    this.step++;
    return loss;
  }

  /** Start the worker once, when threads allow and a shard of the work at hand (`shardFlops`) pays for it. */
  private async maybeStartWorker(shardFlops: number): Promise<void> {
    if (this.workerTried) return;
    const { threads } = this.opts;
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    const auto = threads === 'auto' && cores >= 2 && (this.backend === 'wasm' || this.backend === 'cpu');
    if (!(threads === 2 || (auto && shardFlops >= MIN_SHARD_FLOPS))) return;
    this.workerTried = true;
    this.worker = await ShardWorker.start(
      this.spec,
      this.backend,
      this.opts.gemm,
      this.core.params.size,
      this.core.computeName,
    );
    if (this.worker) reclaim.register(this, this.worker, this);
  }

  /**
   * Reconstructions in inference mode. The windows are cut in two halves, each run in batches of `batchSize`;
   * with a worker the second half runs in it at the same time. The same cut is made with one thread, so the
   * numbers do not depend on the thread count. The worker gets its half in chunks of whole batches (see
   * {@link predictChunk}), so its shared copies of the windows and reconstructions stay small; the batches, and
   * so the numbers, are those of one pass.
   */
  async predict(x: Float32Array, n: number, batchSize = 256): Promise<Float32Array> {
    this.core.live();
    const { window: T, features: F } = this.spec;
    checkWindows(x, n, T, F);
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`invalid batch size: ${batchSize}`);
    const out = new Float32Array(n * T * F);
    const half = Math.ceil(n / 2);
    // One buffer size for every batch of this prediction, tail batches included (in both threads).
    const rows = Math.max(1, Math.min(batchSize, half));
    // Inference is the forward pass only, about a third of the training work per window.
    await this.maybeStartWorker(((n - half) * flopsPerWindow(this.spec)) / 3);
    const worker = n > half ? this.worker : null;
    if (worker) worker.params.set(this.core.params.values.f);
    const pause = yielder();
    const run = async (from: number, to: number) => {
      for (let start = from; start < to; start += batchSize) {
        this.core.reconstruct(x, start, Math.min(batchSize, to - start), out, rows);
        if (!worker) await pause();
      }
    };
    if (!worker) {
      await run(0, half);
      await run(half, n);
      return out;
    }
    const chunk = predictChunk(batchSize, T * F);
    for (let o = 0; o < half; o += chunk) {
      const wFrom = Math.min(half + o, n);
      const wTo = Math.min(wFrom + chunk, n);
      let pending: Promise<void> | null = null;
      if (wTo > wFrom) {
        // The worker's windows wFrom .. wTo - 1 as its windows 0 .. : its batches start at the same windows.
        pending = worker.reconstruct(x.subarray(wFrom * T * F, wTo * T * F), wTo - wFrom, batchSize, rows);
      }
      await run(Math.min(o, half), Math.min(o + chunk, half));
      if (pending) {
        await pending;
        out.set(worker.output.subarray(0, (wTo - wFrom) * T * F), wFrom * T * F);
      }
      await pause();
    }
    return out;
  }

  /**
   * Loss and gradients at the current weights for windows `order` as one batch (no update), with the dropout
   * masks the next training step would use when `withDropout`. For tests.
   */
  gradients(
    x: Float32Array,
    n: number,
    order: ArrayLike<number>,
    withDropout = false,
  ): { loss: number; grads: NamedWeight[] } {
    this.core.live();
    const { window: T, features: F } = this.spec;
    checkWindows(x, n, T, F, order);
    const norm = order.length * T * F;
    const loss = this.core.shardGradients(x, order, 0, order.length, 0, norm, withDropout ? this.step : -1) / norm;
    return { loss, grads: this.core.params.getGrads() };
  }

  getWeights(): NamedWeight[] {
    this.core.live();
    return this.core.params.get();
  }

  setWeights(weights: NamedWeight[]): void {
    this.core.live();
    this.core.params.set(weights);
    this.resync = true;
  }

  releaseTrainingData(): void {
    this.worker?.releaseData();
  }

  dispose(): void {
    reclaim.unregister(this);
    this.worker?.dispose();
    this.worker = null;
    this.core.dispose();
  }
}

/**
 * A pause for long synchronous loops: resolves at once, or after one turn of the event loop when 50 ms have
 * passed since the last such turn (so progress bars and timers keep running).
 */
function yielder(): () => Promise<void> {
  let last = Date.now();
  return async () => {
    if (Date.now() - last <= 50) return;
    await new Promise((r) => setImmediate(r));
    last = Date.now();
  };
}

/** Floats of windows per chunk handed to the worker in {@link LstmAutoencoder.predict}: about 4 MB. */
const PREDICT_CHUNK_FLOATS = 1 << 20;

/**
 * Windows per chunk of a prediction's worker half: a whole number of batches (at least one), about
 * {@link PREDICT_CHUNK_FLOATS} floats of `size`-float windows.
 *
 * @example
 * predictChunk(256, 5); // 209664
 */
export function predictChunk(batchSize: number, size: number): number {
  return Math.max(1, Math.floor(PREDICT_CHUNK_FLOATS / size / batchSize)) * batchSize;
}

/** Floating-point operations to train on one window (forward and backward), for sizing work. */
export function flopsPerWindow(spec: AutoencoderSpec): number {
  let d = spec.features;
  let macs = 0;
  for (const u of lstmSizes(spec)) {
    macs += 4 * u * (d + u);
    d = u;
  }
  return 6 * spec.window * macs;
}
