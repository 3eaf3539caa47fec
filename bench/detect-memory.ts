/**
 * Peak memory of a whole `detect` run on a large CSV, against the bound 3·N MB + 300 MB (N: the file's size).
 *
 *   node dist/bench/detect-memory.js [sizesMB...]      default: 200 500
 *
 * For each size it writes a Yahoo-layout CSV (as bench/csv-memory.ts does) in a temporary directory, runs the
 * real CLI `detect --csv FILE --units 2 --window 5 --epochs 1 --transform none --out DIR` as a child process and
 * reads its peak resident set size: from `/usr/bin/time -v` ("Maximum resident set size") where that exists,
 * else by polling the child's `VmHWM` in /proc. It prints the file size, rows, peak RSS, the bound, the ratio and
 * the run's wall-clock time; the files and outputs are deleted afterwards.
 *
 * Measured 2026-12-07 on an AMD EPYC (2 cores shared with other work, Node 20.20.2), `detect-memory.js 200 500`,
 * after the CSV loader kept the series compact (dates as epoch milliseconds, values as one `Float64Array` per
 * column, src/data/compact-series.ts) and the detect path read it through the accessors of src/data/series.ts:
 *
 *   file MB  rows        peak RSS MB  bound (3N+300) MB  peak/bound  peak/file  seconds
 *       200  3110000             531                901        0.59        2.7      309
 *       500  7760000             971               1800        0.54        1.9      270
 *
 * Before (the same day, a string per date and an array per row, about 440 MB of heap at 3.1M rows): 1033 MB at
 * 200 (1.15x the bound) and 2184 MB at 500 (1.21x). The seconds depend on the other work sharing the cores.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeBigCsv } from './big-csv';

const MB = 1024 * 1024;
const CLI = path.join(__dirname, '..', 'src', 'cli', 'main.js');
const TIME = '/usr/bin/time';

/** The child's VmHWM in kB, or 0 when /proc cannot be read. */
function vmHwm(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Run detect on `file` into `out`; resolves with the peak RSS in MB and the seconds taken. */
function runDetect(file: string, out: string): Promise<{ peakMb: number; seconds: number }> {
  const args = [CLI, 'detect', '--csv', file, '--units', '2', '--window', '5', '--epochs', '1'];
  args.push('--transform', 'none', '--out', out, '--quiet');
  const viaTime = fs.existsSync(TIME);
  const t0 = performance.now();
  const child = viaTime
    ? spawn(TIME, ['-v', process.execPath, ...args], { stdio: ['ignore', 'ignore', 'pipe'] })
    : spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  let polled = 0;
  const timer = viaTime ? undefined : setInterval(() => (polled = Math.max(polled, vmHwm(child.pid!))), 100);
  return new Promise((resolve, reject) => {
    child.on('close', (code) => {
      if (timer) clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      if (code !== 0) return reject(new Error(`detect exited ${code}:\n${stderr.slice(-2000)}`));
      const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
      const kb = viaTime ? (m ? Number(m[1]) : NaN) : polled;
      resolve({ peakMb: kb / 1024, seconds });
    });
  });
}

async function main(): Promise<void> {
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'detect-memory-'));
  console.log(`cpu: ${os.cpus()[0]?.model ?? 'unknown'} (${os.cpus().length} cores), node ${process.version}`);
  try {
    console.log('file MB  rows        peak RSS MB  bound (3N+300) MB  peak/bound  peak/file  seconds');
    for (const mb of sizes.length ? sizes : [200, 500]) {
      const file = path.join(dir, `big-${mb}.csv`);
      const rows = writeBigCsv(file, mb);
      const n = fs.statSync(file).size / MB;
      const out = path.join(dir, `out-${mb}`);
      const { peakMb, seconds } = await runDetect(file, out);
      const bound = 3 * n + 300;
      console.log(
        `${n.toFixed(0).padStart(7)}  ${String(rows).padEnd(10)}  ${peakMb.toFixed(0).padStart(11)}  ${bound.toFixed(0).padStart(17)}  ${(peakMb / bound).toFixed(2).padStart(10)}  ${(peakMb / n).toFixed(1).padStart(9)}  ${seconds.toFixed(0).padStart(7)}`,
      );
      fs.rmSync(file);
      fs.rmSync(out, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
