import IORedis from 'ioredis';
import { parseQueueUrl } from './redis-url';

/** Options of {@link watchRedis}. */
export interface RedisWatchOptions {
  /** Called once when the connection is lost, with the reason (`ECONNREFUSED`, `connection closed`). */
  onLost?: (reason: string) => void;
  /** Called once when Redis answers again, with the seconds it was away. */
  onBack?: (seconds: number) => void;
  /** Give up after Redis has been unreachable this long, ms (`gaveUp` rejects). Infinity never gives up. */
  timeoutMs?: number;
  /** Time between reconnection attempts, ms. Default 500. */
  retryMs?: number;
}

/** A watched Redis connection (see {@link watchRedis}). */
export interface RedisWatch {
  /** Rejects with `Redis at HOST:PORT unreachable for N s; gave up` once the timeout passes while lost. */
  gaveUp: Promise<never>;
  /** Whether the connection is lost right now. */
  lost(): boolean;
  /** Stop watching (no more notes, no give-up). */
  close(): void;
}

/** `host:port` of a queue URL, for messages (never the password). */
export function redisWhere(url: string): string {
  const q = parseQueueUrl(url);
  return `${q.host.includes(':') ? `[${q.host}]` : q.host}:${q.port}`;
}

/**
 * Watch a Redis server on a connection of its own: the state changes (lost, back) are told once each instead of
 * ioredis' error on every reconnection attempt, and `gaveUp` rejects when Redis stays away `timeoutMs`.
 *
 * @throws InputError (synchronously) when the URL is malformed.
 * @example
 * const w = watchRedis(url, { timeoutMs: 300_000, onLost: (why) => log(`lost: ${why}`) });
 * await Promise.race([work, w.gaveUp]); w.close();
 */
export function watchRedis(url: string, opts: RedisWatchOptions = {}): RedisWatch {
  const where = redisWhere(url);
  const timeoutMs = opts.timeoutMs ?? Infinity;
  const client = new IORedis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: () => opts.retryMs ?? 500,
    disconnectTimeout: 100,
  });
  let reason = '';
  let lostAt: number | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let giveUp: (e: Error) => void = () => undefined;
  const gaveUp = new Promise<never>((_, reject) => {
    giveUp = reject;
  });
  gaveUp.catch(() => undefined); // a caller that stopped waiting must not see an unhandled rejection
  client.on('error', (e: Error) => {
    reason = (e as NodeJS.ErrnoException).code ?? e.message.split('\n')[0];
  });
  client.on('close', () => {
    if (closed || lostAt !== null) return;
    lostAt = Date.now();
    opts.onLost?.(reason || 'connection closed');
    if (Number.isFinite(timeoutMs)) {
      timer = setTimeout(
        () => giveUp(new Error(`Redis at ${where} unreachable for ${Math.round(timeoutMs / 1000)} s; gave up`)),
        timeoutMs,
      );
    }
  });
  client.on('ready', () => {
    if (closed || lostAt === null) return;
    clearTimeout(timer);
    const seconds = (Date.now() - lostAt) / 1000;
    lostAt = null;
    reason = '';
    opts.onBack?.(seconds);
  });
  return {
    gaveUp,
    lost: () => lostAt !== null,
    close: () => {
      closed = true;
      clearTimeout(timer);
      client.disconnect();
    },
  };
}

/**
 * A connection for BullMQ (blocking commands need maxRetriesPerRequest null); its errors are the watch's. It
 * reconnects every 0.5 s until `stop()` says not to (its duplicates, BullMQ's blocking ones, share the rule).
 *
 * @example
 * const queue = new Queue('lstm-anomaly-scan', { connection: queueConnection(url) });
 */
export function queueConnection(url: string, stop: () => boolean = () => false): IORedis {
  const c = new IORedis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: () => (stop() ? null : 500),
    disconnectTimeout: 100, // a socket of a gone Redis never closes: don't keep the process alive for it
  });
  c.on('error', () => undefined);
  return c;
}
