import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCli } from '../../../tools/testing/cli';

// Real CLI runs of evaluate on small files named as the benchmarks name theirs (UCR archive, TSB-AD, a manifest
// of train ends). Every series is the same 1000 steps: a sine with a bump at rows 100..110 and the labeled one
// at rows 520..540. Trained on rows 0..299 (the train end), the first bump is training data and zscore finds the
// labeled one alone: tp 1, fp 0. The default split (80 %) would train on the labeled bump (tp 0) and
// --fit all finds both (tp 1, fp 1): the numbers below fail if a train end is lost.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-evformats-e2e-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const FAST = ['--detector', 'zscore', '--window', '10', '--transform', 'none', '--quiet'];
const N = 1000;
const VALUES = Array.from({ length: N }, (_, i) => {
  const bump = (i >= 100 && i <= 110) || (i >= 520 && i <= 540) ? 4 : 0;
  return (Math.sin((2 * Math.PI * i) / 50) + 0.05 * Math.sin(i * 1.7) + bump).toFixed(4);
});
const DATES = Array.from({ length: N }, (_, i) =>
  new Date(Date.UTC(2020, 0, 1) + i * 3600e3).toISOString().slice(0, 19),
);

function write(rel: string, text: string): string {
  const f = path.join(work, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, text);
  return f;
}
const counts = (out: string, i = 0): Record<string, number> => {
  const j = JSON.parse(fs.readFileSync(path.join(work, out, 'evaluation.json'), 'utf8'));
  return j.files[i].counts ?? { error: j.files[i].error };
};
const pick = (c: Record<string, number>) => ({ tp: c.tp, fp: c.fp, fn: c.fn });

/** A refused run: exit 2, one error line matching `msg`, nothing written. */
async function refused(args: string[], msg: RegExp): Promise<void> {
  const r = await runCli(args, work);
  assert.equal(r.code, 2, r.err);
  const errors = r.err.split('\n').filter((l) => l.startsWith('error: '));
  assert.equal(errors.length, 1, r.err);
  assert.match(errors[0], msg);
  assert.doesNotMatch(r.err, /\n\s+at /);
  assert.equal(fs.existsSync(path.join(work, 'refused')), false);
}

test('evaluate DIR of UCR .txt files: labels and train end from the name, charted by row index', async () => {
  write('ucr/001_UCR_Anomaly_Tiny_300_520_540.txt', `${VALUES.join('\n')}\n`);
  write('ucr/notes.txt', 'not a series\n');
  const r = await runCli(['evaluate', 'ucr', ...FAST, '--out', 'ev-ucr'], work);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /note: skipped 1 \.txt file\(s\) whose names are not UCR names .*: notes\.txt/);
  assert.deepEqual(pick(counts('ev-ucr')), { tp: 1, fp: 0, fn: 0 });
  const json = JSON.parse(fs.readFileSync(path.join(work, 'ev-ucr', 'evaluation.json'), 'utf8'));
  assert.equal(json.files[0].trainEnd, 300, 'the row where the test part starts');
  const html = fs.readFileSync(path.join(work, 'ev-ucr', 'evaluation.html'), 'utf8');
  assert.match(html, /"x0":"520","x1":"540"/, 'the label is charted by row index');
  assert.match(html, /"xaxis":\{[^}]*"title":\{"text":"row"\},"type":"linear"/);
  const all = await runCli(['evaluate', 'ucr', ...FAST, '--fit', 'all', '--out', 'ev-ucr-all'], work);
  assert.equal(all.code, 0, all.err);
  assert.match(all.err, /note: --fit all trains on each whole series; the train ends in 1 file name\(s\) are not used/);
  assert.deepEqual(pick(counts('ev-ucr-all')), { tp: 1, fp: 1, fn: 0 });
});

test('evaluate DIR of TSB-AD files: labels from the Label column, train end from the name', async () => {
  const rows = VALUES.map((v, i) => `${v},${i >= 520 && i <= 540 ? 1 : 0}`);
  write('tsb/001_NAB_id_1_Facility_tr_300_1st_520.csv', `Data,Label\n${rows.join('\n')}\n`);
  const r = await runCli(['evaluate', 'tsb', ...FAST, '--point-adjust', '--out', 'ev-tsb'], work);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /warning: .*point-adjust/i, '--point-adjust needs no --labels here');
  assert.deepEqual(pick(counts('ev-tsb')), { tp: 1, fp: 0, fn: 0 });
});

