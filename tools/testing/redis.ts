import { type ChildProcess, spawn } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';

/** A redis-server started for a test. */
export interface TestRedis {
  url: string;
  port: number;
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
  let stopped: Promise<void> | null = null;
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () =>
      (stopped ??= new Promise<void>((resolve) => {
        process.off('exit', kill);
        const done = () => {
          fs.rmSync(dir, { recursive: true, force: true });
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', done);
        child.kill('SIGTERM');
      })),
  };
}
