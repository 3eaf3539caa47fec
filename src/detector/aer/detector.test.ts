import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Series } from '../../data/series';
import { loadAnyDetector } from '../registry';
import { AerWindowDetector } from './detector';

const OPTS = {
  window: 12,
  encoder: [6],
  epochs: 3,
  batchSize: 16,
  backend: 'wasm' as const,
  seed: 5,
  transform: 'none' as const,
  learningRate: 0.01,
};

/** A sine with a spike at step 150. */
function series(n: number): Series {
  return {
    dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2021, 0, 1 + i)).toISOString().slice(0, 10)),
    values: Array.from({ length: n }, (_, i) => [Math.sin(i / 3) + (i === 150 ? 4 : 0)]),
    columns: ['value'],
    source: 'memory',
  };
}

test('aer: fit and score; same seed, same bits; the spike scores highest; save/load scores identically', async () => {
  const s = series(200);
  const train = { ...s, dates: s.dates.slice(0, 120), values: s.values.slice(0, 120) };
  const a = new AerWindowDetector(OPTS);
  const b = new AerWindowDetector(OPTS);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aer-'));
  try {
    await a.fit(train);
    await b.fit(train);
    assert.equal(a.history.length, 3);
    assert.deepEqual(
      a.history.map((h) => h.loss),
      b.history.map((h) => h.loss),
    );
    const record = a.trainingRecord(1);
    assert.equal(record.parameters, 2 * 4 * (6 * 7 + 6) + 2 * 4 * (6 * 18 + 6) + 12 + 1);
    assert.match(record.engine, /1 thread/);
    const ra = await a.score(s, { from: s.dates[120] });
    const rb = await b.score(s, { from: s.dates[120] });
    assert.deepEqual(ra.mae, rb.mae);
    assert.equal(ra.windows.length, 80 - 12 + 1);
    const steps = ra.steps?.score;
    assert.ok(steps && steps.length === 80);
    // the step after the spike's peak lies within the EWMA's reach of step 150 (index 30 of the scored part)
    const peak = steps.indexOf(Math.max(...steps));
    assert.ok(peak >= 30 && peak <= 33, `peak at ${peak}`);
    assert.ok(Math.min(...steps) >= 1, 'scores are products of values in [1, 2] on the training range');
    await a.save(path.join(dir, 'm'));
    const state = JSON.parse(fs.readFileSync(path.join(dir, 'm', 'model.json'), 'utf8'));
    assert.equal(state.kind, 'aer');
    assert.equal(state.model.norm.span, 1);
    const back = await loadAnyDetector(path.join(dir, 'm'));
    const rc = await back.score(s, { from: s.dates[120] });
    assert.deepEqual(rc.mae, ra.mae);
    assert.deepEqual(rc.steps, ra.steps);
    assert.deepEqual(rc.anomaly, ra.anomaly);
    back.dispose();
  } finally {
    a.dispose();
    b.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('aer: bad options and a broken saved state are one-line input errors', async () => {
  assert.throws(
    () => new AerWindowDetector({ window: 3 }),
    /^InputError: invalid window: 3 \(an integer >= 4 for aer\)$/,
  );
  assert.throws(
    () => new AerWindowDetector({ encoder: [8, 4] }),
    /^InputError: invalid units: 8,4 \(one LSTM size for aer\)$/,
  );
  assert.throws(
    () => new AerWindowDetector({ recError: 'area' as never }),
    /^InputError: invalid rec error: area \(one of: point, dtw\)$/,
  );
  const det = new AerWindowDetector({ ...OPTS, epochs: 1 });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aer-'));
  try {
    await det.fit(series(60));
    await det.save(path.join(dir, 'm'));
    const file = path.join(dir, 'm', 'model.json');
    const state = JSON.parse(fs.readFileSync(file, 'utf8'));
    state.model.weights[3].data = state.model.weights[3].data.slice(8);
    fs.writeFileSync(file, JSON.stringify(state));
    await assert.rejects(
      loadAnyDetector(path.join(dir, 'm')),
      /^InputError: .*model\.json: invalid aer state: weight 3 is not encoder\/backward_lstm\/kernel of 24 values$/,
    );
    state.model.norm.rec = [0];
    fs.writeFileSync(file, JSON.stringify(state));
    await assert.rejects(loadAnyDetector(path.join(dir, 'm')), /invalid aer state: norm \{"span":1,"rec":\[0\]/);
  } finally {
    det.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('aer --rec-error dtw: other scores than point from the same weights; saved and loaded with the model', async () => {
  const s = series(200);
  const train = { ...s, dates: s.dates.slice(0, 120), values: s.values.slice(0, 120) };
  const point = new AerWindowDetector({ ...OPTS, epochs: 1 });
  const dtw = new AerWindowDetector({ ...OPTS, epochs: 1, recError: 'dtw' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aer-'));
  try {
    await point.fit(train);
    await dtw.fit(train);
    // same seed, same training: the same losses; only the scoring differs
    assert.deepEqual(
      dtw.history.map((h) => h.loss),
      point.history.map((h) => h.loss),
    );
    const a = await dtw.score(s, { from: s.dates[120] });
    const b = await point.score(s, { from: s.dates[120] });
    assert.notDeepEqual(a.mae, b.mae);
    await dtw.save(path.join(dir, 'm'));
    const back = await loadAnyDetector(path.join(dir, 'm'));
    assert.equal(back.options.recError, 'dtw');
    assert.deepEqual((await back.score(s, { from: s.dates[120] })).mae, a.mae);
    back.dispose();
  } finally {
    point.dispose();
    dtw.dispose();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
