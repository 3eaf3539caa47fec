import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../../data/series';
import { makeWindows } from '../../sequence/windows';
import { InputError } from '../../util/errors';
import { Rng } from '../../util/random';
import { coveringMeans, MpWindowDetector } from './detector';
import { MatrixProfileDetector } from './mp';
import { abJoin, selfJoin } from './profile';

function series(values: number[][], columns = ['v']): Series {
  return {
    dates: values.map((_, i) => new Date(Date.UTC(2021, 0, 1) + i * 3600_000).toISOString()),
    values,
    columns,
    source: 'memory',
  };
}

/** A period-25 wave with a distorted cycle at steps 400..412. */
function planted(n = 600): number[] {
  const x = Array.from(
    { length: n },
    (_, t) => Math.sin((2 * Math.PI * t) / 25) + 0.3 * Math.sin((2 * Math.PI * t) / 5),
  );
  for (let t = 400; t < Math.min(413, n); t++) x[t] = 0.2 * x[t] + 0.5;
  return x;
}

const col = (xs: number[]) => xs.map((x) => [x]);
const f32 = (xs: number[]) => Float64Array.from(xs, (v) => Math.fround(v));

test('mp: the training series scores as its self-join; another series against reference and itself', () => {
  const rng = new Rng(4);
  const train = Array.from({ length: 300 }, () => rng.normal());
  const test = Array.from({ length: 200 }, () => rng.normal());
  for (let t = 0; t < 20; t++) {
    test[150 + t] = test[30 + t]; // a pattern twice in the scored part, never in training
    test[80 + t] = train[10 + t]; // a training pattern
  }
  const m = 20;
  const mp = new MatrixProfileDetector().fit(makeWindows(col(train), m));
  const fitScores = mp.scoreWindows(makeWindows(col(train), m));
  assert.deepEqual(fitScores, Array.from(selfJoin(f32(train), m)));
  assert.ok(Math.min(...fitScores) > 1, `${Math.min(...fitScores)}`); // noise: no window repeats
  const ab = abJoin(f32(test), f32(train), m);
  const own = selfJoin(f32(test), m);
  const got = mp.scoreWindows(makeWindows(col(test), m));
  assert.deepEqual(
    got,
    Array.from(ab, (v, i) => Math.min(v, own[i])),
  );
  // repeated windows: 0 up to rounding (sqrt of 2m (1 - r) with r one ulp or so below 1)
  for (const i of [30, 150, 80]) assert.ok(got[i] < 1e-6, `${i}: ${got[i]}`);
  assert.ok(ab[30] > 1 && own[80] > 1, `${ab[30]} ${own[80]}`);
});

test('mp: several features sum the per-column profiles', () => {
  const a = planted(160);
  const b = a.map((_v, t) => Math.cos(t / 3) + (t === 90 ? 2 : 0));
  const m = 12;
  const mp = new MatrixProfileDetector().fit(
    makeWindows(
      a.map((v, t) => [v, b[t]]),
      m,
    ),
  );
  const pa = selfJoin(f32(a), m);
  const pb = selfJoin(f32(b), m);
  const got = mp.scoreWindows(
    makeWindows(
      a.map((v, t) => [v, b[t]]),
      m,
    ),
  );
  got.forEach((v, i) => assert.equal(v, pa[i] + pb[i]));
});

test('mp detector: --fit all flags the planted discord; no randomness, save/load gives identical scores', async () => {
  const s = series(col(planted()));
  const o = { window: 25, transform: 'none' as const, threshold: '3sigma' };
  const a = new MpWindowDetector(o);
  const b = new MpWindowDetector({ ...o, seed: 999 }); // the seed plays no part
  await a.fit(s);
  await b.fit(s);
  const r = await a.score(s);
  assert.deepEqual((await b.score(s)).mae, r.mae);
  assert.deepEqual(r.mae, a.trainScores!.mae);
  const top = r.mae.indexOf(Math.max(...r.mae));
  assert.ok(top > 400 - 25 && top < 413, `argmax ${top}`);
  const flagged = r.anomaly.flatMap((f, i) => (f ? [i] : []));
  assert.ok(flagged.length > 0 && flagged.every((i) => i > 400 - 25 && i < 413), `flagged ${flagged}`);
  assert.equal(r.steps!.score!.length, r.mae.length + 24);
  assert.deepEqual(r.steps!.dates, s.dates);
  const back = MpWindowDetector.fromState(JSON.parse(JSON.stringify(a.toState())));
  const again = await back.score(s);
  assert.deepEqual(again.mae, r.mae);
  assert.deepEqual(again.steps, r.steps);
  const split = await back.score(s, { from: s.dates[500] });
  assert.deepEqual(split.mae, (await a.score(s, { from: s.dates[500] })).mae);
});

test('mp: per-step scores are the mean of the covering windows', () => {
  assert.deepEqual(coveringMeans([1, 3], 2), [1, 2, 3]);
  assert.deepEqual(coveringMeans([3, 6, 9], 3), [3, 4.5, 6, 7.5, 9]);
  assert.deepEqual(coveringMeans([], 3), []);
});

test('mp: bad input and states', () => {
  assert.throws(
    () => new MpWindowDetector({ window: 2 }),
    /^InputError: invalid window: 2 \(the mp detector needs at least 3 steps\)$/,
  );
  const short = makeWindows(col([1, 2, 3, 4, 5, 6, 7, 8]), 4); // zone 1: needs 4 + 3 = 7 rows... has 8
  new MatrixProfileDetector().fit(short);
  assert.throws(
    () => new MatrixProfileDetector().fit(makeWindows(col([1, 2, 3, 4, 5, 6]), 4)),
    (e: Error) => e instanceof InputError && /has 6 rows; a window of 4 needs at least 7/.test(e.message),
  );
  assert.throws(
    () => new MatrixProfileDetector().fit(makeWindows(col([1, NaN, 3, 4, 5, 6, 7, 8]), 3)),
    /mp: row 1 has a non-finite value/,
  );
  const mp = new MatrixProfileDetector().fit(short);
  assert.throws(
    () => mp.scoreWindows(makeWindows(col([1, 2, 3, 4, 5]), 5)),
    /mp: windows of 5 steps x 1 feature\(s\), the detector was fitted on 4 x 1/,
  );
  assert.throws(() => new MatrixProfileDetector().scoreWindows(short), /not fitted/);
  const state = mp.toJSON();
  assert.throws(
    () => MatrixProfileDetector.fromJSON({ ...state, kind: 'pca' as 'mp' }),
    /invalid mp state: kind "pca"/,
  );
  assert.throws(
    () => MatrixProfileDetector.fromJSON({ ...state, reference: [[1, 2]] }),
    /invalid mp state: reference of 2 rows/,
  );
  assert.throws(() => MatrixProfileDetector.fromJSON({ ...state, features: 2 }), /reference needs 2 column/);
  const nan = { ...state, reference: [[1, 2, 3, null as unknown as number, 5]] };
  assert.throws(() => MatrixProfileDetector.fromJSON(nan), /a reference value is not finite/);
});
