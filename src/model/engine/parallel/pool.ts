/** How many gradient workers this process runs, and the cap on them. */
import * as os from 'os';

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
let cap = MAX_WORKERS;

/**
 * Allow at most `n` gradient workers in this process from now on (0: every model trains on one thread, with the
 * same numbers). For a process that is one of several running side by side, e.g. an `evaluate --jobs` child.
 *
 * @throws RangeError for a negative or fractional `n`.
 * @example
 * capWorkers(0); // one training thread per model in this process
 */
export function capWorkers(n: number): void {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`invalid worker cap: ${n}`);
  cap = Math.min(n, MAX_WORKERS);
}

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
 * Take a place among the {@link MAX_WORKERS} (or fewer: {@link capWorkers}) for a starting worker; false when they are all taken.
 * @example
 * if (takePlace()) { ...start the worker; giveBackPlace() when it ends... }
 */
export function takePlace(): boolean {
  if (live >= cap) return false;
  live++;
  return true;
}

/**
 * Give back a place taken by {@link takePlace} (once per place).
 * @example
 * giveBackPlace();
 */
export function giveBackPlace(): void {
  live--;
}
