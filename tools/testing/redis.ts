import { type ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

/** A redis-server started for a test. */
export interface TestRedis {
  url: string;
  port: number;
  /** Kill the server with SIGKILL (as a crash), keeping its port and folder for {@link TestRedis.restart}. */
  kill(): Promise<void>;
  /** Start a new, empty server on the same port (after {@link TestRedis.kill}). */
  restart(): Promise<void>;
  /** Stop the server and delete its folder (safe to call twice). */
  stop(): Promise<void>;
}

const SERVER = '/usr/bin/redis-server';

/** Why Redis tests cannot run here ('' when they can): no redis-server binary. */
export function redisMissing(): string {
  const bin = process.env.REDIS_SERVER ?? SERVER;
  return fs.existsSync(bin) ? '' : `redis-server not found at ${bin} (apt-get install redis-server)`;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

/** Spawn redis-server on `port`, without persistence, in `dir`; resolves when it accepts connections. */
async function spawnServer(port: number, dir: string): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    process.env.REDIS_SERVER ?? SERVER,
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
      '--daemonize',
      'no',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const kill = () => child.kill('SIGKILL');
  process.on('exit', kill);
  child.once('exit', () => process.off('exit', kill));
  let log = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`redis-server did not start in 10 s:\n${log}`)), 10000);
    child.stdout!.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited (${code}):\n${log}`));
    });
  });
  return child;
}

/** Resolves when `child` has exited (at once when it already has). */
const exited = (child: ChildProcess): Promise<void> =>
  child.exitCode !== null || child.signalCode !== null
    ? Promise.resolve()
    : new Promise((resolve) => child.once('exit', () => resolve()));

/**
 * Start redis-server on 127.0.0.1 on a free port, without persistence, in a temporary folder; resolves when it
 * accepts connections. The server is also killed when this process exits, so a failing test leaves none.
 *
 * @throws Error when redis-server is missing or does not start within 10 s.
 * @example
 * const redis = await startRedis(); after(() => redis.stop());
 */
export async function startRedis(): Promise<TestRedis> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-redis-'));
  const port = await freePort();
  let child = await spawnServer(port, dir);
  let stopped: Promise<void> | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    kill: async () => {
      child.kill('SIGKILL');
      await exited(child);
    },
    restart: async () => {
      child = await spawnServer(port, dir);
    },
    stop: () =>
      (stopped ??= (async () => {
        child.kill('SIGTERM');
        await exited(child);
        fs.rmSync(dir, { recursive: true, force: true });
      })()),
  };
}
