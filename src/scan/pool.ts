import { type ChildProcess, fork } from 'child_process';
import * as path from 'path';
import type { ScanItemResult, ScanJob } from './job';
import type { RunnerReply } from './runner';

interface Slot {
  child: ChildProcess | null;
  busy: boolean;
}

/**
 * N child processes (`runner.js`) that run scan jobs, one at a time each; a child that dies is replaced on the
 * next job. Same code and same settings in every child, so a job gives the same result wherever it runs.
 *
 * @example
 * const pool = new RunnerPool(2);
 * const item = await pool.run(job);
 * await pool.close();
 */
export class RunnerPool {
  private slots: Slot[];
  private waiting: (() => void)[] = [];
  private seq = 0;
  private closed = false;

  /** @param size number of child processes (started on first use). */
  constructor(
    readonly size: number,
    private readonly env: NodeJS.ProcessEnv = process.env,
  ) {
    this.slots = Array.from({ length: size }, () => ({ child: null, busy: false }));
  }

  /**
   * Run a job in a free child (waiting for one); `onStart` is called when it has one.
   * @throws Error when the job throws in the child (not for data problems: those are items with ok false) or
   *   the child dies during the job.
   */
  async run(job: ScanJob, onStart?: () => void): Promise<ScanItemResult> {
    const slot = await this.acquire();
    onStart?.();
    try {
      const child = slot.child ?? (slot.child = this.spawn(slot));
      const seq = ++this.seq;
      return await new Promise<ScanItemResult>((resolve, reject) => {
        const onMsg = (m: RunnerReply | { type: 'ready' }) => {
          if (m.type === 'ready' || m.seq !== seq) return;
          done();
          if (m.type === 'result') resolve(m.item);
          else reject(new Error(m.message));
        };
        const onExit = (code: number | null, sig: string | null) => {
          done();
          reject(new Error(`scan runner exited during ${job.name} (${sig ?? `code ${code}`})`));
        };
        const done = () => {
          child.off('message', onMsg);
          child.off('exit', onExit);
        };
        child.on('message', onMsg);
        child.on('exit', onExit);
        child.send({ type: 'job', seq, job });
      });
    } finally {
      slot.busy = false;
      this.waiting.shift()?.();
    }
  }

  /** Stop every child (after the jobs in hand, when awaited after them). */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      this.slots.map(
        (s) =>
          new Promise<void>((resolve) => {
            const c = s.child;
            if (!c || c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once('exit', () => resolve());
            c.disconnect();
          }),
      ),
    );
  }

  private spawn(slot: Slot): ChildProcess {
    const child = fork(path.join(__dirname, 'runner.js'), [], {
      env: this.env,
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    child.on('exit', () => {
      if (slot.child === child) slot.child = null;
    });
    return child;
  }

  private async acquire(): Promise<Slot> {
    for (;;) {
      if (this.closed) throw new Error('runner pool is closed');
      const free = this.slots.find((s) => !s.busy);
      if (free) {
        free.busy = true;
        return free;
      }
      await new Promise<void>((r) => this.waiting.push(r));
    }
  }
}
