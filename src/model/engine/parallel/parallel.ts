import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { ComputeKind } from '../../compute/factory';
import type { AutoencoderSpec } from '../../spec';

/** What the worker computes for one training batch: the gradient of its shard of the batch. */
export interface ShardJob {
  /** Rows order[start .. start + B - 1] of the shared data; dropout rows row0 .. row0 + B - 1 of step `step`. */
  start: number;
  B: number;
  row0: number;
  step: number;
  /** Value count of the whole batch (the loss is a mean over it). */
  norm: number;
  /** The Adam rate of this step: the worker updates values {@link splitPoint} .. size - 1 with it. */
  rate: number;
  /** Whether the worker loads every value from `params` first (else only the main thread's part). */
  full: boolean;
  /** Whether the batch is the main thread's shard only (`B` 0): the worker's update uses its gradient alone. */
  solo: boolean;
}

/**
 * Where the update of a step is cut between the threads: the main thread updates values 0 .. splitPoint - 1,
 * the worker the rest. A multiple of 16, so each part starts a SIMD block where the whole update would.
 * @example
 * splitPoint(198273); // 99136
 */
export function splitPoint(size: number): number {
  return Math.floor(size / 32) * 16;
}

/**
 * Wait until `ctl[slot]` is `value`: spin for a while first ({@link spin}), then block in steps of `ms` until
 * `stop()` says to give up (returns false).
 */
export function waitFor(ctl: Int32Array, slot: number, value: number, ms: number, stop: () => boolean): boolean {
  if (spin(ctl, slot, value, true)) return true;
  for (let now = Atomics.load(ctl, slot); now !== value; now = Atomics.load(ctl, slot)) {
    if (Atomics.wait(ctl, slot, now, ms) === 'timed-out' && stop()) return false;
  }
  return true;
}

/**
 * Load `ctl[slot]` for up to {@link SPIN_MS} until it is (`equal`) or is not `value`; whether it came. The
 * hand-offs of a batch are tens of microseconds apart, and a thread put to sleep on a virtual machine is slow to
 * wake.
 */
export function spin(ctl: Int32Array, slot: number, value: number, equal: boolean): boolean {
  const end = performance.now() + SPIN_MS;
  do {
    for (let i = 0; i < 64; i++) if ((Atomics.load(ctl, slot) === value) === equal) return true;
  } while (performance.now() < end);
  return false;
}

/** For {@link waitFor} on the main thread: return after the first timeout, to let the event loop run. */
const giveUp = () => true;

/** How long a thread spins on a slot before it sleeps, ms. */
export const SPIN_MS = 0.2;

/** Messages from the worker. */
type Reply = { type: 'ready' } | { type: 'done' } | { type: 'error'; message: string };

/**
 * Slots of the job channel, an Int32Array over a SharedArrayBuffer: training jobs go through it with
 * `Atomics.wait`/`notify` (tens of microseconds) instead of messages (0.2-1 ms each way, per batch).
 * SEQ: the main thread's job count (bumped to post a job, or to stop); DONE: the last job the worker finished,
 * its part of the updated values in `params` (a failed job never is: its error comes as a message); STOP: 1 asks
 * the worker to leave the job loop (to read messages again); MINE / THEIRS: the last job whose gradients the main
 * thread / the worker has put in `grads` (the part the other thread updates); VALUES: the last job whose values
 * of the main thread's part are in `params`; then the job's fields.
 */
export enum Slot {
  SEQ,
  DONE,
  STOP,
  MINE,
  THEIRS,
  VALUES,
  START,
  B,
  ROW0,
  STEP,
  NORM,
  FULL,
  SOLO,
  SIZE,
}

/**
 * Most gradient workers alive at once in this process: each holds its own backend (about 100 MB), and more
 * workers than cores compute nothing faster. A model that finds them all taken trains on one thread, with the same
 * numbers (see {@link ShardWorker}).
 */
export const MAX_WORKERS = Math.max(
  2,
  typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length,
);

let live = 0;

/**
 * How many gradient workers of this process are alive (started and not yet disposed or exited).
 *
 * @throws never.
 * @example
 * liveWorkers(); // 0 before any two-thread training
 */