test('evaluate DIR --manifest: a timestamp train end for a dated CSV, beside the default split', async () => {
  write('nab/s/a.csv', `timestamp,value\n${VALUES.map((v, i) => `${DATES[i]},${v}`).join('\n')}\n`);
  write('nab/s/b.csv', `timestamp,value\n${VALUES.map((v, i) => `${DATES[i]},${v}`).join('\n')}\n`);
  const labels = write(
    'windows.json',
    JSON.stringify({ 's/a.csv': [[DATES[520], DATES[540]]], 's/b.csv': [[DATES[520], DATES[540]]] }),
  );
  const manifest = write('manifest.csv', `file,train_until\ns/a.csv,${DATES[300].replace('T', ' ')}\n`);
  const r = await runCli(
    ['evaluate', 'nab', '--labels', labels, '--manifest', manifest, ...FAST, '--out', 'ev-man'],
    work,
  );
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(pick(counts('ev-man', 0)), { tp: 1, fp: 0, fn: 0 }, 's/a.csv: trained on rows 0..299');
  // the label lies in the training part: not found (how such a label counts, a miss or none, is the split's rule)
  const b = counts('ev-man', 1);
  assert.deepEqual([b.tp, b.fp], [0, 0], 's/b.csv: the default split (80 %)');
  const settings = JSON.parse(fs.readFileSync(path.join(work, 'ev-man', 'evaluation.json'), 'utf8')).settings;
  assert.deepEqual(
    JSON.parse(fs.readFileSync(path.join(work, 'ev-man', 'evaluation.json'), 'utf8')).files.map(
      (f: { trainEnd?: number }) => f.trainEnd,
    ),
    [300, undefined],
  );
  assert.deepEqual(settings.manifest, { 's/a.csv': '2020-01-13 12:00:00' });
});

test('evaluate refuses before any work: a manifest naming a missing file, a train end outside, begin > end', async () => {
  write('bad1/001_UCR_Anomaly_Tiny_300_520_540.txt', `${VALUES.join('\n')}\n`);
  const missing = write('m-missing.csv', 'file,train_until\nnope.txt,10\n');
  await refused(
    ['evaluate', 'bad1', '--manifest', missing, ...FAST, '--out', 'refused'],
    /^error: --manifest m-missing\.csv: no data file nope\.txt under bad1$/,
  );
  const outside = write('m-outside.csv', 'file,train_until\n001_UCR_Anomaly_Tiny_300_520_540.txt,1000\n');
  await refused(
    ['evaluate', 'bad1', '--manifest', outside, ...FAST, '--out', 'refused'],
    /^error: 001_UCR_Anomaly_Tiny_300_520_540\.txt: train end 1000 outside the series \(rows 0\.\.999; both parts need rows\)$/,
  );
  write('bad2/002_UCR_Anomaly_Big_5000_520_540.txt', `${VALUES.join('\n')}\n`);
  await refused(
    ['evaluate', 'bad2', ...FAST, '--out', 'refused'],
    /^error: 002_UCR_Anomaly_Big_5000_520_540\.txt: train end 5000 outside the series/,
  );
  write('bad3/003_UCR_Anomaly_Bad_300_540_520.txt', `${VALUES.join('\n')}\n`);
  await refused(
    ['evaluate', 'bad3', ...FAST, '--out', 'refused'],
    /^error: 003_UCR_Anomaly_Bad_300_540_520\.txt: UCR name with begin 540 after end 520$/,
  );
  await refused(
    ['evaluate', 'nab', ...FAST, '--out', 'refused'],
    /^error: evaluate needs --labels FILE .* for 2 CSV files without labels of their own .*, e.g\. s\/a\.csv$/,
  );
  await refused(
    ['evaluate', 'bad1', '--manifest', outside, ...FAST, '--fit', 'all', '--out', 'refused'],
    /^error: --manifest gives train ends, which --fit all does not use; drop one of them$/,
  );
});
