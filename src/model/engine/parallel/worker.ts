import { parentPort } from 'worker_threads';
import { useBackend } from '../../../backend/active';
import type { BackendChoice } from '../../../backend/select';
import type { Mat } from '../../compute/compute';
import { type ComputeKind, computeFactory } from '../../compute/factory';
import type { AutoencoderSpec } from '../../spec';
import { Adam } from '../adam';
import { LstmEngine } from '../engine';
import { Slot, spin, waitFor } from './channel';
import { splitPoint } from './job';

/**
 * Entry point of a gradient worker thread (see {@link ShardWorker}): on `init` it selects the main thread's
 * backend and builds its own engine core; on `data` it maps the shared windows and order; on `jobs` it runs the
 * training jobs of the Atomics channel (see {@link jobLoop}) until the main thread stops it; on `predict` it
 * reconstructs a range of the shared windows into a shared output.
 */
let core: LstmEngine | null = null;
// Views of the main thread's shared buffers (empty until `init` / `data`).
let params: Float32Array<ArrayBufferLike> = new Float32Array(0);
let grads: Float32Array<ArrayBufferLike> = new Float32Array(0);
let x: Float32Array<ArrayBufferLike> = new Float32Array(0);
let order: Int32Array<ArrayBufferLike> = new Int32Array(0);
let ctl: Int32Array<ArrayBufferLike> = new Int32Array(0);
let lossOut: Float64Array<ArrayBufferLike> = new Float64Array(0);
// The optimizer of this thread's part of the values, and the main thread's gradients of it.
let adam: Adam | null = null;
let other: Mat | null = null;

/**
 * The job loop, from job number `seen` (the count when the main thread asked for it): wait for a training job on
 * the channel (see {@link Slot}); with FULL, take every value first; compute the shard's gradients; put those of
 * the main thread's part in `grads` and take the main thread's of this part; update this part of the values
 * (Adam, at the job's rate) and put it in `params`; publish the loss and the job number; take the main thread's
 * part of the new values. Until asked to stop, also while waiting within a job. A failed job throws out of the
 * loop (its error goes back as a message, and the job is never marked done).
 */
function jobLoop(core: LstmEngine, seen: number): void {
  const stop = () => Atomics.load(ctl, Slot.STOP) === 1;
  const n = core.params.size;
  const h = splitPoint(n);
  const { values, grads: mine } = core.params;
  const g = core.gemm;
  for (;;) {
    spin(ctl, Slot.SEQ, seen, false);
    if (Atomics.wait(ctl, Slot.SEQ, seen, 1000) === 'timed-out') continue;
    seen = Atomics.load(ctl, Slot.SEQ);
    if (stop()) break;
    if (ctl[Slot.FULL] === 1) core.loadFlat(params);
    const solo = ctl[Slot.SOLO] === 1;
    let loss = 0;
    if (!solo) {
      loss = core.shardGradients(
        x,
        order,
        ctl[Slot.START],
        ctl[Slot.B],
        ctl[Slot.ROW0],
        ctl[Slot.NORM],
        ctl[Slot.STEP],
      );
      grads.set(mine.f.subarray(0, h));
    }
    Atomics.store(ctl, Slot.THEIRS, seen);
    Atomics.notify(ctl, Slot.THEIRS);
    if (!waitFor(ctl, Slot.MINE, seen, 50, stop)) break;
    // Shard 0's gradients (the main thread's) plus this shard's, as the main thread sums its part.
    other ??= g.alloc(1, n);
    other.f.set(grads.subarray(h), h);
    adam!.stepRange(g, values, other, solo ? null : mine, h, n, lossOut[1]);
    params.set(values.f.subarray(h), h);
    lossOut[0] = loss;
    Atomics.store(ctl, Slot.DONE, seen);
    Atomics.notify(ctl, Slot.DONE);
    // The main thread's part of the new values, taken now (while the main thread takes this part) rather than
    // when the next job comes.
    if (!waitFor(ctl, Slot.VALUES, seen, 50, stop)) break;
    values.f.set(params.subarray(0, h));
    core.params.changed();
  }
  Atomics.store(ctl, Slot.STOP, 0);
}

type Message =
  | {
      type: 'init';
      spec: AutoencoderSpec;
      backend: BackendChoice;
      gemm: ComputeKind;
      provider: string;
      params: SharedArrayBuffer;
      grads: SharedArrayBuffer;
      ctl: SharedArrayBuffer;
      loss: SharedArrayBuffer;
    }
  | { type: 'data'; x: SharedArrayBuffer; order: SharedArrayBuffer }
  | { type: 'jobs'; seq: number }
  | { type: 'moments'; m: Float32Array; v: Float32Array }
  | { type: 'predict'; x: SharedArrayBuffer; count: number; batch: number; rows: number; out: SharedArrayBuffer };

async function handle(m: Message): Promise<void> {
  if (m.type === 'init') {
    await useBackend(m.backend);
    // No initial weights: every value comes from the main thread (a FULL job, or before a prediction).
    core = new LstmEngine(m.spec, computeFactory(m.gemm), false);
    adam = new Adam(core.params.size, { learningRate: m.spec.learningRate });
    if (core.computeName !== m.provider)
      throw new Error(`compute provider ${core.computeName} differs from the main thread's ${m.provider}`);
    params = new Float32Array(m.params);
    grads = new Float32Array(m.grads);
    ctl = new Int32Array(m.ctl);
    lossOut = new Float64Array(m.loss);
    parentPort!.postMessage({ type: 'ready' });
  } else if (m.type === 'data') {
    x = new Float32Array(m.x);
    order = new Int32Array(m.order);
  } else if (m.type === 'moments') {
    if (!core || !adam) throw new Error('moments before init');
    adam.setMoments(core.gemm, splitPoint(core.params.size), m.m, m.v);
  } else if (m.type === 'jobs') {
    if (!core) throw new Error('jobs before init');
    jobLoop(core, m.seq);
  } else if (m.type === 'predict') {
    if (!core) throw new Error('predict before init');
    core.loadFlat(params);
    const out = new Float32Array(m.out);
    const px = new Float32Array(m.x);
    for (let s = 0; s < m.count; s += m.batch) core.reconstruct(px, s, Math.min(m.batch, m.count - s), out, m.rows);
    parentPort!.postMessage({ type: 'done' });
  }
}

// Messages are handled one at a time, in order (init is awaited before any job runs).
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (m: Message) => {
  queue = queue
    .then(() => handle(m))
    .catch((e: unknown) => {
      parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
    });
});
