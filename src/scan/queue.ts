import { Job, Queue, QueueEvents, Worker } from 'bullmq';
import IORedis from 'ioredis';
import type { ScanItemResult, ScanJob } from './job';
import { RunnerPool } from './pool';
import { ProgressTracker, ScanProgress } from './progress';
import { connectQueue } from './redis-url';

/** The BullMQ queue a scan and its workers share. */
export const SCAN_QUEUE = 'lstm-anomaly-scan';

/** Options of {@link scanViaQueue}. */
export interface QueueScanOptions {
  /** Scan id (`--scan-id`): jobs of the same id and series are done once; a rerun reuses their results. */
  scanId: string;
  /** Called when a series starts or finishes. */
  onProgress?: (p: ScanProgress) => void;
  /** First retry delay of the exponential backoff, ms (then twice, ...). Default 1000. */
  backoffMs?: number;
  /** Queue name. Default {@link SCAN_QUEUE}. */
  queueName?: string;
}

/** A connection for BullMQ (blocking commands need maxRetriesPerRequest null). */
function connection(url: string): IORedis {
  return new IORedis(url, { maxRetriesPerRequest: null });
}

/**
 * Scan through a BullMQ queue: one job per series (id from scan id + name, 3 attempts with exponential
 * backoff), results back through the queue, in the order of `jobs`. Completed jobs of the same scan id are
 * reused without running again; failed ones are retried. A job that failed 3 times is a failed item.
 *
 * @throws InputError when the URL is malformed or Redis does not answer within 5 s (host:port, no password).
 * @example
 * const items = await scanViaQueue('redis://127.0.0.1:6379', jobs, { scanId: 'nightly' });
 */
export async function scanViaQueue(url: string, jobs: ScanJob[], opts: QueueScanOptions): Promise<ScanItemResult[]> {
  await (await connectQueue(url)).quit();
  const name = opts.queueName ?? SCAN_QUEUE;
  const conn = connection(url);
  const queue = new Queue(name, { connection: conn });
  const econn = connection(url);
  const events = new QueueEvents(name, { connection: econn });
  // every job waits on the queue and its events: one listener each, hundreds in a big scan
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
  const tracker = new ProgressTracker(jobs.length, opts.onProgress);
  const ours = new Set(jobs.map((j) => j.id));
  const active = new Set<string>();
  events.on('active', ({ jobId }) => {
    if (ours.has(jobId) && !active.has(jobId)) {
      active.add(jobId);
      tracker.started();
    }
  });
  try {
    await events.waitUntilReady();
    return await Promise.all(
      jobs.map(async (job): Promise<ScanItemResult> => {
        const j = await queue.add(job.name, job, {
          jobId: job.id,
          attempts: 3,
          backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
        });
        const state = await j.getState();
        if (state === 'failed') await j.retry('failed');
        let item: ScanItemResult;
        try {
          item = (await j.waitUntilFinished(events)) as ScanItemResult;
        } catch (e) {
          item = {
            id: job.id,
            name: job.name,
            ok: false,
            error: `failed 3 times: ${(e as Error).message.split('\n')[0]}`,
            seconds: 0,
          };
        }
        tracker.finished(item, active.has(job.id));
        active.delete(job.id);
        return item;
      }),
    );
  } finally {
    await events.close();
    await queue.close();
    conn.disconnect();
    econn.disconnect();
  }
}

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
}

/** A running worker: `close()` finishes the jobs in hand, then stops. */
export interface WorkerHandle {
  close(): Promise<void>;
}

/**
 * Process scan jobs from the queue until closed: each job runs in a child process (so lock renewal goes on
 * while it trains), its item is the job's return value. A job that throws is retried by BullMQ (attempts and
 * backoff are the scan's); a worker killed mid-job leaves a stalled job that another worker takes back after
 * `lockDuration`.
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
  const conn = connection(url);
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
  let closing: Promise<void> | null = null;
  return {
    close: () =>
      (closing ??= (async () => {
        await worker.close();
        await pool.close();
        conn.disconnect();
      })()),
  };
}
