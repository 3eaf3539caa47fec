import type { ScanItemResult, ScanJob } from './job';
import { RunnerPool } from './pool';
import { ProgressTracker, type ScanProgress } from './progress';

/** Options of {@link scanLocal}. */
export interface LocalScanOptions {
  /** Child processes running jobs side by side (`--jobs`). Default 1. */
  jobs?: number;
  /** Called when a series starts or finishes. */
  onProgress?: (p: ScanProgress) => void;
}

/**
 * Scan on this machine: every job in one of `jobs` child processes. A series that fails is an item with its
 * one-line error (a job that throws, or whose process dies, too); the scan goes on.
 *
 * @example
 * const items = await scanLocal(jobs, { jobs: 2, onProgress: (p) => console.error(p.done, '/', p.total) });
 */
export async function scanLocal(jobs: ScanJob[], opts: LocalScanOptions = {}): Promise<ScanItemResult[]> {
  const pool = new RunnerPool(Math.max(1, Math.min(opts.jobs ?? 1, jobs.length)));
  const tracker = new ProgressTracker(jobs.length, opts.onProgress);
  try {
    return await Promise.all(
      jobs.map(async (job) => {
        let item: ScanItemResult;
        try {
          item = await pool.run(job, () => tracker.started());
        } catch (e) {
          item = { id: job.id, name: job.name, ok: false, error: (e as Error).message, seconds: 0 };
        }
        tracker.finished(item);
        return item;
      }),
    );
  } finally {
    await pool.close();
  }
}
