import type { EpochRecord } from '../result';

/** Where progress goes: a bar on a terminal, one line per epoch otherwise, nothing when quiet. */
export type ProgressMode = 'bar' | 'lines' | 'quiet';

/**
 * Training progress for the CLI, written to stderr.
 *
 * @example
 * const p = new Progress(process.stderr.isTTY ? 'bar' : 'lines');
 */
export class Progress {
  private lastDraw = 0;
  private best = Infinity;
  constructor(
    readonly mode: ProgressMode,
    private readonly out: NodeJS.WritableStream & { columns?: number } = process.stderr,
  ) {}

  /** A message line (suppressed when quiet). */
  info(msg: string): void {
    if (this.mode === 'quiet') return;
    this.clear();
    this.out.write(`${msg}\n`);
  }

  /** Batch progress inside an epoch: redraws the bar at most ~10 times a second. */
  batch(epoch: number, maxEpochs: number, batch: number, batches: number): void {
    if (this.mode !== 'bar') return;
    const now = Date.now();
    if (now - this.lastDraw < 100 && batch + 1 < batches) return;
    this.lastDraw = now;
    const width = 24;
    const done = Math.round(((batch + 1) / batches) * width);
    const best = Number.isFinite(this.best) ? `  best val ${this.best.toFixed(4)}` : '';
    this.out.write(
      `\r\x1b[2Kepoch ${epoch}/${maxEpochs} [${'#'.repeat(done)}${'.'.repeat(width - done)}] ${batch + 1}/${batches}${best}`,
    );
  }

  /** End of an epoch: a line with loss, validation loss, seconds and sequences/s. */
  epoch(r: EpochRecord, maxEpochs: number): void {
    if (r.valLoss !== null && r.valLoss < this.best) this.best = r.valLoss;
    if (this.mode === 'quiet') return;
    this.clear();
    const val = r.valLoss === null ? '' : `  val_loss ${r.valLoss.toFixed(5)}`;
    this.out.write(
      `epoch ${String(r.epoch).padStart(3)}/${maxEpochs}  loss ${r.loss.toFixed(5)}${val}  ${r.seconds.toFixed(1)}s  ${Math.round(r.seqPerSec)} seq/s\n`,
    );
  }

  private clear(): void {
    if (this.mode === 'bar') this.out.write('\r\x1b[2K');
  }
}
