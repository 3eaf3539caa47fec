import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { stepScores } from '../score/steps';
import { IForestWindowDetector } from './iforest/detector';
import { PcaWindowDetector } from './pca/detector';
import { ZScoreWindowDetector } from './zscore/detector';

function series(values: number[]): Series {
  return {
    dates: values.map((_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values: values.map((v) => [v]),
    columns: ['close'],
    source: 'memory',
  };
}

const head = (s: Series, n: number): Series => ({ ...s, dates: s.dates.slice(0, n), values: s.values.slice(0, n) });
// Training 0..4 scales (minmax) to 0, .25, .5, .75, 1; the test part 2, 2, 4 to .5, .5, 1.
const RAMP = series([0, 1, 2, 3, 4, 2, 2, 4]);
const O = { transform: 'none' as const, scaler: 'minmax' as const, window: 2 };

test('pca detector: the rank-1 ramp is reconstructed exactly; off-line windows score |a - b + 0.25| / 2', async () => {
  const det = new PcaWindowDetector({ ...O, components: 1 });
  await det.fit(head(RAMP, 5));
  assert.equal(det.trainScores!.mae.length, 4);
  for (const e of det.trainScores!.mae) assert.ok(e < 1e-6, `training error ${e}`);
  const r = await det.score(RAMP, { from: RAMP.dates[5] });
  assert.deepEqual(r.start, ['2021-01-06', '2021-01-07']);
  assert.deepEqual(r.end, ['2021-01-07', '2021-01-08']);
  r.mae.forEach((v) => assert.ok(Math.abs(v - 0.125) < 1e-6, `score ${v}`));
  assert.deepEqual(r.anomaly, [true, true]);
  assert.deepEqual(
    r.anomalies.map((a) => [a.date, a.value]),
    [
      ['2021-01-07', 2],
      ['2021-01-08', 4],
    ],
  );
  // Window (.5, .5) is reconstructed as the mean m = (.375, .625), window (.5, 1) as (.625, .875); per step, the
  // median of the reconstructions covering it: .375, .625, .875, errors .125, .125, .125.
  assert.deepEqual(r.steps!.dates, ['2021-01-06', '2021-01-07', '2021-01-08']);
  const w = r.steps!.windows!;
  assert.deepEqual([w.n, w.window, w.features, Array.from(w.x)], [2, 2, 1, [0.5, 0.5, 0.5, 1]]);
  const st = stepScores(w.x, w.reconstruction, w.n, w.window, w.features);
  [0.375, 0.625, 0.875].forEach((v, t) => assert.ok(Math.abs(st.recon[t] - v) < 1e-6, `step ${t}: ${st.recon[t]}`));
  st.scores.forEach((v) => assert.ok(Math.abs(v - 0.125) < 1e-6));
});

test('pca detector: components are checked (at construction >= 1, at fit <= window x features)', async () => {
  assert.throws(
    () => new PcaWindowDetector({ components: 0 }),
    /^InputError: invalid components: 0 \(an integer >= 1\)$/,
  );
  await assert.rejects(
    new PcaWindowDetector({ ...O, components: 3 }).fit(head(RAMP, 5)),
    /invalid components: 3 \(at most the window dimension 2 = window 2 x 1 feature\(s\)\)/,
  );
  assert.throws(() => new PcaWindowDetector().fitted(), /pca detector is not fitted/);
});

test('zscore detector: per-step |z| by hand, a window scores its largest step', async () => {
  const det = new ZScoreWindowDetector(O);
  await det.fit(head(RAMP, 5));
  const r = await det.score(RAMP, { from: RAMP.dates[5] });
  // Training mean .5, std sqrt(.125). Steps 0 and 1 (fewer than 2 before them): |.5 - .5| / sd = 0; step 2 after
  // the constant stretch .5, .5: |1 - .5| / sqrt(.125) = sqrt(2).
  assert.deepEqual(
    r.steps!.score!.map((v) => +v.toFixed(6)),
    [0, 0, +Math.SQRT2.toFixed(6)],
  );
  assert.deepEqual(
    r.mae.map((v) => +v.toFixed(6)),
    [0, +Math.SQRT2.toFixed(6)],
  );
  assert.equal(r.steps!.windows, undefined);
});

test('iforest detector: seeded and deterministic; an obvious spike ranks first', async () => {
  const wave = Array.from({ length: 160 }, (_, i) => Math.sin(i / 3));
  wave[140] = 8;
  const s = series(wave);
  const o = { transform: 'none' as const, window: 5, seed: 11 };
  const a = new IForestWindowDetector(o);
  const b = new IForestWindowDetector(o);
  await a.fit(head(s, 120));
  await b.fit(head(s, 120));
  const ra = await a.score(s, { from: s.dates[120] });
  assert.deepEqual((await b.score(s, { from: s.dates[120] })).mae, ra.mae);
  const top = ra.mae.indexOf(Math.max(...ra.mae));
  assert.ok(
    ra.start[top] <= s.dates[140] && s.dates[140] <= ra.end[top],
    `top window ${ra.start[top]}..${ra.end[top]}`,
  );
  const c = new IForestWindowDetector({ ...o, seed: 12 });
  await c.fit(head(s, 120));
  assert.notDeepEqual((await c.score(s, { from: s.dates[120] })).mae, ra.mae);
});
