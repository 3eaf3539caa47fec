import IORedis from 'ioredis';
import { InputError } from '../util/errors';

/** A parsed `--queue` URL: what ioredis needs, and a form safe to print. */
export interface QueueUrl {
  host: string;
  port: number;
  /** The URL with any password replaced by `***`. */
  shown: string;
  url: string;
}

/**
 * A Redis URL with its password (and a user-only secret) replaced by `***`; text that is not a URL is
 * reduced to what precedes any `@`.
 *
 * @example
 * redactUrl('redis://:s3cret@db:6379/0'); // 'redis://:***@db:6379/0'
 */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    else if (u.username && !u.password && url.includes('@')) u.username = '***';
    return u.toString();
  } catch {
    const at = url.lastIndexOf('@');
    return at < 0 ? url : `***${url.slice(at)}`;
  }
}

/**
 * Parse a `--queue` URL: `redis://[user:password@]host[:port][/db]` or `rediss://` (TLS).
 *
 * @throws InputError naming the URL (redacted) when it is not such a URL.
 * @example
 * parseQueueUrl('redis://127.0.0.1:6380'); // { host: '127.0.0.1', port: 6380, ... }
 */
export function parseQueueUrl(url: string): QueueUrl {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw new InputError(`--queue: not a URL: ${redactUrl(url)} (expected redis://HOST:PORT)`);
  }
  const shown = redactUrl(url);
  if (u.protocol !== 'redis:' && u.protocol !== 'rediss:')
    throw new InputError(`--queue: ${shown}: expected redis:// or rediss://`);
  if (!u.hostname) throw new InputError(`--queue: ${shown}: no host (expected redis://HOST:PORT)`);
  const port = u.port ? Number(u.port) : 6379;
  if (u.pathname && u.pathname !== '/' && !/^\/\d+$/.test(u.pathname))
    throw new InputError(`--queue: ${shown}: the path must be a database number`);
  return { host: u.hostname.replace(/^\[|\]$/g, ''), port, shown, url };
}

/**
 * Connect to the queue's Redis and check it answers PING, failing fast: connect timeout `timeoutMs`, no
 * reconnection, one try per command. The caller closes the client (`quit()`).
 *
 * @throws InputError `cannot reach Redis at HOST:PORT (reason)` (never the password) when the URL is bad or
 *   Redis does not answer within `timeoutMs`.
 * @example
 * const redis = await connectQueue('redis://127.0.0.1:6379'); await redis.quit();
 */
export async function connectQueue(url: string, timeoutMs = 5000): Promise<IORedis> {
  const q = parseQueueUrl(url);
  const where = `${q.host.includes(':') ? `[${q.host}]` : q.host}:${q.port}`;
  const client = new IORedis(url, {
    lazyConnect: true,
    connectTimeout: timeoutMs,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
    enableOfflineQueue: false,
    // a refused socket never closes; ioredis' default 2 s wait for it would keep the process alive after the error
    disconnectTimeout: 100,
  });
  let lastError = '';
  client.on('error', (e: Error) => {
    lastError = (e as NodeJS.ErrnoException).code ?? e.message;
  });
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      client.connect().then(() => client.ping()),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs / 1000} s`)), timeoutMs);
      }),
    ]);
    return client;
  } catch (e) {
    client.disconnect();
    const why = lastError || (e as NodeJS.ErrnoException).code || (e as Error).message;
    throw new InputError(`--queue: cannot reach Redis at ${where} (${redactReason(why, url)})`);
  } finally {
    clearTimeout(timer);
  }
}

function redactReason(why: string, url: string): string {
  let s = why.split('\n')[0];
  if (/^Unknown RESP type/.test(s)) s = 'it answered, but not as a Redis server';
  try {
    const pw = new URL(url).password;
    if (pw) s = s.split(pw).join('***').split(decodeURIComponent(pw)).join('***');
  } catch {
    // not a URL: nothing to hide beyond what parseQueueUrl refused
  }
  return s;
}

/** The environment variables that give the default `--queue`, first match wins. */
export const QUEUE_ENV = ['LSTM_ANOMALY_QUEUE', 'REDIS_URL'] as const;

/**
 * The default `--queue` from the environment: `$LSTM_ANOMALY_QUEUE`, else `$REDIS_URL` (empty values ignored),
 * with the variable it came from; undefined when neither is set.
 *
 * @throws Nothing (the URL is checked where it is used).
 * @example
 * queueFromEnv({ REDIS_URL: 'redis://db:6379' }); // { url: 'redis://db:6379', from: 'REDIS_URL' }
 */
export function queueFromEnv(env: NodeJS.ProcessEnv = process.env): { url: string; from: string } | undefined {
  for (const from of QUEUE_ENV) {
    const url = env[from];
    if (url) return { url, from };
  }
  return undefined;
}
