// Child-process entry of the scan: receives ScanJobs over IPC, runs each with runScanJob, sends the item back.
// It exits when its parent goes away (IPC disconnect), so a worker killed with SIGKILL leaves no orphan behind.
import { runScanJob, type ScanJob } from './job';

/** Message to a runner. */
export interface RunnerRequest {
  type: 'job';
  seq: number;
  job: ScanJob;
}

/** Message from a runner: the item, or the error that made the job throw (the queue retries those). */
export type RunnerReply =
  | { type: 'result'; seq: number; item: Awaited<ReturnType<typeof runScanJob>> }
  | { type: 'error'; seq: number; message: string };

if (require.main === module && process.send) {
  process.on('disconnect', () => process.exit(0));
  // SIGTERM goes to the worker process; a runner ignores it so the job in hand is finished, then it is closed.
  process.on('SIGTERM', () => undefined);
  process.on('SIGINT', () => undefined);
  let chain = Promise.resolve();
  process.on('message', (m: RunnerRequest) => {
    chain = chain.then(async () => {
      let reply: RunnerReply;
      try {
        reply = { type: 'result', seq: m.seq, item: await runScanJob(m.job) };
      } catch (e) {
        reply = { type: 'error', seq: m.seq, message: (e as Error).message.split('\n')[0] };
      }
      process.send!(reply);
    });
  });
  process.send({ type: 'ready' });
}
