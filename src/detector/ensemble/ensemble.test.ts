import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Series } from '../../data/series';
import { runPipeline } from '../../pipeline/run';
import { PcaWindowDetector } from '../pca/detector';
import {
  createDetector,
  DETECTOR_KINDS,
  detectorEntry,
  detectorName,
  loadAnyDetector,
  memberFactory,
} from '../registry';
import { ZScoreWindowDetector } from '../zscore/detector';
import { combineScores, medianScale, windowMeans } from './combine';
import { EnsembleDetector } from './detector';

const TINY = {
  window: 5,
  encoder: [3],
  epochs: 1,
  batchSize: 8,
  backend: 'cpu' as const,
  seed: 3,
  transform: 'none' as const,
};

function series(n: number): Series {
  return {
    dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values: Array.from({ length: n }, (_, i) => [50 + Math.sin(i / 2) + (i === 31 ? 4 : 0)]),
    columns: ['v'],
    source: 'memory',
  };
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  const h = s.length >> 1;
  return s.length % 2 ? s[h] : (s[h - 1] + s[h]) / 2;
};

test('ensemble: scale, combination and window means with known numbers', () => {
  assert.equal(medianScale([1, 2, 3, 100]), 2.5);
  assert.equal(medianScale([3, 1, 2]), 2);
  assert.equal(medianScale([0, 0, 0, 8]), 2); // median 0: the mean
  assert.equal(medianScale([0, 0]), 1); // nothing scored: 1
  assert.deepEqual(
    Array.from(
      combineScores(
        [
          [1, 2, 4],
          [10, 10, 40],
        ],
        [2, 10],
      ),
    ),
    [0.75, 1, 3],
  );
  // a longer member is aligned on its last step
  assert.deepEqual(
    Array.from(
      combineScores(
        [
          [9, 2, 4],
          [4, 8],
        ],
        [1, 4],
      ),
    ),
    [1.5, 3],
  );
  assert.deepEqual(windowMeans([1, 2, 3, 4], 2), [1.5, 2.5, 3.5]);
  assert.deepEqual(windowMeans([1, 2, 3, 4], 4), [2.5]);
});

test('ensemble: zscore + pca per-step score is the mean of the members divided by their medians, by hand', async () => {
  const s = series(48);
  const o = { ...TINY, components: 2, threshold: 'p95' };
  const det = createDetector('ensemble:zscore,pca', o) as EnsembleDetector;
  await det.fit(s);
  const got = (await det.score(s)).steps!.score!;
  // each member alone, fitted and scored the same way
  const z = new ZScoreWindowDetector(o);
  await z.fit(s);
  const zs = (await z.score(s)).steps!.score!;
  const p = new PcaWindowDetector(o);
  await p.fit(s);
  const w = (await p.score(s)).steps!.windows!;
  // pca per step: |x - median of the reconstructions of the windows covering the step|
  const ps = Array.from({ length: w.n + w.window - 1 }, (_, t) => {
    const covering: number[] = [];
    for (let i = Math.max(0, t - w.window + 1); i <= Math.min(w.n - 1, t); i++)
      covering.push(w.reconstruction[i * w.window + (t - i)]);
    const i0 = Math.max(0, t - w.window + 1);
    return Math.abs(w.x[i0 * w.window + (t - i0)] - median(covering));
  });
  assert.equal(zs.length, 48);
  assert.equal(ps.length, 48);
  const [mz, mp] = [median(zs), median(ps)];
  assert.deepEqual(det.scales, [mz, mp]);
  assert.equal(got.length, 48);
  for (let t = 0; t < 48; t++) assert.ok(Math.abs(got[t] - (zs[t] / mz + ps[t] / mp) / 2) < 1e-12, `step ${t}`);
  // the spike at step 31 is the highest combined step
  assert.equal(got.indexOf(Math.max(...got)), 31);
  assert.match(det.describe(), /^ensemble: mean of zscore, pca per step, each divided by its median per-step score/);
});

