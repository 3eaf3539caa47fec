import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ComputeKind } from '../../compute/factory';
import type { AutoencoderSpec } from '../../spec';
import { JobChannel, Slot } from './channel';
import type { ShardJob } from './job';
import { giveBackPlace, takePlace } from './pool';
import { Replies } from './replies';

export { type ShardJob, splitPoint } from './job';
export { capWorkers, liveWorkers, MAX_WORKERS } from './pool';

/**
 * The main-thread handle of a gradient worker: a worker_thread with its own tfjs backend and engine that
 * computes one shard of every training batch while the main thread computes the other. Parameters, gradients,
 * windows and order are exchanged through SharedArrayBuffers, training jobs and their losses through the job
 * channel (see {@link Slot}); messages carry the rest (init, data, inference, errors).
 *
 * @example
 * const w = await ShardWorker.start(spec, 'wasm', 'auto', params.size, core.computeName);
 * if (w) { w.setData(x, order); w.params.set(values); w.post(job); const loss = await w.result(); }
 */
export class ShardWorker {
  /**
   * The values and gradients the threads hand each other: every value before a job with `full`; during a job
   * each thread's gradients of the part the other updates, then each thread's part of the updated values.
   */
  readonly params: Float32Array;
  readonly grads: Float32Array;
  private x = new Float32Array(new SharedArrayBuffer(4));
  private order = new Int32Array(new SharedArrayBuffer(4));
  private px = new Float32Array(new SharedArrayBuffer(4));
  private out = new Float32Array(new SharedArrayBuffer(4));
  /** The reply awaited (init, predict) and the worker's first failure. */
  private readonly replies: Replies;
  /** The job channel (see {@link Slot}): jobs, marks, and the loss of the last job. */
  private readonly jobs: JobChannel;
  private counted = true;

  private constructor(
    private readonly worker: Worker,
    size: number,
  ) {
    this.params = new Float32Array(new SharedArrayBuffer(size * 4));
    this.grads = new Float32Array(new SharedArrayBuffer(size * 4));
    this.jobs = new JobChannel((seq) => worker.postMessage({ type: 'jobs', seq }));
    worker.on('exit', () => this.release());
    this.replies = new Replies(worker);
  }

  /** Give back this worker's place among the {@link MAX_WORKERS} (once). */
  private release(): void {
    if (this.counted) giveBackPlace();
    this.counted = false;
  }

  /**
   * Start a worker for `spec` on `backend`, or resolve to null when workers are unavailable here (no compiled
   * worker script next to this file, e.g. under ts-node, or the worker failed to initialise, or its compute
   * provider is not `provider`, the main thread's: both halves of a batch must be computed alike), or when
   * {@link MAX_WORKERS} are alive already.
   */
  static async start(
    spec: AutoencoderSpec,
    backend: string,
    gemm: ComputeKind,
    size: number,
    provider: string,
  ): Promise<ShardWorker | null> {
    const script = path.join(__dirname, 'worker.js');
    if (!fs.existsSync(script) || !takePlace()) return null;
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      giveBackPlace();
      return null;
    }
    const w = new ShardWorker(worker, size);
    // Referenced only while a reply is awaited (after adding the listeners, which ref the port again): an idle
    // worker never keeps the process alive.
    worker.unref();
    try {
      const ready = w.replies.expect();
      worker.postMessage({
        type: 'init',
        spec,
        backend,
        gemm,
        provider,
        params: w.params.buffer,
        grads: w.grads.buffer,
        ctl: w.jobs.ctl.buffer,
        loss: w.jobs.loss.buffer,
      });
      await ready;
      return w;
    } catch {
      w.dispose();
      return null;
    }
  }

  /** Share the windows and the epoch's order with the worker (copied into shared memory). */
  setData(x: Float32Array, order: ArrayLike<number>): void {
    if (this.x.length < x.length) this.x = new Float32Array(new SharedArrayBuffer(x.length * 4));
    if (this.order.length < order.length) this.order = new Int32Array(new SharedArrayBuffer(order.length * 4));
    this.x.set(x);
    for (let k = 0; k < order.length; k++) this.order[k] = order[k];
    this.send({ type: 'data', x: this.x.buffer, order: this.order.buffer });
  }

  /**
   * Start a job on the current `params` (the worker enters its job loop on the first one, and stays in it until
   * the next message); {@link result} gives its loss.
   * @throws Error when the worker failed.
   */
  post(job: ShardJob): void {
    if (this.replies.failed) throw this.replies.failed;
    this.jobs.post(job);
  }

  /** Say that the main thread's gradients of the worker's part of the values are in `grads`. */
  gradsPosted(): void {
    this.jobs.mark(Slot.MINE);
  }

  /** Say that the main thread's part of the updated values is in `params`. */
  valuesPosted(): void {
    this.jobs.mark(Slot.VALUES);
  }

  /**
   * Wait until the worker's gradients of the main thread's part are in `grads`.
   * @throws Error when the job or the worker failed.
   */
  async theirGrads(): Promise<void> {
    await this.jobs.until(Slot.THEIRS, () => this.replies.failed);
  }

  /**
   * The loss sum of the job {@link post}ed last, the worker's part of the updated values in `params`: waits for
   * the worker.
   * @throws Error when the job or the worker failed.
   */
  async result(): Promise<number> {
    await this.jobs.until(Slot.DONE, () => this.replies.failed);
    return this.jobs.loss[0];
  }

  /** Hand the moments of the worker's part of the values to its optimizer (before its first job). */
  setMoments(m: Float32Array, v: Float32Array): void {
    this.send({ type: 'moments', m, v });
  }

  /** A message to the worker, out of its job loop first (it reads no message while in it). */
  private send(message: object): void {
    this.jobs.stop();
    this.worker.postMessage(message);
  }

  /**
   * Drop the shared copy of the windows and order (both threads let go of it; the memory is freed once the worker
   * has read this message): training is over. A later {@link setData} copies them again.
   */
  releaseData(): void {
    this.x = new Float32Array(new SharedArrayBuffer(4));
    this.order = new Int32Array(new SharedArrayBuffer(4));
    this.send({ type: 'data', x: this.x.buffer, order: this.order.buffer });
  }

  /**
   * Reconstruct the `count` windows of `x` (copied into a shared input buffer of the prediction's own, so the
   * training data shared by {@link setData} stays as it is) with the current `params`, in batches of `batch`
   * windows computed in buffers of `rows` (>= batch, see `LstmEngine.reconstruct`), into the start of the shared
   * {@link output}. Both prediction buffers only grow, to the largest chunk asked for.
   * @throws Error when the worker failed.
   */
  reconstruct(x: Float32Array, count: number, batch: number, rows: number): Promise<void> {
    if (this.px.length < x.length) this.px = new Float32Array(new SharedArrayBuffer(x.length * 4));
    if (this.out.length < x.length) this.out = new Float32Array(new SharedArrayBuffer(x.length * 4));
    this.px.set(x);
    const p = this.replies.expect();
    this.send({ type: 'predict', x: this.px.buffer, count, batch, rows, out: this.out.buffer });
    return p;
  }

  /** The shared reconstruction buffer {@link reconstruct} writes into. */
  get output(): Float32Array {
    return this.out;
  }

  /** Stop the worker. */
  dispose(): void {
    this.jobs.stop();
    this.replies.failed ??= new Error('gradient worker disposed');
    this.release();
    void this.worker.terminate();
  }
}
