import * as fs from 'fs';

const MB = 1024 * 1024;

/**
 * Write about `mb` MB of a Yahoo-layout CSV (Date,Open,High,Low,Close,Adj Close,Volume, one row per second from
 * 2000-01-01) to `file`, for the memory benches; returns the rows written.
 *
 * @example
 * const rows = writeBigCsv(path.join(os.tmpdir(), 'big.csv'), 200);
 */
export function writeBigCsv(file: string, mb: number): number {
  const fd = fs.openSync(file, 'w');
  let bytes = 0;
  let rows = 0;
  const t0 = Date.UTC(2000, 0, 1);
  try {
    fs.writeSync(fd, 'Date,Open,High,Low,Close,Adj Close,Volume\n');
    while (bytes < mb * MB) {
      const lines: string[] = [];
      for (let k = 0; k < 10000; k++, rows++) {
        const d = new Date(t0 + rows * 1000).toISOString().slice(0, 19).replace('T', ' ');
        const c = (100 + 10 * Math.sin(rows / 5000) + (rows % 97) / 100).toFixed(4);
        lines.push(`${d},${c},${c},${c},${c},${c},${1000 + (rows % 5000)}`);
      }
      const chunk = `${lines.join('\n')}\n`;
      fs.writeSync(fd, chunk);
      bytes += Buffer.byteLength(chunk);
    }
  } finally {
    fs.closeSync(fd);
  }
  return rows;
}
