import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type ChildProcess, spawn } from 'child_process';
import * as path from 'path';
import { redisMissing, startRedis, type TestRedis } from '../../tools/testing/redis';
import { sineSeries } from '../data/synthetic';
import type { RunResult } from '../result';
import { makeScanJob, type ScanItemResult, type ScanJob } from './job';
import { scanLocal } from './local';
import { scanViaQueue } from './queue';

// Real Redis, real worker processes, real (tiny) trainings. S3 is too short (a failed row in the middle); S5 is
// long enough that a worker killed when it starts S5 dies mid-job.
const OPTS = { window: 10, encoder: [8], epochs: 2, seed: 7, patience: 0 };
const JOBS = (scanId: string): ScanJob[] =>
  Array.from({ length: 8 }, (_, i) =>
    makeScanJob(
      scanId,
      `S${i}`,
      { ...sineSeries({ n: i === 3 ? 15 : i === 5 ? 1500 : 80, period: 20, seed: i + 1 }), source: `test:S${i}` },
      OPTS,
    ),
  );
const missing = redisMissing();
if (missing && process.env.CI) throw new Error(missing);

/** The result without its timings (seconds, seq/s): what must be equal bit for bit wherever the job ran. */
function timeless(item: ScanItemResult): unknown {
  if (!item.ok) return item.error;
  const r: RunResult = JSON.parse(JSON.stringify(item.result));
  const t = r.training as unknown as Record<string, unknown>;
  delete t.seconds;
  delete t.seqPerSec;
  r.training.history = r.training.history.map((h) => ({ ...h, seconds: 0, seqPerSec: 0 }));
  return r;
}

interface W {
  proc: ChildProcess;
  events: Record<string, unknown>[];
  exit: Promise<number | null>;
  ready: Promise<void>;
}

const workers: W[] = [];
function startWorker(url: string, onEvent: (w: W, e: Record<string, unknown>) => void = () => undefined): W {
  const proc = spawn(
    process.execPath,
    [path.join(__dirname, 'worker-main.js'), '--queue', url, '--lock-ms', '2000', '--stalled-ms', '1000'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let buf = '';
  // biome-ignore lint/suspicious/noConfusingVoidType: replaced by a promise resolver
  let onReady = () => undefined as void;
  const w: W = {
    proc,
    events: [],
    exit: new Promise((r) => proc.once('exit', (c) => r(c))),
    ready: new Promise((r) => (onReady = r)),
  };
  proc.stdout!.on('data', (d: Buffer) => {
    const lines = (buf + d.toString()).split('\n');
    buf = lines.pop()!;
    for (const l of lines) {
      const e = JSON.parse(l);
      w.events.push(e);
      if (e.event === 'ready') onReady();
      onEvent(w, e);
    }
  });
  workers.push(w);
  return w;
}

let redis: TestRedis;
let local: ScanItemResult[];
before(async () => {
  if (missing) return;
  redis = await startRedis();
  local = await scanLocal(JOBS('local'), { jobs: 1 });
});
after(async () => {
  for (const w of workers) if (w.proc.exitCode === null) w.proc.kill('SIGKILL');
  await redis?.stop();
});

const starts = (ws: W[], name: string) =>
  ws.flatMap((w) => w.events).filter((e) => e.event === 'start' && e.name === name).length;
const dones = (ws: W[], name: string) =>
  ws.flatMap((w) => w.events).filter((e) => e.event === 'done' && e.name === name).length;

test('local scan: a too-short series is a failed row with its one-line error, the others are scanned', {
  skip: missing || false,
}, () => {
  assert.deepEqual(
    local.map((i) => i.ok),
    [true, true, true, false, true, true, true, true],
  );
  const bad = local[3];
  assert.ok(!bad.ok && /^too few rows: test:S3 has 15 rows/.test(bad.error), JSON.stringify(bad));
  assert.ok(local[5].ok && local[5].result.data.rows === 1500);
});

test('queue: two workers, one SIGKILLed mid-job; one result per series, equal to the local scan; rerun reuses', {
  skip: missing || false,
}, async () => {
  let killed = null as W | null;
  const kill = (w: W, e: Record<string, unknown>) => {
    if (!killed && e.event === 'start' && e.name === 'S5') {
      killed = w;
      w.proc.kill('SIGKILL');
    }
  };
  const ws = [startWorker(redis.url, kill), startWorker(redis.url, kill)];
  await Promise.all(ws.map((w) => w.ready));
  const items = await scanViaQueue(redis.url, JOBS('t1'), { scanId: 't1', backoffMs: 200, keepResultsMs: 60_000 });
  assert.ok(killed, 'a worker was killed during S5');
  assert.equal(await (killed as W).exit, null);
  assert.deepEqual(
    items.map((i) => i.name),
    ['S0', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'S7'],
  );
  assert.deepEqual(items.map(timeless), local.map(timeless));
  assert.equal(starts(ws, 'S5'), 2, 'S5 started on the killed worker, then again on the other after the stall');
  for (const i of items) assert.equal(dones(ws, i.name), 1, `${i.name} done exactly once`);

  const before = ws.flatMap((w) => w.events).length;
  const again = await scanViaQueue(redis.url, JOBS('t1'), { scanId: 't1' });
  assert.deepEqual(again, items, 'the rerun gives the stored results, timings included');
  assert.equal(ws.flatMap((w) => w.events).length, before, 'and no worker did any work');
  for (const w of ws) w.proc.kill('SIGTERM');
  await Promise.all(ws.map((w) => w.exit));
});

test('queue: SIGTERM during a job finishes it, then the worker exits 0', { skip: missing || false }, async () => {
  let termed = false;
  const w = startWorker(redis.url, (me, e) => {
    if (e.event === 'start' && !termed) {
      termed = true;
      me.proc.kill('SIGTERM');
    }
  });
  await w.ready;
  const [item] = await scanViaQueue(redis.url, [JOBS('t2')[5]], { scanId: 't2' });
  assert.ok(termed);
  assert.equal(await w.exit, 0);
  assert.deepEqual(
    w.events.map((e) => e.event),
    ['ready', 'start', 'closing', 'done', 'closed'],
  );
  assert.deepEqual(timeless(item), timeless(local[5]));
});
