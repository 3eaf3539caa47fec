import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { runCli } from '../../../tools/testing/cli';

// A two-column CSV: A a slow ramp, B a sine with one spike, so a tiny fixed threshold flags windows
function writeCsv(file: string): void {
  const lines = ['Date,A,B'];
  for (let i = 0; i < 160; i++) {
    const d = new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10);
    const b = Math.sin(i / 5) + (i === 140 ? 6 : 0);
    lines.push(`${d},${(100 + i * 0.5).toFixed(2)},${b.toFixed(4)}`);
  }
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

test('a multivariate run: anomalies.csv carries every column value, the report plots every column', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-mv-'));
  try {
    writeCsv(path.join(work, 'two.csv'));
    const args = ['--csv', 'two.csv', '--value-col', 'A,B', '--transform', 'none', '--window', '10', '--units', '8'];
    const r = await runCli([...args, '--epochs', '1', '--threshold', '0.0001', '--out', 'out', '--quiet'], work);
    assert.equal(r.code, 0, r.err);
    const csv = fs
      .readFileSync(path.join(work, 'out', 'anomalies.csv'), 'utf8')
      .trim()
      .split('\n');
    assert.equal(csv[0], 'date,value,mae,A,B');
    const first = csv[1].split(',');
    const rows = fs.readFileSync(path.join(work, 'two.csv'), 'utf8').trim().split('\n');
    const raw = rows.find((l) => l.startsWith(first[0]))!.split(',');
    assert.deepEqual([Number(first[3]), Number(first[4])], [Number(raw[1]), Number(raw[2])]);
    assert.equal(Number(first[1]), Number(raw[1]), 'value is still the first column');
    const html = fs.readFileSync(path.join(work, 'out', 'report.html'), 'utf8');
    assert.ok(html.includes('id="split-2"'), 'a series chart for the second column');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
});
