// Queue overhead of a scan: the same 16 small series scanned on this machine (scanLocal, one runner process)
// and through Redis with one worker process (scanViaQueue + worker-main), tiny models. Target: the queue scan
// takes at most 1.1x the local scan's time. Rounds alternate local, queue, local, queue...; prints each time,
// the medians and their ratio, and the first round's ratio: a local scan starts its runner process every time,
// the worker's runner stays up between scans, so only the first round starts both. Needs redis-server (Debian:
// apt-get install redis-server). Usage: node dist/bench/scan-overhead.js [--series 16] [--rows 400] [--epochs 10]
// [--rounds 3]
import { spawn } from 'child_process';
import * as path from 'path';
import { sineSeries } from '../src/data/synthetic';
import { makeScanJob, type ScanJob } from '../src/scan/job';
import { scanLocal } from '../src/scan/local';
import { scanViaQueue } from '../src/scan/queue';
import { redisMissing, startRedis } from '../tools/testing/redis';

const TARGET = 1.1;

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];

async function main(): Promise<void> {
  const missing = redisMissing();
  if (missing) throw new Error(missing);
  const n = arg('--series', 16);
  const rows = arg('--rows', 400);
  const rounds = arg('--rounds', 3);
  const opts = { window: 10, encoder: [8], epochs: arg('--epochs', 10), patience: 0, seed: 7, backend: 'cpu' as const };
  const jobs = (id: string): ScanJob[] =>
    Array.from({ length: n }, (_, i) =>
      makeScanJob(id, `S${i}`, { ...sineSeries({ n: rows, period: 25, seed: i + 1 }), source: `bench:S${i}` }, opts),
    );
  const redis = await startRedis();
  const worker = spawn(
    process.execPath,
    [path.join(__dirname, '..', 'src', 'scan', 'worker-main.js'), '--queue', redis.url],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  try {
    await new Promise<void>((resolve, reject) => {
      worker.stdout!.on('data', (d: Buffer) => d.toString().includes('"ready"') && resolve());
      worker.once('exit', (c) => reject(new Error(`worker exited (${c})`)));
    });
    const local: number[] = [];
    const queued: number[] = [];
    for (let r = 0; r < rounds; r++) {
      let t0 = Date.now();
      const a = await scanLocal(jobs('local'), { jobs: 1 });
      local.push((Date.now() - t0) / 1000);
      t0 = Date.now();
      const id = `bench-${Date.now()}-${r}`; // a new scan id: nothing reused
      const b = await scanViaQueue(redis.url, jobs(id), { scanId: id });
      queued.push((Date.now() - t0) / 1000);
      const ok = (xs: typeof a) => xs.filter((x) => x.ok).length;
      if (ok(a) !== n || ok(b) !== n) throw new Error(`not every series ran: local ${ok(a)}, queue ${ok(b)} of ${n}`);
      console.log(`round ${r + 1}: local ${local[r].toFixed(2)} s, queue ${queued[r].toFixed(2)} s`);
    }
    const ratio = median(queued) / median(local);
    console.log(
      `scan of ${n} series (${rows} rows, window ${opts.window}, ${opts.encoder[0]} units, ` +
        `${opts.epochs} epochs, cpu): ` +
        `local ${median(local).toFixed(2)} s, Redis + 1 worker ${median(queued).toFixed(2)} s (medians of ${rounds})`,
    );
    console.log(
      `queue / local = ${ratio.toFixed(3)} (target <= ${TARGET}: ${ratio <= TARGET ? 'met' : 'NOT met'}); ` +
        `first round, both runners starting: ${(queued[0] / local[0]).toFixed(3)}`,
    );
  } finally {
    worker.kill('SIGTERM');
    await new Promise((r) => (worker.exitCode !== null ? r(null) : worker.once('exit', r)));
    await redis.stop();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
