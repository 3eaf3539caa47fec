import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { type CliProcess, priceCsv, runCli, startCli } from '../../../tools/testing/cli';
import { redisMissing, startRedis, type TestRedis } from '../../../tools/testing/redis';
import type { ScanSummary } from '../../scan/summary';

// A real redis-server on a free port, a real `lstm-anomaly worker` process, real (tiny) trainings.
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu', '--seed', '7'];
const missing = redisMissing();
if (missing && process.env.CI) throw new Error(missing);
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-worker-cli-'));
priceCsv(path.join(work, 'in', 'AAA.csv'), { rows: 160, shock: 30 });
priceCsv(path.join(work, 'in', 'BBB.csv'), { rows: 160, phase: 1 });
priceCsv(path.join(work, 'in', 'CCC.csv'), { rows: 12, phase: 2 });

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

test("scan --queue with one worker process gives the local scan's summary; SIGTERM stops the worker", {
  skip: missing || false,
}, async () => {
  const url = redis!.url;
  const local = await runCli(['scan', '--csv-dir', 'in', '--out', 'local', ...TINY], work);
  assert.equal(local.code, 0, local.err);
  const w = startCli(['worker', '--queue', url], work);
  workers.push(w);
  await w.waitFor(/"event":"ready"/);
  const q = await runCli(
    [
      'scan',
      '--csv-dir',
      'in',
      '--out',
      'queued',
      '--queue',
      url,
      '--scan-id',
      'cli1',
      '--keep-results',
      '1h',
      ...TINY,
    ],
    work,
  );
  assert.equal(q.code, 0, q.err);
  assert.match(q.err, /scan: 3 series, 2 scanned, 1 failed;/);
  assert.match(q.err, new RegExp(`queue: ${url.replace(/\./g, '\\.')}`));
  assert.deepEqual(summary('queued'), summary('local'));
  assert.deepEqual(
    fs.readFileSync(path.join(work, 'queued', 'AAA', 'anomalies.csv'), 'utf8'),
    fs.readFileSync(path.join(work, 'local', 'AAA', 'anomalies.csv'), 'utf8'),
  );
  const done = events(w)
    .filter((e) => e.event === 'done')
    .map((e) => [e.name, e.ok]);
  assert.deepEqual(done, [
    ['AAA', true],
    ['BBB', true],
    ['CCC', false],
  ]);

  // the same scan id again: every result comes back from Redis, the worker does nothing
  const again = await runCli(
    ['scan', '--csv-dir', 'in', '--out', 'again', '--queue', url, '--scan-id', 'cli1', ...TINY],
    work,
  );
  assert.equal(again.code, 0, again.err);
  assert.deepEqual(summary('again'), summary('queued'));
  assert.equal(events(w).filter((e) => e.event === 'start').length, 3);

  w.proc.kill('SIGTERM');
  const end = await w.done;
  assert.equal(end.code, 0, end.err);
  assert.deepEqual(
    events(w)
      .slice(-2)
      .map((e) => e.event),
    ['closing', 'closed'],
  );
});

test('worker: a bad --queue or --concurrency is exit 2, one line, no password', async () => {
  const r = await runCli(['worker', '--queue', 'redis://:s3cretpw@127.0.0.1:1'], work);
  assert.equal(r.code, 2);
  assert.equal(r.err, 'error: --queue: cannot reach Redis at 127.0.0.1:1 (ECONNREFUSED)\n');
  const c = await runCli(['worker', '--queue', 'redis://127.0.0.1:1', '--concurrency', '0'], work);
  assert.equal(c.err, 'error: invalid --concurrency: 0 (an integer from 1 to 64)\n');
  const n = await runCli(['worker'], work);
  assert.deepEqual([n.code, n.err], [2, 'error: worker needs --queue redis://HOST:PORT\n']);
});
