/**
 * Peak memory of loading a large CSV with the streaming reader, against the bound 3·N MB + 300 MB.
 *
 *   node dist/bench/csv-memory.js [sizesMB...]      default: 200 500
 *
 * For each size it writes a Yahoo-layout CSV (Date,Open,High,Low,Close,Adj Close,Volume, one row per second) in a
 * temporary directory, loads its Close column with `loadCsvSeries` in a fresh process and prints that process's
 * peak resident set size (maxRSS) and the ratio to the bound; the files are deleted afterwards.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCsvSeries } from '../src/data/load-csv';
import { writeBigCsv } from './big-csv';

const MB = 1024 * 1024;

/** In the child: load the file, print rows and peak RSS in MB as JSON. */
function child(file: string): void {
  const s = loadCsvSeries(file);
  const peak = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(JSON.stringify({ rows: s.dates.length, peakMb: peak }));
}

function main(): void {
  if (process.argv[2] === '--child') {
    child(process.argv[3]);
    return;
  }
  const sizes = process.argv
    .slice(2)
    .map(Number)
    .filter((n) => n > 0);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'csv-memory-'));
  try {
    console.log('file MB  rows        peak RSS MB  bound (3N+300) MB  peak/bound');
    for (const mb of sizes.length ? sizes : [200, 500]) {
      const file = path.join(dir, `big-${mb}.csv`);
      const written = writeBigCsv(file, mb);
      const n = fs.statSync(file).size / MB;
      const out = execFileSync(process.execPath, [__filename, '--child', file], { encoding: 'utf8', maxBuffer: MB });
      const { rows, peakMb } = JSON.parse(out) as { rows: number; peakMb: number };
      if (rows !== written) throw new Error(`read ${rows} rows of ${written}`);
      const bound = 3 * n + 300;
      console.log(
        `${n.toFixed(0).padStart(7)}  ${String(rows).padEnd(10)}  ${peakMb.toFixed(0).padStart(11)}  ${bound.toFixed(0).padStart(17)}  ${(peakMb / bound).toFixed(2).padStart(10)}`,
      );
      fs.rmSync(file);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main();
