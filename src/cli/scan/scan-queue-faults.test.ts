import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as fs from 'fs';
import IORedis from 'ioredis';
import * as os from 'os';
import * as path from 'path';
import { type CliProcess, priceCsv, runCli, startCli } from '../../../tools/testing/cli';
import { redisMissing, startRedis, type TestRedis } from '../../../tools/testing/redis';
import { SCAN_QUEUE } from '../../scan/queue';
import type { ScanSummary } from '../../scan/summary';

// Faults of a scan through Redis, with a real redis-server (killed and restarted empty on the same port), a real
// `lstm-anomaly worker` process and real (tiny) trainings.
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu', '--seed', '7'];
const missing = redisMissing();
if (missing && process.env.CI) throw new Error(missing);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-scan-faults-'));
priceCsv(path.join(work, 'in', 'AAA.csv'), { rows: 160, shock: 30 });
priceCsv(path.join(work, 'in', 'BBB.csv'), { rows: 160, phase: 1 });
priceCsv(path.join(work, 'in', 'CCC.csv'), { rows: 12, phase: 2 });
const NO_ENV = { LSTM_ANOMALY_QUEUE: '', REDIS_URL: '' };

let redis: TestRedis | undefined;
const workers: CliProcess[] = [];
before(async () => {
  if (!missing) redis = await startRedis();
});
after(async () => {
  for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  await redis?.stop();
  fs.rmSync(work, { recursive: true, force: true });
});

const summary = (dir: string): ScanSummary => JSON.parse(fs.readFileSync(path.join(work, dir, 'summary.json'), 'utf8'));
const events = (w: CliProcess) =>
  w
    .out()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));
/** The job keys of a scan id in Redis (the job hashes, not the queue's own keys). */
async function jobKeys(url: string, scanId: string): Promise<string[]> {
  const r = new IORedis(url);
  try {
    return (await r.keys(`bull:${SCAN_QUEUE}:${scanId}__*`)).sort();
  } finally {
    r.disconnect();
  }
}

test('Redis killed mid-scan and restarted empty: one line lost, one back, the lost jobs enqueued again', {
  skip: missing || false,
  timeout: 240_000,
}, async () => {
  const url = redis!.url;
  const local = await runCli(['scan', '--csv-dir', 'in', '--out', 'local', ...TINY], work, NO_ENV);
  assert.equal(local.code, 0, local.err);
  const w = startCli(['worker', '--queue', url], work, NO_ENV);
  workers.push(w);
  await w.waitFor(/"event":"ready"/);
  const scan = startCli(
    ['scan', '--csv-dir', 'in', '--out', 'q', '--queue', url, '--scan-id', 'f1', ...TINY],
    work,
    NO_ENV,
  );
  await w.waitFor(/"event":"start"/);
  await redis!.kill();
  await scan.waitFor(/queue: lost Redis/, 'err');
  await new Promise((r) => setTimeout(r, 1500));
  await redis!.restart(); // empty: the jobs, the results and the events are gone
  const r = await scan.done;
  assert.equal(r.code, 0, r.err);
  const where = url.replace('redis://', '');
  const lines = r.err.split('\n').filter((l) => /Redis/.test(l));
  assert.equal(lines.length, 2, r.err);
  assert.match(lines[0], new RegExp(`^queue: lost Redis at ${where} \\(.+\\); retrying for up to 300 s$`));
  // how many were lost depends on how many results the scan had read before the kill (a loaded machine may
  // finish two of the three first): at least one, at most all three
  const back = new RegExp(
    `^queue: Redis at ${where} is back after \\d+\\.\\d s; ([123]) series it had lost enqueued again$`,
  );
  assert.match(lines[1], back);
  assert.doesNotMatch(r.err, /ioredis|Unhandled|\n\s+at /, 'no stack traces');
  assert.deepEqual(summary('q'), summary('local'), 'the same results as on this machine');
  const wl = events(w);
  assert.deepEqual(
    wl.filter((e) => e.event === 'lost' || e.event === 'back').map((e) => e.event),
    ['lost', 'back'],
    'the worker says it once each too',
  );
  assert.doesNotMatch(w.err(), /ioredis|Unhandled|\n\s+at /, `no stack traces from the worker: ${w.err()}`);
  const lost = Number(back.exec(lines[1])![1]);
  // each series ran once, and each lost one that had started ran again: at least 3, at most 3 + lost starts
  const starts0 = wl.filter((e) => e.event === 'start').length;
  assert.ok(starts0 >= 3 && starts0 <= 3 + lost, `${starts0} starts for 3 series, ${lost} lost`);
  assert.deepEqual(await jobKeys(url, 'f1'), [], 'every result was removed from Redis once read');

  // --keep-results: the results stay, with an expiry; a rerun with the scan id (queue from the environment) reuses
  const keep = await runCli(
    ['scan', '--csv-dir', 'in', '--out', 'k1', '--scan-id', 'f2', '--keep-results', '2h', ...TINY],
    work,
    { LSTM_ANOMALY_QUEUE: url, REDIS_URL: 'redis://127.0.0.1:1' },
  );
  assert.equal(keep.code, 0, keep.err);
  assert.match(keep.err, new RegExp(`queue: redis://${where.replace(/\./g, '\\.')} \\(from \\$LSTM_ANOMALY_QUEUE\\)`));
  const keys = await jobKeys(url, 'f2');
  assert.equal(keys.length, 3, keys.join(' '));
  const client = new IORedis(url);
  try {
    for (const k of keys) {
      const ttl = await client.pttl(k);
      assert.ok(ttl > 2 * 3600_000 - 60_000 && ttl <= 2 * 3600_000, `${k} expires in 2 h (${ttl} ms)`);
    }
  } finally {
    client.disconnect();
  }
  const starts = events(w).filter((e) => e.event === 'start').length;
  const again = await runCli(['scan', '--csv-dir', 'in', '--out', 'k2', '--scan-id', 'f2', ...TINY], work, {
    LSTM_ANOMALY_QUEUE: '',
    REDIS_URL: url,
  });
  assert.equal(again.code, 0, again.err);
  assert.match(again.err, /\(from \$REDIS_URL\)/);
  assert.deepEqual(summary('k2'), summary('k1'));
  assert.equal(events(w).filter((e) => e.event === 'start').length, starts, 'the rerun trained nothing');
  assert.deepEqual(await jobKeys(url, 'f2'), [], 'the rerun read them, and (without --keep-results) removed them');

  // --jobs: a scan on this machine, whatever the environment says
  const here = await runCli(['scan', '--csv-dir', 'in', '--out', 'h', '--jobs', '1', ...TINY], work, {
    LSTM_ANOMALY_QUEUE: 'redis://127.0.0.1:1',
  });
  assert.equal(here.code, 0, here.err);
  assert.doesNotMatch(here.err, /queue:/);
  w.proc.kill('SIGTERM');
  assert.equal((await w.done).code, 0);
});

