import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import type { Series } from '../data/series';
import { LstmAutoencoderDetector } from '../detector/lstm/detector';
import { InputError, isInputError } from '../util/errors';
import { nextVersionDir, type RefitEvery } from './refit';
import { type RefitJob, type RefitReply, refitJob } from './refit-worker';

/** What a refit needs of the scorer (`StreamScorer` in watch.ts): its recent rows, its model, a swap. */
export interface RefitScorer {
  readonly current: LstmAutoencoderDetector;
  recent(): Series;
  swap(next: LstmAutoencoderDetector): LstmAutoencoderDetector;
}

/** How `watch` keeps its model current (`--refit-every`, `--refit-window`, `--refit-epochs`). */
export interface RefitPlan {
  every: RefitEvery;
  /** Recent rows each refit trains on (checked with `checkRefitWindow`). */
  window: number;
  /** Epochs of each refit, from the current weights. */
  epochs: number;
  /** The base model folder: refit K is written to `base@K`. */
  base: string;
  /** Write a refitted detector to a new folder, atomically (the CLI writes through its output door). */
  save: (det: LstmAutoencoderDetector, dir: string) => Promise<void>;
  /** Called when a refit starts: the last date and the number of rows it trains on. */
  onStart?: (date: string, rows: number) => void;
  /** Called when a refit's rows cannot be trained on (a constant window, say): the current model goes on. */
  onSkip?: (message: string) => void;
}

/** The JSON line `watch` prints when a refitted model is swapped in. */
export interface RefitLine {
  type: 'refit';
  version: number;
  model: string;
  /** Date of the row that started the refit, and the first and last dates it trained on. */
  date: string;
  from: string;
  to: string;
  rows: number;
  epochs: number;
  loss: number;
  threshold: number;
  seconds: number;
}

/**
 * Runs refits beside the scoring: {@link row} after each scored row starts one when due (none while one runs); it
 * trains a copy in a worker thread (the scorer keeps scoring with the current model meanwhile) and writes it to a new version folder;
 * {@link swapIn}, called between rows, swaps it in and disposes the old model. Rows a refit cannot train on (an
 * InputError: a constant window) skip that refit (`onSkip`); any other failure is thrown from swapIn.
 *
 * @example
 * const r = new Refitter(plan); r.row(scorer, date); const line = r.swapIn(scorer);
 */
export class Refitter {
  private since = 0;
  private last: string | null = null;
  private running: Promise<void> | null = null;
  private ready: { det: LstmAutoencoderDetector; line: RefitLine } | null = null;
  private failed: { e: unknown } | null = null;

  /** The refit worker, started with the Refitter so its modules are loaded before the first refit is due. */
  private readonly worker = new RefitWorker();

  constructor(private readonly plan: RefitPlan) {}

  /** Count a scored row dated `date`; start a refit on the scorer's recent rows when one is due. */
  row(scorer: RefitScorer, date: string): void {
    this.since++;
    this.last ??= date;
    if (this.running || this.ready) return;
    const every = this.plan.every;
    const due = 'rows' in every ? this.since >= every.rows : Date.parse(date) - Date.parse(this.last) >= every.ms;
    const recent = scorer.recent();
    if (!due || recent.dates.length < this.plan.window) return;
    this.since = 0;
    this.last = date;
    const current = scorer.current;
    const t0 = performance.now();
    this.plan.onStart?.(date, recent.dates.length);
    this.running = (async () => {
      const reply = await this.worker.run({ state: current.toState(current.extra), recent, epochs: this.plan.epochs });
      if (!reply.ok) throw reply.input ? new InputError(reply.message) : new Error(`refit: ${reply.message}`);
      const next = await LstmAutoencoderDetector.fromState(reply.state);
      const { dir, version } = nextVersionDir(this.plan.base);
      await this.plan.save(next, dir);
      const h = reply.history;
      const line: RefitLine = {
        type: 'refit',
        version,
        model: dir,
        date,
        from: recent.dates[0],
        to: recent.dates[recent.dates.length - 1],
        rows: recent.dates.length,
        epochs: h.length,
        loss: h[h.length - 1].loss,
        threshold: next.fitted().threshold.toJSON().value,
        seconds: (performance.now() - t0) / 1000,
      };
      this.ready = { det: next, line };
    })()
      .catch((e) => {
        if (isInputError(e)) this.plan.onSkip?.(e.message);
        else this.failed = { e };
      })
      .finally(() => {
        this.running = null;
      });
  }

  /** Between rows: swap a finished refit in (the old model disposed) and give its line; null when none. */
  swapIn(scorer: RefitScorer): RefitLine | null {
    if (this.failed) throw this.failed.e;
    if (!this.ready) return null;
    const { det, line } = this.ready;
    this.ready = null;
    scorer.swap(det).dispose();
    return line;
  }

  /** Wait for a running refit (at the end of the feed), then swap it in. */
  async drain(scorer: RefitScorer): Promise<RefitLine | null> {
    await this.running;
    return this.swapIn(scorer);
  }
}

/**
 * A refit job runner: one worker thread (`refit-worker.js` beside this file), started at once and reused by every
 * refit, so a refit does not wait for a thread to start and load the model's modules (about 1 s here); `unref`'d,
 * so it never keeps the process alive. Where there is no compiled worker script (ts-node), jobs run in this thread.
 */
class RefitWorker {
  private w: Worker | null = null;
  private readonly script = path.join(__dirname, 'refit-worker.js');

  constructor() {
    if (fs.existsSync(this.script)) this.w = this.start();
  }

  private start(): Worker {
    const w = new Worker(this.script);
    w.unref();
    // A worker that dies between jobs is replaced at the next job.
    w.on('error', () => {
      if (this.w === w) this.w = null;
    });
    return w;
  }

  run(job: RefitJob): Promise<RefitReply> {
    if (!fs.existsSync(this.script)) return refitJob(job);
    const w = (this.w ??= this.start());
    return new Promise((resolve, reject) => {
      const onError = (e: Error) => {
        w.off('message', onMessage);
        reject(e);
      };
      const onMessage = (reply: RefitReply) => {
        w.off('error', onError);
        resolve(reply);
      };
      w.once('message', onMessage);
      w.once('error', onError);
      w.postMessage(job);
    });
  }
}