test('ensemble: toState/fromState and save/load give identical scores (lstm + pca)', async () => {
  const s = series(60);
  const train = { ...s, dates: s.dates.slice(0, 40), values: s.values.slice(0, 40) };
  const det = createDetector('ensemble:lstm,pca', { ...TINY, components: 2, threshold: 'p95' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-'));
  try {
    await det.fit(train);
    const a = await det.score(s, { from: s.dates[40] });
    assert.equal(a.windows.length, 16);
    assert.equal(a.steps!.score!.length, 20);
    const copy = await EnsembleDetector.fromState(
      JSON.parse(JSON.stringify(det.toState(), (_k, v) => (v instanceof Float32Array ? Array.from(v) : v))),
      memberFactory(),
    );
    const b = await copy.score(s, { from: s.dates[40] });
    assert.deepEqual(b.mae, a.mae);
    assert.deepEqual(b.steps, a.steps);
    copy.dispose();
    await det.save(path.join(dir, 'm'), { source: 'memory' });
    assert.deepEqual(fs.readdirSync(path.join(dir, 'm')).sort(), ['member-0-lstm', 'member-1-pca', 'model.json']);
    const back = await loadAnyDetector(path.join(dir, 'm'));
    assert.equal(back.kind, 'ensemble');
    assert.deepEqual(back.extra, { source: 'memory' });
    assert.equal(back.fitted().threshold.value, det.fitted().threshold.value);
    const c = await back.score(s, { from: s.dates[40] });
    assert.deepEqual(c.mae, a.mae);
    assert.deepEqual(c.anomaly, a.anomaly);
    assert.deepEqual(c.steps, a.steps);
    back.dispose();
  } finally {
    det.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('ensemble: same seed, same bits; another seed, other LSTM scores', async () => {
  const s = series(50);
  const run = async (seed: number) => {
    const det = createDetector('ensemble:lstm,pca', { ...TINY, seed, components: 2 });
    await det.fit(s);
    const r = await det.score(s);
    det.dispose();
    return r.steps!.score!;
  };
  const [a, b, c] = [await run(3), await run(3), await run(4)];
  assert.deepEqual(a, b);
  assert.notDeepEqual(a, c);
});

test('ensemble: runPipeline --fit all runs it through the shared per-step path', async () => {
  const s = series(120);
  const run = await runPipeline(s, { ...TINY, detector: 'ensemble:zscore,pca', fit: 'all', window: 5, components: 2 });
  assert.equal(run.detector.kind, 'ensemble');
  assert.equal(run.result.config.detector, 'ensemble:zscore,pca');
  assert.equal(run.stage.source, 'step');
  assert.equal(run.stage.steps.length, 120);
  assert.ok(
    run.stage.events.some((e) => e.startIndex <= 31 && 31 <= e.endIndex),
    'the spike is an event',
  );
});

test('ensemble: a bad name is one line naming what is wrong', () => {
  const kinds = DETECTOR_KINDS.join(', ');
  const esc = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  assert.throws(
    () => createDetector('ensemble:lstm,foo'),
    new RegExp(
      `^InputError: invalid detector: ensemble:lstm,foo \\(unknown member foo; members are: ${esc(kinds)}\\)$`,
    ),
  );
  assert.throws(
    () => detectorName('ensemble:lstm,foo', '--detector'),
    /^InputError: invalid --detector: ensemble:lstm,foo \(unknown member foo;/,
  );
  for (const bad of ['ensemble', 'ensemble:', 'ensemble:lstm'])
    assert.throws(
      () => createDetector(bad),
      /^InputError: invalid detector: .* \(an ensemble needs at least 2 members: ensemble:A,B\[,C\] of lstm, pca/,
    );
  assert.throws(
    () => createDetector('ensemble:pca,pca'),
    /^InputError: invalid detector: ensemble:pca,pca \(names pca twice\)$/,
  );
  for (const bad of ['ensemble:lstm,ensemble:pca,zscore', 'ensemble:ensemble,pca', 'ensemble:lstm,ensemble'])
    assert.throws(() => createDetector(bad), /\(an ensemble cannot be a member of an ensemble\)$/);
  assert.throws(() => createDetector('ensemble:lstm,,pca'), /\(an empty member; write ensemble:A,B\[,C\]\)$/);
  assert.equal(detectorName('ensemble:lstm,pca'), 'ensemble:lstm,pca');
  // each member's own checks run on the ensemble's options, before anything is fitted
  const check = (o: object) => detectorEntry('ensemble:lstm,pca').check?.({ ...TINY, ...o }, 1);
  assert.throws(() => check({ detector: 'ensemble:lstm,pca', components: 9 }), /^InputError: invalid components: 9 \(/);
  assert.doesNotThrow(() => check({ detector: 'ensemble:lstm,pca', components: 5 }));
  assert.throws(() => check({ detector: 'ensemble:zscore' }), /at least 2 members/);
  // the single kinds are unchanged; an ensemble is not one of them
  assert.ok(!(DETECTOR_KINDS as readonly string[]).includes('ensemble'));
});

test('ensemble: loading refuses a broken saved state, naming model.json', async () => {
  const s = series(40);
  const det = createDetector('ensemble:zscore,pca', { ...TINY, components: 2 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ensemble-'));
  try {
    await det.fit(s);
    const m = path.join(dir, 'm');
    await det.save(m);
    const file = path.join(m, 'model.json');
    const good = fs.readFileSync(file, 'utf8');
    const broken = (edit: (j: { members: { kind: string; scale: number; dir: string }[] }) => void) => {
      const j = JSON.parse(good);
      edit(j);
      fs.writeFileSync(file, JSON.stringify(j));
      return loadAnyDetector(m);
    };
    await assert.rejects(
      broken((j) => {
        j.members[1].dir = '../elsewhere';
      }),
      /^InputError: .*model\.json: saved model: member folder "..\/elsewhere" is not a folder name$/,
    );
    await assert.rejects(
      broken((j) => j.members.reverse()),
      /model\.json: saved model: members do not match ensemble:zscore,pca$/,
    );
    await assert.rejects(
      broken((j) => {
        j.members[0].scale = 0;
      }),
      /model\.json: saved model: every member scale must be a number > 0$/,
    );
    fs.writeFileSync(file, good);
    assert.deepEqual((await (await loadAnyDetector(m)).score(s)).steps, (await det.score(s)).steps);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
