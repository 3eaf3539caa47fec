import { Queue, QueueEvents } from 'bullmq';
import type { ScanItemResult, ScanJob } from './job';
import { ProgressTracker, type ScanProgress } from './progress';
import { connectQueue } from './redis-url';
import { queueConnection, redisWhere, watchRedis } from './redis-watch';

/** The BullMQ queue a scan and its workers share. */
export const SCAN_QUEUE = 'lstm-anomaly-scan';

/** Options of {@link scanViaQueue}. */
export interface QueueScanOptions {
  /** Scan id (`--scan-id`): jobs of the same id and series are done once; a rerun reuses the results still kept. */
  scanId: string;
  /** Called when a series starts or finishes. */
  onProgress?: (p: ScanProgress) => void;
  /** First retry delay of the exponential backoff, ms (then twice, ...). Default 1000. */
  backoffMs?: number;
  /** Queue name. Default {@link SCAN_QUEUE}. */
  queueName?: string;
  /**
   * How long a result stays in Redis once the scan has read it, ms (`--keep-results`). 0 (the default) removes
   * it at once; a rerun with the same scan id reuses only results still there.
   */
  keepResultsMs?: number;
  /** Give up (reject) when Redis has been unreachable this long, ms (`--queue-timeout`). Default 300000. */
  lostTimeoutMs?: number;
  /** Told once per change of the connection to Redis: lost (retrying), back (and what was enqueued again). */
  onNote?: (message: string) => void;
}

/**
 * Scan through a BullMQ queue: one job per series (id from scan id + name, 3 attempts with exponential
 * backoff), results back through the queue, in the order of `jobs`. Completed jobs of the same scan id are
 * reused without running again; failed ones are retried. A job that failed 3 times is a failed item. Each
 * result is removed from Redis once read, or expires `keepResultsMs` later.
 *
 * When Redis goes away, `onNote` is told once (lost, retrying) and again when it is back; jobs a restarted,
 * empty Redis lost are enqueued again. After `lostTimeoutMs` without Redis the scan gives up.
 *
 * @throws InputError when the URL is malformed or Redis does not answer within 5 s (host:port, no password).
 * @throws Error `queue: Redis at HOST:PORT unreachable for N s; gave up` after `lostTimeoutMs` without Redis.
 * @example
 * const items = await scanViaQueue('redis://127.0.0.1:6379', jobs, { scanId: 'nightly' });
 */
export async function scanViaQueue(url: string, jobs: ScanJob[], opts: QueueScanOptions): Promise<ScanItemResult[]> {
  await (await connectQueue(url)).quit();
  const name = opts.queueName ?? SCAN_QUEUE;
  const note = opts.onNote ?? (() => undefined);
  let gaveUp = false;
  const conn = queueConnection(url, () => gaveUp);
  const queue = new Queue(name, { connection: conn });
  const econn = queueConnection(url, () => gaveUp);
  // a short blocking read, so that a scan that gave up exits within about 3 s of it (BullMQ waits it out)
  const events = new QueueEvents(name, { connection: econn, blockingTimeout: 2000 });
  queue.on('error', () => undefined);
  events.on('error', () => undefined);
  // every job waits on the queue and its events: one listener each, hundreds in a big scan
  queue.setMaxListeners(0);
  events.setMaxListeners(0);
  const tracker = new ProgressTracker(jobs.length, opts.onProgress);
  const ours = new Set(jobs.map((j) => j.id));
  const active = new Set<string>();
  /** Jobs added whose result has not been read yet: what a restarted, empty Redis may have lost. */
  const pending = new Map<string, ScanJob>();
  const add = (job: ScanJob) =>
    queue.add(job.name, job, {
      jobId: job.id,
      attempts: 3,
      backoff: { type: 'exponential', delay: opts.backoffMs ?? 1000 },
    });
  const timeoutMs = opts.lostTimeoutMs ?? 300_000;
  /** Resolves once the jobs lost in the last outage are back in the queue (at once when there was none). */
  let recovered: Promise<void> = Promise.resolve();
  let markRecovered: (() => void) | null = null;
  let requeued = 0;
  const watch = watchRedis(url, {
    timeoutMs,
    onLost: (why) => {
      if (!markRecovered) recovered = new Promise((r) => (markRecovered = r));
      note(`queue: lost Redis at ${redisWhere(url)} (${why}); retrying for up to ${Math.round(timeoutMs / 1000)} s`);
    },
    onBack: (seconds) => {
      readd().then(
        () => {
          note(
            `queue: Redis at ${redisWhere(url)} is back after ${seconds.toFixed(1)} s` +
              (requeued ? `; ${requeued} series it had lost enqueued again` : ''),
          );
          requeued = 0;
          markRecovered?.();
          markRecovered = null;
        },
        () => undefined, // lost again while checking: the next "back" checks again
      );
    },
  });
  /** Enqueue a pending job again when Redis no longer has it (it restarted empty). */
  async function requeue(job: ScanJob): Promise<void> {
    if (!pending.has(job.id) || (await queue.getJob(job.id))) return;
    await add(job);
    requeued++;
  }
  async function readd(): Promise<void> {
    for (const job of [...pending.values()]) await requeue(job);
  }
  /** A result read: remove it from Redis, or let it expire after keepResultsMs. */
  async function release(id: string): Promise<void> {
    pending.delete(id);
    try {
      if (opts.keepResultsMs) await conn.pexpire(queue.toKey(id), opts.keepResultsMs);
      else await queue.remove(id);
    } catch {
      // Redis gone at this moment: the result stays there, as with --keep-results
    }
  }
  events.on('active', ({ jobId }) => {
    if (ours.has(jobId) && !active.has(jobId)) {
      active.add(jobId);
      tracker.started();
    }
  });
  try {
    await events.waitUntilReady();
    const all = Promise.all(
      jobs.map(async (job): Promise<ScanItemResult> => {
        pending.set(job.id, job);
        let j = await add(job);
        const state = await j.getState();
        if (state === 'failed') await j.retry('failed');
        let item: ScanItemResult | undefined;
        while (!item) {
          try {
            item = (await j.waitUntilFinished(events)) as ScanItemResult;
          } catch (e) {
            const msg = (e as Error).message.split('\n')[0];
            if (/^Missing key for job/.test(msg)) {
              // Redis restarted empty: wait for the lost jobs to be enqueued again, then wait on this one again
              await recovered;
              await requeue(job);
              j = (await queue.getJob(job.id)) ?? j;
              continue;
            }
            item = { id: job.id, name: job.name, ok: false, error: `failed 3 times: ${msg}`, seconds: 0 };
          }
        }
        await release(job.id);
        tracker.finished(item, active.has(job.id));
        active.delete(job.id);
        return item;
      }),
    );
    return await Promise.race([
      all,
      watch.gaveUp.catch((e: Error) => {
        gaveUp = true;
        throw new Error(`queue: ${e.message}`);
      }),
    ]);
  } finally {
    watch.close();
    if (gaveUp) {
      // no Redis to say goodbye to: drop the connections, then stop BullMQ's loops without waiting on Redis
      conn.disconnect();
      econn.disconnect();
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        Promise.all([events.close(), queue.close()]).catch(() => undefined),
        new Promise((r) => (timer = setTimeout(r, 1000))),
      ]);
      clearTimeout(timer);
    } else {
      await events.close();
      await queue.close();
    }
    conn.disconnect();
    econn.disconnect();
  }
}
