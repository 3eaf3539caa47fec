/** One training job of the gradient worker, and where the threads cut the update. */
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