export function liveWorkers(): number {
  return live;
}

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
  private out = new Float32Array(new SharedArrayBuffer(4));
  private pending: { resolve: () => void; reject: (e: Error) => void } | null = null;
  private failed: Error | null = null;
  /** The job channel (see {@link Slot}) and the loss of the last job. */
  private readonly ctl = new Int32Array(new SharedArrayBuffer(Slot.SIZE * 4));
  /** The loss of the last job, and the Adam rate of the current one. */
  private readonly loss = new Float64Array(new SharedArrayBuffer(16));
  private seq = 0;
  private looping = false;
  private counted = true;

  private constructor(
    private readonly worker: Worker,
    size: number,
  ) {
    this.params = new Float32Array(new SharedArrayBuffer(size * 4));
    this.grads = new Float32Array(new SharedArrayBuffer(size * 4));
    worker.on('message', (m: Reply) => this.settle(m));
    worker.on('error', (e) => this.fail(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => {
      this.release();
      this.fail(new Error(`gradient worker exited (code ${code})`));
    });
  }

  /** Give back this worker's place among the {@link MAX_WORKERS} (once). */
  private release(): void {
    if (this.counted) live--;
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
    if (!fs.existsSync(script) || live >= MAX_WORKERS) return null;
    let worker: Worker;
    try {
      worker = new Worker(script);
    } catch {
      return null;
    }
    live++;
    const w = new ShardWorker(worker, size);
    // Referenced only while a reply is awaited (after adding the listeners, which ref the port again): an idle
    // worker never keeps the process alive.
    worker.unref();
    try {
      const ready = w.expect();
      worker.postMessage({
        type: 'init',
        spec,
        backend,
        gemm,
        provider,
        params: w.params.buffer,
        grads: w.grads.buffer,
        ctl: w.ctl.buffer,
        loss: w.loss.buffer,
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
    if (this.failed) throw this.failed;
    if (!this.looping) {
      this.worker.postMessage({ type: 'jobs', seq: this.seq });
      this.looping = true;
    }
    const c = this.ctl;
    c[Slot.START] = job.start;
    c[Slot.B] = job.B;
    c[Slot.ROW0] = job.row0;
    c[Slot.STEP] = job.step;
    c[Slot.NORM] = job.norm;
    c[Slot.FULL] = job.full ? 1 : 0;
    c[Slot.SOLO] = job.solo ? 1 : 0;
    this.loss[1] = job.rate;
    Atomics.store(c, Slot.SEQ, ++this.seq);
    Atomics.notify(c, Slot.SEQ);
  }

  /** Say that the main thread's gradients of the worker's part of the values are in `grads`. */
  gradsPosted(): void {
    Atomics.store(this.ctl, Slot.MINE, this.seq);
    Atomics.notify(this.ctl, Slot.MINE);
  }

  /** Say that the main thread's part of the updated values is in `params`. */
  valuesPosted(): void {
    Atomics.store(this.ctl, Slot.VALUES, this.seq);
    Atomics.notify(this.ctl, Slot.VALUES);
  }

  /**
   * Wait until the worker's gradients of the main thread's part are in `grads`.
   * @throws Error when the job or the worker failed.
   */
  async theirGrads(): Promise<void> {
    await this.until(Slot.THEIRS);
  }

  /**
   * The loss sum of the job {@link post}ed last, the worker's part of the updated values in `params`: waits for
   * the worker.
   * @throws Error when the job or the worker failed.
   */
  async result(): Promise<number> {
    await this.until(Slot.DONE);
    return this.loss[0];
  }

  /**
   * Wait until `slot` holds the current job number: blocking for up to 50 ms at a time (a shard takes a few
   * milliseconds), then letting the event loop run (where the error of a failed job, or the exit of a dead
   * worker, arrives).
   */
  private async until(slot: Slot): Promise<void> {
    while (!waitFor(this.ctl, slot, this.seq, 50, giveUp)) {
      await new Promise((r) => setImmediate(r));
      if (this.failed) throw this.failed;
    }
  }

  /** Hand the moments of the worker's part of the values to its optimizer (before its first job). */
  setMoments(m: Float32Array, v: Float32Array): void {
    this.send({ type: 'moments', m, v });
  }

  /** A message to the worker, out of its job loop first (it reads no message while in it). */
  private send(message: object): void {
    this.stopJobs();
    this.worker.postMessage(message);
  }

  /** Let the worker leave its job loop. No-op when not in it. */
  private stopJobs(): void {
    if (!this.looping) return;
    this.looping = false;
    Atomics.store(this.ctl, Slot.STOP, 1);
    Atomics.store(this.ctl, Slot.SEQ, ++this.seq);
    Atomics.notify(this.ctl, Slot.SEQ);
  }

  /**
   * Reconstruct windows first .. first + count - 1 of the shared data (see {@link setData}) with the current
   * `params`, in batches of `batch` windows computed in buffers of `rows` (>= batch, see
   * `LstmEngine.reconstruct`), into the same places of the shared `out` (grown to `size` floats).
   * @throws Error when the worker failed.
   */
  reconstruct(first: number, count: number, batch: number, rows: number, size: number): Promise<void> {
    if (this.out.length < size) this.out = new Float32Array(new SharedArrayBuffer(size * 4));
    const p = this.expect();
    this.send({ type: 'predict', first, count, batch, rows, out: this.out.buffer });
    return p;
  }

  /** The shared reconstruction buffer {@link reconstruct} writes into. */
  get output(): Float32Array {
    return this.out;
  }

  /** Stop the worker. */
  dispose(): void {
    this.stopJobs();
    this.failed ??= new Error('gradient worker disposed');
    this.release();
    void this.worker.terminate();
  }

  private expect(): Promise<void> {
    if (this.failed) return Promise.reject(this.failed);
    this.worker.ref();
    return new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
    });
  }

  private settle(m: Reply): void {
    const p = this.pending;
    this.pending = null;
    this.worker.unref();
    const e = m.type === 'error' ? new Error(`gradient worker: ${m.message}`) : null;
    // Without a pending reply, an error is that of a job (see result).
    if (e && !p) this.failed ??= e;
    if (e) p?.reject(e);
    else p?.resolve();
  }

  private fail(e: Error): void {
    this.failed ??= e;
    const p = this.pending;
    this.pending = null;
    this.worker.unref();
    p?.reject(e);
  }
}
