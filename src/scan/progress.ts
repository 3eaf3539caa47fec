import type { ScanItemResult } from './job';

/** Where a scan stands: series done (ok), failed, running, still waiting, and an estimate of the time left. */
export interface ScanProgress {
  total: number;
  done: number;
  failed: number;
  running: number;
  /** Seconds left at the pace so far (finished series per second since the start); null before the first. */
  etaSeconds: number | null;
  /** The series that just finished, when this update is about one. */
  last?: ScanItemResult;
}

/**
 * Counts a scan's series as they start and finish, and reports each change to a callback.
 *
 * @example
 * const t = new ProgressTracker(8, (p) => console.log(p.done, p.failed, p.etaSeconds));
 * t.started(); t.finished(item);
 */
export class ProgressTracker {
  private done = 0;
  private failed = 0;
  private running = 0;
  private readonly t0 = Date.now();

  constructor(
    readonly total: number,
    private readonly onProgress?: (p: ScanProgress) => void,
    private readonly now = () => Date.now(),
  ) {}

  /** A series started. */
  started(): void {
    this.running++;
    this.emit();
  }

  /** A series finished (ok or not); `wasRunning` false for a result reused without running. */
  finished(item: ScanItemResult, wasRunning = true): void {
    if (wasRunning) this.running = Math.max(0, this.running - 1);
    if (item.ok) this.done++;
    else this.failed++;
    this.emit(item);
  }

  /** The current counts. */
  snapshot(): ScanProgress {
    const finished = this.done + this.failed;
    const elapsed = (this.now() - this.t0) / 1000;
    const eta = finished === 0 ? null : (elapsed / finished) * (this.total - finished);
    return { total: this.total, done: this.done, failed: this.failed, running: this.running, etaSeconds: eta };
  }

  private emit(last?: ScanItemResult): void {
    this.onProgress?.({ ...this.snapshot(), ...(last ? { last } : {}) });
  }
}
