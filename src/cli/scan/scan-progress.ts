import type { ScanItemResult } from '../../scan/job';
import type { ScanProgress } from '../../scan/progress';
import { stripControl } from '../../util/sanitize';
import type { ProgressMode } from '../progress';

/**
 * Seconds as `45s`, `3m05s` or `2h07m` (`?` for none).
 *
 * @throws Nothing.
 * @example
 * formatEta(185); // '3m05s'
 */
export function formatEta(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The one-line outcome of a series: its anomaly count, or its error. */
function outcome(item: ScanItemResult): string {
  const name = stripControl(item.name);
  if (!item.ok) return `${name}: failed: ${stripControl(item.error)}`;
  const n = item.result.anomalies.length;
  return `${name}: ${n} ${n === 1 ? 'anomaly' : 'anomalies'} in ${item.result.test.length} test windows`;
}

/**
 * The scan's progress on stderr: a bar redrawn in place on a terminal (with a line per finished series above
 * it), a line per finished series otherwise, nothing when quiet. Series that failed before the scan started
 * (loading) are counted in `failedBefore`.
 *
 * @example
 * const view = new ScanProgressView('lines', 20, 1);
 * scanLocal(jobs, { onProgress: (p) => view.update(p) });
 */
export class ScanProgressView {
  private barShown = false;

  constructor(
    readonly mode: ProgressMode,
    private readonly total: number,
    private readonly failedBefore = 0,
    private readonly out: NodeJS.WritableStream = process.stderr,
  ) {}

  /** A message line (suppressed when quiet), without control characters (names come from files). */
  info(msg: string): void {
    if (this.mode === 'quiet') return;
    this.clear();
    this.out.write(`${stripControl(msg)}\n`);
  }

  /** The counts as text: `3/16 done 2, failed 1, running 1, ETA 1m05s`. */
  counts(p: ScanProgress): string {
    const failed = p.failed + this.failedBefore;
    const finished = p.done + failed;
    const eta = formatEta(p.etaSeconds);
    return `${finished}/${this.total} done ${p.done}, failed ${failed}, running ${p.running}, ETA ${eta}`;
  }

  /** A change of the scan's state (see {@link ScanProgress}). */
  update(p: ScanProgress): void {
    if (this.mode === 'quiet') return;
    if (p.last) {
      this.clear();
      this.out.write(`${this.mode === 'lines' ? `[${this.counts(p)}] ` : ''}${outcome(p.last)}\n`);
    }
    if (this.mode !== 'bar') return;
    const width = 24;
    const finished = p.done + p.failed + this.failedBefore;
    const full = Math.round((finished / Math.max(1, this.total)) * width);
    this.out.write(`\r\x1b[2Kscan [${'#'.repeat(full)}${'.'.repeat(width - full)}] ${this.counts(p)}`);
    this.barShown = true;
  }

  /** Remove the bar (before the closing lines). */
  end(): void {
    this.clear();
  }

  private clear(): void {
    if (this.barShown) this.out.write('\r\x1b[2K');
    this.barShown = false;
  }
}
