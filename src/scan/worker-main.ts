// `node dist/src/scan/worker-main.js --queue URL [--concurrency N] [--lock-ms MS] [--stalled-ms MS]`: a scan
// worker until SIGTERM/SIGINT (the job in hand is finished first). One JSON line per job event on stdout.
// The CLI's `lstm-anomaly worker` is meant to call workerMain.
import { InputError, isInputError } from '../util/errors';
import { parseJobs } from './inputs';
import { runWorker } from './queue-worker';
import { redactUrl } from './redis-url';

function flag(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

/**
 * Run a worker from command-line arguments until SIGTERM or SIGINT; resolves after the worker has closed.
 *
 * @throws InputError without --queue, for a bad --concurrency, or an unreachable queue.
 * @example
 * await workerMain(['--queue', 'redis://127.0.0.1:6379', '--concurrency', '1']);
 */
export async function workerMain(argv: string[]): Promise<void> {
  const url = flag(argv, '--queue');
  if (!url) throw new InputError('worker needs --queue redis://HOST:PORT');
  const ms = (name: string) => (flag(argv, name) === undefined ? undefined : Number(flag(argv, name)));
  const w = await runWorker(url, {
    concurrency: parseJobs(flag(argv, '--concurrency'), 'concurrency'),
    lockDuration: ms('--lock-ms'),
    stalledInterval: ms('--stalled-ms'),
    onEvent: (e) => process.stdout.write(`${JSON.stringify(e)}\n`),
    onConnection: (e) => process.stdout.write(`${JSON.stringify({ ...e, redis: redactUrl(url) })}\n`),
  });
  // the handlers are in place before "ready" is printed, so a SIGTERM right after it finds them
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.stdout.write(`${JSON.stringify({ event: 'closing' })}\n`);
      w.close().then(resolve, resolve);
    };
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
  });
  process.stdout.write(`${JSON.stringify({ event: 'ready', queue: redactUrl(url), pid: process.pid })}\n`);
  await stopped;
  process.stdout.write(`${JSON.stringify({ event: 'closed' })}\n`);
}

if (require.main === module) {
  workerMain(process.argv.slice(2)).then(
    () => process.exit(0),
    (e) => {
      process.stderr.write(`error: ${isInputError(e) ? e.message : (e as Error).stack}\n`);
      process.exit(isInputError(e) ? 2 : 1);
    },
  );
}
