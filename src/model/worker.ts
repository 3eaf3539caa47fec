import { parentPort } from 'worker_threads';
import { BackendChoice, selectBackend } from '../backend/select';
import { LstmEngine } from './engine';
import { GemmKind, gemmFactory } from './gemm-factory';
import type { ShardJob } from './parallel';
import type { AutoencoderSpec } from './spec';

/**
 * Entry point of a gradient worker thread (see {@link ShardWorker}): on `init` it selects the main thread's
 * backend and builds its own engine core; on `data` it maps the shared windows and order; on `job` it loads the
 * shared parameters, computes its shard's gradients into the shared gradient vector and replies with the loss;
 * on `predict` it reconstructs a range of the shared windows into a shared output.
 */
let core: LstmEngine | null = null;
let params = new Float32Array(0);
let grads = new Float32Array(0);
let x = new Float32Array(0);
let order = new Int32Array(0);

type Message =
  | { type: 'init'; spec: AutoencoderSpec; backend: BackendChoice; gemm: GemmKind; provider: string; params: SharedArrayBuffer; grads: SharedArrayBuffer }
  | { type: 'data'; x: SharedArrayBuffer; order: SharedArrayBuffer }
  | { type: 'job'; job: ShardJob }
  | { type: 'predict'; first: number; count: number; batch: number; out: SharedArrayBuffer };

async function handle(m: Message): Promise<void> {
  if (m.type === 'init') {
    await selectBackend(m.backend);
    core = new LstmEngine(m.spec, gemmFactory(m.gemm));
    if (core.gemmName !== m.provider) throw new Error(`compute provider ${core.gemmName} differs from the main thread's ${m.provider}`);
    params = new Float32Array(m.params);
    grads = new Float32Array(m.grads);
    parentPort!.postMessage({ type: 'ready' });
  } else if (m.type === 'data') {
    x = new Float32Array(m.x);
    order = new Int32Array(m.order);
  } else if (m.type === 'job') {
    if (!core) throw new Error('job before init');
    const j = m.job;
    core.loadFlat(params);
    const loss = core.shardGradients(x, order, j.start, j.B, j.row0, j.norm, j.step);
    grads.set(core.params.grads.f);
    parentPort!.postMessage({ type: 'done', loss });
  } else if (m.type === 'predict') {
    if (!core) throw new Error('predict before init');
    core.loadFlat(params);
    const out = new Float32Array(m.out);
    for (let s = m.first; s < m.first + m.count; s += m.batch) core.reconstruct(x, s, Math.min(m.batch, m.first + m.count - s), out);
    parentPort!.postMessage({ type: 'done', loss: 0 });
  }
}

// Messages are handled one at a time, in order (init is awaited before any job runs).
let queue: Promise<void> = Promise.resolve();
parentPort?.on('message', (m: Message) => {
  queue = queue.then(() => handle(m)).catch((e: unknown) => {
    parentPort!.postMessage({ type: 'error', message: e instanceof Error ? e.message : String(e) });
  });
});
