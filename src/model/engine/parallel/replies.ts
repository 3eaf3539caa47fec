import type { Worker } from 'worker_threads';

/** Messages from the worker. */
type Reply = { type: 'ready' } | { type: 'done' } | { type: 'error'; message: string };

/**
 * The replies a gradient worker owes the main thread by message: at most one awaited at a time (init, predict),
 * and the worker's first failure (an error message while none is awaited, that of a job; an error event; its
 * exit), kept in `failed`. The worker is referenced only while a reply is awaited: an idle one never keeps the
 * process alive.
 * @example
 * const replies = new Replies(worker);
 * const ready = replies.expect(); worker.postMessage({ type: 'init' }); await ready;
 */
export class Replies {
  private pending: { resolve: () => void; reject: (e: Error) => void } | null = null;
  /** The worker's first failure, or null. */
  failed: Error | null = null;

  constructor(private readonly worker: Worker) {
    worker.on('message', (m: Reply) => this.settle(m));
    worker.on('error', (e) => this.fail(e instanceof Error ? e : new Error(String(e))));
    worker.on('exit', (code) => this.fail(new Error(`gradient worker exited (code ${code})`)));
  }

  /**
   * The next reply: resolves on `ready` or `done`, rejects on an error or a failure.
   * @throws never; the promise rejects with the failure when the worker failed already.
   */
  expect(): Promise<void> {
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