test('Redis killed and not back: the scan gives up after --queue-timeout with exit 1 and one line', {
  skip: missing || false,
  timeout: 120_000,
}, async () => {
  const url = redis!.url;
  for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  // no worker: the jobs wait in the queue until Redis goes away
  const scan = startCli(
    ['scan', '--csv-dir', 'in', '--out', 'g', '--queue', url, '--scan-id', 'g1', '--queue-timeout', '2', ...TINY],
    work,
    NO_ENV,
  );
  await scan.waitFor(/scan: 3 series, 3 loaded/, 'err');
  while ((await jobKeys(url, 'g1')).length < 3) await new Promise((r) => setTimeout(r, 100));
  await redis!.kill();
  const r = await scan.done;
  assert.equal(r.code, 1, r.err);
  const where = url.replace('redis://', '');
  assert.match(
    r.err,
    new RegExp(
      `queue: lost Redis at ${where} \\(.+\\); retrying for up to 2 s\\n` +
        `error: queue: Redis at ${where} unreachable for 2 s; gave up\\n$`,
    ),
  );
  assert.ok(r.ms < 30_000, `exits soon after the timeout (${r.ms} ms)`);
  assert.equal(fs.existsSync(path.join(work, 'g')), false, 'no output folder');
  await redis!.restart();
});

test('scan: --keep-results and --queue-timeout are checked before any work', async () => {
  const bad = await runCli(
    ['scan', '--csv-dir', 'in', '--queue', 'redis://127.0.0.1:1', '--keep-results', '7x'],
    work,
    NO_ENV,
  );
  assert.deepEqual([bad.code, bad.err], [2, 'error: invalid --keep-results: 7x (a count and a unit: 12h, 7d, 2w)\n']);
  const t = await runCli(
    ['scan', '--csv-dir', 'in', '--queue', 'redis://127.0.0.1:1', '--queue-timeout', '0'],
    work,
    NO_ENV,
  );
  assert.deepEqual([t.code, t.err], [2, 'error: invalid --queue-timeout: 0 (seconds, at least 1)\n']);
  const k = await runCli(['scan', '--csv-dir', 'in', '--keep-results', '7d'], work, NO_ENV);
  assert.deepEqual([k.code, k.err], [2, 'error: --keep-results needs --queue\n']);
});
