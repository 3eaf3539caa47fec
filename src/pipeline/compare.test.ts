import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Series } from '../data/series';
import { compareSections } from '../report/compare';
import { compareKinds, runCompare } from './compare';
import { runPipeline } from './run';

const TINY = {
  window: 6,
  encoder: [4],
  epochs: 2,
  batchSize: 8,
  backend: 'cpu' as const,
  seed: 3,
  transform: 'none' as const,
};

function wave(n: number): Series {
  return {
    dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values: Array.from({ length: n }, (_, i) => [50 + Math.sin(i / 3) + (i === 85 ? 4 : 0)]),
    columns: ['close'],
    source: 'memory',
  };
}

test('compareKinds: at least two, no duplicates, known names; one line each', () => {
  assert.deepEqual(compareKinds('lstm, pca,zscore'), ['lstm', 'pca', 'zscore']);
  assert.throws(() => compareKinds('pca'), /^InputError: --compare needs at least two detectors: pca$/);
  assert.throws(() => compareKinds(''), /^InputError: --compare needs at least two detectors: \(none\)$/);
  assert.throws(() => compareKinds(['pca', 'zscore', 'pca']), /^InputError: --compare names pca twice$/);
  assert.throws(
    () => compareKinds('pca,lsmt'),
    /^InputError: invalid detector: lsmt \(one of: lstm, pca, zscore, iforest, dense, mp, aer\)$/,
  );
});

test('runPipeline: options.detector picks the detector; its result.json records it', async () => {
  const { result, detector } = await runPipeline(wave(100), { ...TINY, detector: 'zscore' });
  assert.equal(detector.kind, 'zscore');
  assert.equal(result.config.detector, 'zscore');
  assert.equal(result.test.length, 15);
  assert.equal(result.training.epochs, 0);
  await assert.rejects(
    runPipeline(wave(100), { ...TINY, detector: 'pca', components: 7 }),
    /^InputError: invalid components: 7 \(at most the window dimension 6 = window 6 x 1 feature\(s\)\)$/,
  );
});

test('runCompare: every detector on the same split, in order; one report section and three traces each', async () => {
  const c = await runCompare(wave(100), ['lstm', 'pca', 'zscore', 'iforest', 'dense'], TINY);
  assert.deepEqual(
    c.entries.map((e) => e.kind),
    ['lstm', 'pca', 'zscore', 'iforest', 'dense'],
  );
  assert.deepEqual(c.split, { trainRows: 80, testRows: 20, trainEnd: '2021-03-21' });
  for (const e of c.entries) {
    assert.equal(e.test.length, 15);
    assert.equal(e.test[0].start, '2021-03-22');
    assert.equal(e.flagged, e.test.filter((w) => w.anomaly).length);
    assert.equal(e.flaggedShare, e.flagged / 15);
    assert.equal(e.threshold.method, 'percentile');
    assert.ok(e.fitSeconds >= 0 && e.scoreSeconds >= 0);
    assert.equal(e.run.result.config.detector, e.kind);
  }
  // The spike at 2021-03-27 is in the test part: the rolling z-score flags the windows holding it.
  const z = c.entries[2];
  assert.ok(z.test.filter((w) => w.anomaly).every((w) => w.start <= '2021-03-27' && '2021-03-27' <= w.end));
  assert.ok(z.flagged > 0);
  const html = compareSections(c);
  for (const k of ['lstm', 'pca', 'zscore', 'iforest', 'dense']) {
    assert.equal(html.split(`id="compare-${k}-section"`).length, 2, k);
    assert.equal(html.split(`"name":"${k} score"`).length, 2, k);
  }
  assert.equal((html.match(/<section /g) ?? []).length, 6);
  assert.equal((html.match(/<tbody>[\s\S]*<\/tbody>/)![0].match(/<tr>/g) ?? []).length, 5);
  c.entries.forEach((e) => e.run.detector.dispose());
  await assert.rejects(runCompare(wave(100), 'pca,zscore', { ...TINY, components: 9 }), /invalid components: 9/);
});

test('dense alone reads rows (window 1, transform none); in a comparison it shares the window and transform', async () => {
  const o = { epochs: 1, batchSize: 16, backend: 'cpu' as const, seed: 3 };
  const alone = await runPipeline(wave(100), { ...o, detector: 'dense' });
  assert.deepEqual([alone.result.config.window, alone.result.config.transform], [1, 'none']);
  assert.equal(alone.result.test.length, 20, 'one window per test row');
  assert.equal(alone.result.training.epochs, 1);
  assert.equal(alone.result.training.parameters, 1 * 10 + 10 + 10 * 3 + 3 + 3 * 10 + 10 + 10 * 1 + 1);
  alone.detector.dispose();
  const c = await runCompare(wave(200), ['pca', 'dense'], o);
  for (const e of c.entries) {
    assert.deepEqual([e.run.result.config.window, e.run.result.config.transform], [30, 'none'], e.kind);
    assert.equal(e.test.length, 40 - 30 + 1, e.kind);
    e.run.detector.dispose();
  }
  const given = await runCompare(wave(100), ['zscore', 'dense'], { ...o, window: 3 });
  assert.deepEqual(
    given.entries.map((e) => e.run.result.config.window),
    [3, 3],
  );
  given.entries.forEach((e) => e.run.detector.dispose());
});
