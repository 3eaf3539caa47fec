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
 * Take a place among the {@link MAX_WORKERS} for a starting worker; false when they are all taken.
 * @example
 * if (takePlace()) { ...start the worker; giveBackPlace() when it ends... }
 */
export function takePlace(): boolean {
  if (live >= MAX_WORKERS) return false;
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
