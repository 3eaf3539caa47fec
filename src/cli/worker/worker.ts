import { parseJobs } from '../../scan/inputs';
import { queueFromEnv } from '../../scan/redis-url';
import { InputError } from '../../util/errors';
import { parseFlags } from '../parse';
import { WORKER_FLAGS } from '../scan/scan-flags';

/**
 * `lstm-anomaly worker --queue URL [--concurrency N]`: run scan jobs from the queue (default `$LSTM_ANOMALY_QUEUE`,
 * else `$REDIS_URL`) until SIGTERM or SIGINT (the jobs in hand are finished first); one JSON line per job event on
 * stdout, and one when Redis is lost or back.
 *
 * @throws InputError without --queue, for a bad --concurrency, or when Redis cannot be reached (host:port named).
 * @returns 0 once the worker has closed.
 * @example
 * await workerCommand(['--queue', 'redis://10.0.0.5:6379', '--concurrency', '2']);
 */
export async function workerCommand(argv: string[]): Promise<number> {
  const f = parseFlags(argv, WORKER_FLAGS);
  const queue = f.queue ?? queueFromEnv()?.url;
  if (queue === undefined) throw new InputError('worker needs --queue redis://HOST:PORT');
  const concurrency = parseJobs(f.concurrency, '--concurrency');
  const { workerMain } = await import('../../scan/worker-main');
  await workerMain(['--queue', queue, '--concurrency', String(concurrency)]);
  return 0;
}
