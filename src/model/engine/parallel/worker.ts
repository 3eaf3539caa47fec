import { parentPort } from 'worker_threads';
import { useBackend } from '../../../backend/active';
import type { BackendChoice } from '../../../backend/select';
import { LstmEngine } from '../engine';
import { ComputeKind, computeFactory } from '../../compute/factory';
import { Slot } from './parallel';
import type { AutoencoderSpec } from '../../spec';

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

/**
 * The job loop, from job number `seen` (the count when the main thread asked for it): wait for a training job on
 * the channel (see {@link Slot}), compute the shard's gradients from the shared parameters into the shared
 * gradients, publish the loss and the job number; until asked to stop. A failed job throws out of the loop (its
 * error goes back as a message, and the job is never marked done).
 */
function jobLoop(core: LstmEngine, seen: number): void {
  for (;;) {
    if (Atomics.wait(ctl, Slot.SEQ, seen, 1000) === 'timed-out') continue;
    seen = Atomics.load(ctl, Slot.SEQ);
    if (Atomics.load(ctl, Slot.STOP) === 1) {
      Atomics.store(ctl, Slot.STOP, 0);
      return;
    }
    core.loadFlat(params);
    lossOut[0] = core.shardGradients(x, order, ctl[Slot.START], ctl[Slot.B], ctl[Slot.ROW0], ctl[Slot.NORM], ctl[Slot.STEP]);
    grads.set(core.params.grads.f);
    Atomics.store(ctl, Slot.DONE, seen);
    Atomics.notify(ctl, Slot.DONE);
  }
}

type Message =
  | { type: 'init'; spec: AutoencoderSpec; backend: BackendChoice; gemm: ComputeKind; provider: string; params: SharedArrayBuffer; grads: SharedArrayBuffer; ctl: SharedArrayBuffer; loss: SharedArrayBuffer }
  | { type: 'data'; x: SharedArrayBuffer; order: SharedArrayBuffer }
  | { type: 'jobs'; seq: number }
  | { type: 'predict'; first: number; count: number; batch: number; out: SharedArrayBuffer };

async function handle(m: Message): Promise<void> {
  if (m.type === 'init') {
    await useBackend(m.backend);
    core = new LstmEngine(m.spec, computeFactory(m.gemm));
    if (core.computeName !== m.provider) throw new Error(`compute provider ${core.computeName} differs from the main thread's ${m.provider}`);
    params = new Float32Array(m.params);
    grads = new Float32Array(m.grads);
    ctl = new Int32Array(m.ctl);
    lossOut = new Float64Array(m.loss);
    parentPort!.postMessage({ type: 'ready' });
  } else if (m.type === 'data') {
    x = new Float32Array(m.x);
    order = new Int32Array(m.order);
  } else if (m.type === 'jobs') {
    if (!core) throw new Error('jobs before init');
    jobLoop(core, m.seq);
  } else if (m.type === 'predict') {
    if (!core) throw new Error('predict before init');
    core.loadFlat(params);
    const out = new Float32Array(m.out);
    for (let s = m.first; s < m.first + m.count; s += m.batch) core.reconstruct(x, s, Math.min(m.batch, m.first + m.count - s), out);
    parentPort!.postMessage({ type: 'done' });
  }
}

// Messages are handled one at a time, in order (init is awaited before any job runs).
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (m: Message) => {
  queue = queue.then(() => handle(m)).catch((e: unknown) => {
    parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  });
});
