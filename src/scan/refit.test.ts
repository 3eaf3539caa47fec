import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Series } from '../data/series';
import { LstmAutoencoderDetector } from '../detector/lstm/detector';
import { transformLag } from '../transform/transforms';
import { checkRefitWindow, modelVersion, nextVersionDir, parseRefitEvery, refitDetector } from './refit';
import { type RefitLine, Refitter } from './refit-run';
import { StreamScorer } from './watch';

test('parseRefitEvery: rows or a span of the feed; anything else one line', () => {
  assert.deepEqual(parseRefitEvery('500'), { rows: 500 });
  assert.deepEqual(parseRefitEvery('7d'), { ms: 7 * 86_400_000, label: '7d' });
  assert.deepEqual(parseRefitEvery('12h'), { ms: 12 * 3_600_000, label: '12h' });
  assert.deepEqual(parseRefitEvery('30min'), { ms: 1_800_000, label: '30min' });
  for (const bad of ['0', '-3', '7w', '1.5', ''])
    assert.throws(() => parseRefitEvery(bad), /^InputError: --refit-every: invalid/);
});

test('modelVersion and nextVersionDir: DIR@N, the next above every version there', () => {
  assert.deepEqual(modelVersion('run/model@3'), { base: 'run/model', version: 3 });
  assert.deepEqual(modelVersion('run/model'), { base: 'run/model', version: 0 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ver-'));
  try {
    const base = path.join(dir, 'model');
    assert.deepEqual(nextVersionDir(base), { dir: `${base}@1`, version: 1 });
    for (const e of ['model', 'model@1', 'model@4', '.model@9.tmp-1-2', 'other@7']) fs.mkdirSync(path.join(dir, e));
    assert.deepEqual(nextVersionDir(base), { dir: `${base}@5`, version: 5 });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

const rows = (n: number, day0: number): Series => ({
  dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1 + day0 + i)).toISOString().slice(0, 10)),
  values: Array.from({ length: n }, (_, i) => [50 + Math.sin((day0 + i) / 2)]),
  columns: ['close'],
  source: 'memory',
});

test('Refitter with --refit-every 10d: a refit on the recent rows, swapped in between rows; the window checked', async () => {
  const det = new LstmAutoencoderDetector({
    window: 5,
    encoder: [3],
    epochs: 1,
    batchSize: 8,
    backend: 'cpu',
    seed: 3,
  });
  await det.fit(rows(40, 0));
  assert.throws(
    () => checkRefitWindow(5, det),
    /^InputError: --refit-window 5: shorter than the model's window \(5 rows, 6/,
  );
  checkRefitWindow(6, det);
  const saved: string[] = [];
  const r = new Refitter({
    every: parseRefitEvery('10d'),
    window: 12,
    epochs: 2,
    base: 'm',
    save: async (_d, dir) => {
      saved.push(dir);
    },
  });
  const scorer = new StreamScorer(det, 'Date,Close', 'feed', 12);
  const feed = rows(20, 100);
  const lines: RefitLine[] = [];
  for (let i = 0; i < feed.dates.length; i++) {
    const got = r.swapIn(scorer);
    if (got) lines.push(got);
    const s = await scorer.push(`${feed.dates[i]},${feed.values[i][0]}`);
    if (s) r.row(scorer, s.date);
  }
  const last = await r.drain(scorer);
  if (last) lines.push(last);
  // scored from the 5th row (2021-04-15); 10 days later (04-25) a refit on the 12 rows to then
  assert.ok(lines.length >= 1);
  assert.deepEqual(
    [lines[0].date, lines[0].from, lines[0].to, lines[0].rows],
    ['2021-04-25', '2021-04-14', '2021-04-25', 12],
  );
  assert.equal(saved[0], 'm@1');
  assert.notEqual(scorer.current, det);
  scorer.current.dispose();
});

test('Refitter: rows a refit cannot train on (a constant stretch) skip it with a message; scoring goes on', async () => {
  const det = new LstmAutoencoderDetector({
    window: 5,
    encoder: [3],
    epochs: 1,
    batchSize: 8,
    backend: 'cpu',
    seed: 3,
  });
  await det.fit(rows(40, 0));
  const skipped: string[] = [];
  const plan = { every: { rows: 3 }, window: 8, epochs: 1, base: 'm', save: async () => {} };
  const r = new Refitter({ ...plan, onSkip: (m) => skipped.push(m) });
  const scorer = new StreamScorer(det, 'Date,Close', 'feed', 8);
  const flat = rows(12, 100);
  for (const d of flat.dates) {
    assert.equal(r.swapIn(scorer), null);
    const s = await scorer.push(`${d},50`);
    if (s) r.row(scorer, s.date);
  }
  assert.equal(await r.drain(scorer), null);
  // scored from row 5; 8 rows held from row 8: a refit due there (and at row 11 when the first, in its worker
  // thread, is over by then), each skipped
  assert.ok(skipped.length >= 1 && skipped.length <= 2, String(skipped.length));
  assert.match(skipped[0], /constant/);
  assert.equal(scorer.current, det);
  det.dispose();
});

test('Refitter swap: rows before it scored by the old model, rows after by the refitted one, bit for bit', async () => {
  const det = new LstmAutoencoderDetector({
    window: 5,
    encoder: [3],
    epochs: 1,
    batchSize: 8,
    backend: 'cpu',
    seed: 3,
  });
  await det.fit(rows(40, 0));
  const old = await LstmAutoencoderDetector.fromState(det.toState()); // the swap disposes det
  let started = false;
  const r = new Refitter({
    every: { rows: 4 },
    window: 12,
    epochs: 2,
    base: 'm',
    save: async () => {},
    onStart: () => {
      started = true;
    },
  });
  const scorer = new StreamScorer(det, 'Date,Close', 'feed', 12);
  const feed = rows(24, 100);
  const need = det.options.window + transformLag(det.options.transform);
  const tail = (i: number): Series => ({
    ...feed,
    dates: feed.dates.slice(i - need + 1, i + 1),
    values: feed.values.slice(i - need + 1, i + 1),
  });
  const scored: { i: number; score: number; anomaly: boolean; after: boolean }[] = [];
  let line: RefitLine | null = null;
  for (let i = 0; i < feed.dates.length; i++) {
    const s = await scorer.push(`${feed.dates[i]},${feed.values[i][0]}`);
    if (!s) continue;
    scored.push({ i, score: s.score, anomaly: s.anomaly, after: line !== null });
    r.row(scorer, s.date);
    // wait for the refit here (watch goes on scoring meanwhile), so the rows after it meet the new model
    if (started && !line) line = await r.drain(scorer);
  }
  assert.ok(line, 'a refit was swapped in');
  // the refitted model: the old one warm-started on the rows the line names, 2 epochs
  const from = feed.dates.indexOf(line.from);
  assert.deepEqual([from, feed.dates.indexOf(line.to), line.rows], [from, from + 11, 12]);
  const recent = { ...feed, dates: feed.dates.slice(from, from + 12), values: feed.values.slice(from, from + 12) };
  const want = await refitDetector(old, recent, 2);
  const threshold = want.fitted().threshold.toJSON().value;
  assert.equal(line.threshold, threshold);
  const before = scored.filter((s) => !s.after);
  const after = scored.filter((s) => s.after);
  assert.deepEqual([before.length, after.length], [12 - need + 1, 24 - 12]);
  for (const s of before) assert.equal(s.score, (await old.score(tail(s.i))).mae[0], `row ${s.i}, old model`);
  let differs = 0;
  for (const s of after) {
    const w = (await want.score(tail(s.i))).mae[0];
    assert.equal(s.score, w, `row ${s.i}, refitted model`);
    assert.equal(s.anomaly, w > threshold);
    if (w !== (await old.score(tail(s.i))).mae[0]) differs++;
  }
  assert.equal(differs, after.length, 'the old model scores those rows otherwise');
  scorer.current.dispose();
  [old, want].forEach((d) => d.dispose());
});
