/**
 * The job channel between the main thread and its gradient worker: an Int32Array over a SharedArrayBuffer (the
 * slots of {@link Slot}) through which training jobs go with `Atomics.wait`/`notify`, and the waits on it.
 */
import type { ShardJob } from './job';

/**
 * Wait until `ctl[slot]` is `value`: spin for a while first ({@link spin}), then block in steps of `ms` until
 * `stop()` says to give up (returns false).
 * @example
 * waitFor(ctl, Slot.SEQ, seq + 1, 1000, () => false); // the worker's wait for the next job
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
 * @example
 * if (!spin(ctl, Slot.MINE, seq, true)) Atomics.wait(ctl, Slot.MINE, prev);
 */
export function spin(ctl: Int32Array, slot: number, value: number, equal: boolean): boolean {
  const end = performance.now() + SPIN_MS;
  do {
    for (let i = 0; i < 64; i++) if ((Atomics.load(ctl, slot) === value) === equal) return true;
  } while (performance.now() < end);
  return false;
}

/** How long a thread spins on a slot before it sleeps, ms. */
export const SPIN_MS = 0.2;

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

/** For {@link waitFor} on the main thread: return after the first timeout, to let the event loop run. */
const giveUp = () => true;

/**
 * The main thread's end of the job channel: it posts jobs (their fields in the slots, the Adam rate beside the
 * loss), marks what it has put in shared memory, and waits for the worker's marks.
 * @example
 * const ch = new JobChannel((seq) => worker.postMessage({ type: 'jobs', seq }));
 * ch.post(job); ch.mark(Slot.MINE); await ch.until(Slot.DONE, () => null); const loss = ch.loss[0];
 */
export class JobChannel {
  /** The slots (see {@link Slot}). */
  readonly ctl = new Int32Array(new SharedArrayBuffer(Slot.SIZE * 4));
  /** The loss of the last job, and the Adam rate of the current one. */
  readonly loss = new Float64Array(new SharedArrayBuffer(16));
  private seq = 0;
  private looping = false;

  /** `enter(seq)` tells the worker, by message, to enter its job loop (it reads no message while in it). */
  constructor(private readonly enter: (seq: number) => void) {}

  /** Start a job (the worker enters its job loop on the first one, and stays in it until {@link stop}). */
  post(job: ShardJob): void {
    if (!this.looping) {
      this.enter(this.seq);
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

  /** Mark `slot` (MINE or VALUES) with the current job: the main thread's part is in shared memory. */
  mark(slot: Slot.MINE | Slot.VALUES): void {
    Atomics.store(this.ctl, slot, this.seq);
    Atomics.notify(this.ctl, slot);
  }

  /**
   * Wait until `slot` holds the current job number: blocking for up to 50 ms at a time (a shard takes a few
   * milliseconds), then letting the event loop run (where the error of a failed job, or the exit of a dead
   * worker, arrives: `failed()` then returns it, and it is thrown).
   */
  async until(slot: Slot, failed: () => Error | null): Promise<void> {
    while (!waitFor(this.ctl, slot, this.seq, 50, giveUp)) {
      await new Promise((r) => setImmediate(r));
      const e = failed();
      if (e) throw e;
    }
  }

  /** Let the worker leave its job loop. No-op when not in it. */
  stop(): void {
    if (!this.looping) return;
    this.looping = false;
    Atomics.store(this.ctl, Slot.STOP, 1);
    Atomics.store(this.ctl, Slot.SEQ, ++this.seq);
    Atomics.notify(this.ctl, Slot.SEQ);
  }
}
