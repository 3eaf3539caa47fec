import { type Job, Worker } from 'bullmq';
import type { ScanItemResult, ScanJob } from './job';
import { RunnerPool } from './pool';
import { SCAN_QUEUE } from './queue';
import { connectQueue } from './redis-url';
import { queueConnection, watchRedis } from './redis-watch';

/** What a worker reports: a job started, finished (ok or a data error), or threw (it is retried). */
export interface WorkerEvent {
  event: 'start' | 'done' | 'error';
  job: string;
  name: string;
  attempt: number;
  ok?: boolean;
  error?: string;
}

/** Options of {@link runWorker}. */
export interface WorkerOptions {
  /** Jobs run side by side, each in its own child process (`--concurrency`). Default 1. */
  concurrency?: number;
  /** Job lock, ms: a job whose worker died is taken back after this. Default 30000. */
  lockDuration?: number;
  /** How often this worker looks for stalled jobs, ms. Default 30000 (BullMQ's). */
  stalledInterval?: number;
  /** How many times a job may stall before it fails. Default 2. */
  maxStalledCount?: number;
  /** Queue name. Default {@link SCAN_QUEUE}. */
  queueName?: string;
  onEvent?: (e: WorkerEvent) => void;
  /** Told once when Redis is lost (the worker keeps retrying) and once when it is back. */
  onConnection?: (e: { event: 'lost'; reason: string } | { event: 'back'; seconds: number }) => void;
}

/** A running worker: `close()` finishes the jobs in hand, then stops. */
export interface WorkerHandle {
  close(): Promise<void>;
}

/**
 * Process scan jobs from the queue until closed: each job runs in a child process (so lock renewal goes on
 * while it trains), its item is the job's return value. A job that throws is retried by BullMQ (attempts and
 * backoff are the scan's); a worker killed mid-job leaves a stalled job that another worker takes back after
 * `lockDuration`. When Redis goes away the worker keeps retrying (every 0.5 s), telling `onConnection` once when
 * it is lost and once when it is back.
 *
 * @throws InputError when the URL is malformed or Redis does not answer within 5 s.
 * @example
 * const w = await runWorker('redis://127.0.0.1:6379', { concurrency: 1 });
 * process.on('SIGTERM', () => w.close().then(() => process.exit(0)));
 */
export async function runWorker(url: string, opts: WorkerOptions = {}): Promise<WorkerHandle> {
  await (await connectQueue(url)).quit();
  const concurrency = opts.concurrency ?? 1;
  const pool = new RunnerPool(concurrency);
  const emit = opts.onEvent ?? (() => undefined);
  const conn = queueConnection(url);
  const worker = new Worker(
    opts.queueName ?? SCAN_QUEUE,
    async (job: Job<ScanJob, ScanItemResult>) => {
      const base = { job: String(job.id), name: job.data.name, attempt: job.attemptsMade + 1 };
      emit({ event: 'start', ...base });
      try {
        const item = await pool.run(job.data);
        emit({ event: 'done', ...base, ok: item.ok, ...(item.ok ? {} : { error: item.error }) });
        return item;
      } catch (e) {
        emit({ event: 'error', ...base, error: (e as Error).message });
        throw e;
      }
    },
    {
      connection: conn,
      concurrency,
      lockDuration: opts.lockDuration ?? 30000,
      stalledInterval: opts.stalledInterval ?? 30000,
      maxStalledCount: opts.maxStalledCount ?? 2,
    },
  );
  worker.on('error', () => undefined);
  await worker.waitUntilReady();
  const watch = watchRedis(url, {
    onLost: (reason) => opts.onConnection?.({ event: 'lost', reason }),
    onBack: (seconds) => opts.onConnection?.({ event: 'back', seconds: Math.round(seconds * 10) / 10 }),
  });
  let closing: Promise<void> | null = null;
  return {
    close: () =>
      (closing ??= (async () => {
        watch.close();
        await worker.close();
        await pool.close();
        conn.disconnect();
      })()),
  };
}
