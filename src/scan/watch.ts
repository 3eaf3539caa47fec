import { parseSeriesCsv } from '../data/load-csv';
import type { Series } from '../data/series';
import type { LstmAutoencoderDetector, WindowScores } from '../detector/lstm/detector';
import { transformLag } from '../transform/transforms';
import { InputError } from '../util/errors';
import { type RefitLine, type RefitPlan, Refitter } from './refit-run';

/** A line `watch` prints: an anomaly run starts (first flagged window) or ends (first window below again). */
export interface WatchEvent {
  type: 'start' | 'end';
  /** Last date of the window that starts or ends the run. */
  date: string;
  /** That window's reconstruction MAE. */
  score: number;
}

/**
 * The start/end events of a series of window scores: a `start` at each flagged window after an unflagged one
 * (or at the first), an `end` at the first unflagged window after a run.
 *
 * @example
 * eventsFromScores({ start: [..], end: ['d1', 'd2', 'd3'], mae: [1, 5, 1], anomaly: [false, true, false] });
 * // [{ type: 'start', date: 'd2', score: 5 }, { type: 'end', date: 'd3', score: 1 }]
 */
export function eventsFromScores(s: Pick<WindowScores, 'end' | 'mae' | 'anomaly'>): WatchEvent[] {
  const out: WatchEvent[] = [];
  let inRun = false;
  s.anomaly.forEach((a, i) => {
    if (a !== inRun) out.push({ type: a ? 'start' : 'end', date: s.end[i], score: s.mae[i] });
    inRun = a;
  });
  return out;
}

/**
 * Scores rows one at a time as they arrive: the first line is the CSV header, every later line one row; each
 * row that completes a window is scored with the detector (its transform, scaler, threshold), exactly as
 * scoring the whole file would score that window.
 *
 * @example
 * const w = new StreamScorer(detector, 'Date,Close');
 * await w.push('2024-01-02,101.5'); // null until a window is complete, then { date, score, anomaly, event? }
 */
export class StreamScorer {
  private buf: Series;
  private readonly need: number;
  private readonly keep: number;
  private inRun = false;
  private header: string | null;
  /** Rows read so far. */
  rows = 0;

  /** `keep`: how many recent rows to hold (at least a window's; more for a refit, see {@link recent}). */
  constructor(
    private detector: LstmAutoencoderDetector,
    header?: string,
    private readonly source = 'stream',
    keep = 0,
  ) {
    this.header = header ?? null;
    this.need = detector.options.window + transformLag(detector.options.transform);
    this.keep = Math.max(this.need, keep);
    this.buf = { dates: [], values: [], columns: [...detector.columns], source };
  }

  /** The detector scoring now. */
  get current(): LstmAutoencoderDetector {
    return this.detector;
  }

  /** A copy of the most recent rows held (up to `keep`), raw values. */
  recent(): Series {
    return { ...this.buf, dates: [...this.buf.dates], values: this.buf.values.map((v) => [...v]) };
  }

  /**
   * Score the next rows with another detector of the same window, transform and columns (a refit); the caller
   * swaps between rows, so no score is ever half with one model and half with the other.
   */
  swap(next: LstmAutoencoderDetector): LstmAutoencoderDetector {
    const old = this.detector;
    this.detector = next;
    return old;
  }

  /**
   * Read one line (the header first, unless given to the constructor); blank lines, and the header line again
   * (the first line of a rotated or truncated file), are skipped.
   * @throws InputError for a row that does not parse, or a date not after the previous one.
   */
  async push(line: string): Promise<{ date: string; score: number; anomaly: boolean; event?: WatchEvent } | null> {
    if (line.trim() === '') return null;
    if (this.header === null) {
      this.header = line;
      return null;
    }
    if (line === this.header) return null;
    this.rows++;
    const at = `${this.source} row ${this.rows}`;
    const cols = this.detector.columns;
    const one = parseSeriesCsv(`${this.header}\n${line}`, {
      source: at,
      valueCols: cols.length ? [...cols] : undefined,
    });
    const date = one.dates[0];
    const last = this.buf.dates[this.buf.dates.length - 1];
    if (last !== undefined && !(date > last)) throw new InputError(`${at}: date ${date} is not after ${last}`);
    this.buf.dates.push(date);
    this.buf.values.push(one.values[0]);
    if (this.buf.dates.length > this.keep) {
      this.buf.dates.shift();
      this.buf.values.shift();
    }
    const n = this.buf.dates.length;
    if (n < this.need) return null;
    const tail =
      n > this.need
        ? { ...this.buf, dates: this.buf.dates.slice(-this.need), values: this.buf.values.slice(-this.need) }
        : this.buf;
    const s = await this.detector.score(tail);
    const i = s.mae.length - 1;
    const r = { date: s.end[i], score: s.mae[i], anomaly: s.anomaly[i] };
    if (r.anomaly === this.inRun) return r;
    this.inRun = r.anomaly;
    return { ...r, event: { type: r.anomaly ? 'start' : 'end', date: r.date, score: r.score } };
  }
}

/**
 * Watch a line source (stdin, a followed file): score each new complete window and call `onEvent` at each
 * anomaly run's start and end (the CLI prints them as JSON lines). Resolves when the source ends. `source`
 * names the feed in error messages (`live.csv row 12: ...`). With `refit`, the model is refitted beside the
 * scoring (see {@link Refitter}) and each swap reported by `onRefit`; the detector scoring at the end is returned
 * (the caller disposes it).
 *
 * @throws InputError for a row that does not parse or goes back in time.
 * @example
 * await watchLines(detector, followFile('live.csv', { signal }), (e) => console.log(JSON.stringify(e)));
 */
export async function watchLines(
  detector: LstmAutoencoderDetector,
  lines: AsyncIterable<string>,
  onEvent: (e: WatchEvent) => void,
  onRow?: (rows: number) => void,
  source = 'stream',
  refit?: { plan: RefitPlan; onRefit: (line: RefitLine) => void },
): Promise<{ rows: number; events: number; refits: number; detector: LstmAutoencoderDetector }> {
  const w = new StreamScorer(detector, undefined, source, refit?.plan.window ?? 0);
  const refitter = refit ? new Refitter(refit.plan) : null;
  let events = 0;
  let refits = 0;
  const swapped = (line: RefitLine | null) => {
    if (!line) return;
    refits++;
    refit!.onRefit(line);
  };
  for await (const line of lines) {
    if (refitter) swapped(refitter.swapIn(w));
    const r = await w.push(line);
    if (r?.event) {
      events++;
      onEvent(r.event);
    }
    if (r && refitter) refitter.row(w, r.date);
    onRow?.(w.rows);
  }
  if (refitter) swapped(await refitter.drain(w));
  return { rows: w.rows, events, refits, detector: w.current };
}
