import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../tools/testing/cli';

// A real `evaluate --resample auto` run (zscore: no training): the choice is said per file and recorded in
// evaluation.json's file rows.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-evresample-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

function fiveMinuteCsv(file: string, rows: number): void {
  const t0 = Date.UTC(2020, 0, 1);
  const lines = ['timestamp,value'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `${new Date(t0 + i * 300_000).toISOString().slice(0, 19)},${(10 + Math.sin(i / 20) + (i % 7) / 10).toFixed(4)}`,
    );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

test('evaluate --resample auto: 10min for the long file, none for the short one, in the run and evaluation.json', async () => {
  fiveMinuteCsv(path.join(work, 'nab', 's', 'long.csv'), 4000);
  fiveMinuteCsv(path.join(work, 'nab', 's', 'short.csv'), 1200);
  const labels = path.join(work, 'nab', 'windows.json');
  fs.writeFileSync(
    labels,
    JSON.stringify({ 's/long.csv': [['2020-01-10 00:00:00', '2020-01-10 06:00:00']], 's/short.csv': [] }),
  );
  const args = ['evaluate', 'nab', '--labels', labels, '--detector', 'zscore', '--window', '10', '--out', 'ev'];
  const r = await runCli([...args, '--resample', 'auto'], work);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /s\/long\.csv: .*resample: auto -> 10min means \(median step 5 min, 4,000 rows\)$/m);
  assert.match(r.err, /s\/short\.csv: .*resample: auto -> none \(1,200 rows, under 4,000\)$/m);
  const json = JSON.parse(fs.readFileSync(path.join(work, 'ev', 'evaluation.json'), 'utf8'));
  assert.equal(json.settings.resample, 'auto');
  const rows = Object.fromEntries(
    json.files.map((f: { file: string; resample: unknown }) => [f.file, f.resample]),
  ) as Record<string, unknown>;
  assert.deepEqual(rows, {
    's/long.csv': { chosen: '10min', why: 'median step 5 min, 4,000 rows' },
    's/short.csv': { chosen: 'none', why: '1,200 rows, under 4,000' },
  });
  const none = await runCli([...args.slice(0, -1), 'ev-none', '--resample', 'none'], work);
  assert.equal(none.code, 0, none.err);
  assert.doesNotMatch(none.err, /resample:/);
  const plain = JSON.parse(fs.readFileSync(path.join(work, 'ev-none', 'evaluation.json'), 'utf8'));
  assert.ok(plain.files.every((f: { resample?: unknown }) => f.resample === undefined));
});
