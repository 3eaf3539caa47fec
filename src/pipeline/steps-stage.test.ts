import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoreResult } from '../detector/contract';
import { checkFitMode } from './attach';
import { DEFAULT_PIPELINE_OPTIONS } from './options';
import { eventStage, windowEvents } from './steps-stage';

const dates = ['d0', 'd1', 'd2', 'd3', 'd4', 'd5'];

test('windowEvents: consecutive flagged windows merge into one event from first start to last end', () => {
  // 5 windows of 2 steps over 6 steps; windows 1, 2 and 4 flagged -> events [1..3] and [4..5]
  const mae = [1, 5, 3, 1, 4];
  const ev = windowEvents(mae, [false, true, true, false, true], 2, dates, 2);
  assert.equal(ev.length, 2);
  assert.deepEqual([ev[0].start, ev[0].end, ev[0].startIndex, ev[0].endIndex, ev[0].peak], ['d1', 'd3', 1, 3, 'd2']);
  assert.deepEqual([ev[1].start, ev[1].end, ev[1].peak, ev[1].peakScore], ['d4', 'd5', 'd5', 4]);
  // mean 2.8, population variance 12.8 / 5 = 2.56, sd 1.6; severity (5 - 2) / 4.4
  assert.ok(Math.abs(ev[0].severity - 3 / 4.4) < 1e-12);
  assert.deepEqual(windowEvents([], [], 1, [], 2), []);
});

test('windowEvents: column shares over the event steps', () => {
  const per = [0, 0, 3, 1, 1, 1, 0, 0]; // 4 steps x 2 columns
  const ev = windowEvents([0, 2, 0], [false, true, false], 1, ['a', 'b', 'c', 'd'], 2, per, ['x', 'y']);
  assert.deepEqual(ev[0].shares, { x: 4 / 6, y: 2 / 6 });
});

function fakeScores(values: number[], recon: number[], T: number, flagged: boolean[]): ScoreResult {
  const n = values.length - T + 1;
  const x = new Float32Array(n * T);
  const r = new Float32Array(n * T);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < T; t++) {
      x[i * T + t] = values[i + t];
      r[i * T + t] = recon[i + t];
    }
  const ds = values.map((_, i) => `2020-01-${String(i + 1).padStart(2, '0')}`);
  const mae = Array.from({ length: n }, (_, i) => (flagged[i] ? 9 : 0));
  return {
    start: ds.slice(0, n),
    end: ds.slice(T - 1),
    mae,
    anomaly: flagged,
    windows: [],
    anomalies: [],
    transformed: { dates: ds, values: values.map((v) => [v]), columns: ['v'], source: 's' },
    steps: { dates: ds, windows: { x, reconstruction: r, n, window: T, features: 1 } },
  };
}

test('eventStage: a window rule flags the steps of its events, placed on the error; a step rule thresholds step scores', () => {
  const values = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
  const recon = [0, 0, 0, 0, 0, 10, 0, 0, 0, 0];
  const s = fakeScores(values, recon, 2, [false, false, false, false, true, true, false, false, false]);
  const w = eventStage(s, { ...DEFAULT_PIPELINE_OPTIONS, smooth: '0' }, 1);
  assert.equal(w.source, 'window');
  assert.deepEqual(
    w.flags.map((f, i) => (f ? i : -1)).filter((i) => i >= 0),
    [5],
  );
  // windows 4 and 5 cover steps 4..6; only step 5 scores above the window threshold 1
  assert.deepEqual(
    w.events.map((e) => [e.start, e.end]),
    [['2020-01-06', '2020-01-06']],
  );
  const st = eventStage(s, { ...DEFAULT_PIPELINE_OPTIONS, smooth: '0', threshold: 'window-sigma:1' }, 1);
  assert.equal(st.source, 'step');
  assert.deepEqual(Array.from(st.steps.scores), recon);
  assert.deepEqual(
    st.events.map((e) => [e.start, e.end, e.peakScore]),
    [['2020-01-06', '2020-01-06', 10]],
  );
  assert.match(st.explanation!, /^window-sigma:1: mean \+ 1σ/);
});

test('checkFitMode: --train-frac 1 points at --fit all', () => {
  assert.throws(() => checkFitMode({ trainFrac: 1, fit: 'split' }), /leaves no rows to score.*--fit all/);
  checkFitMode({ trainFrac: 1, fit: 'all' });
  checkFitMode({ trainFrac: 0.8, fit: 'split' });
});

test('windowEvents: runs of flagged windows whose steps overlap merge (no overlapping events)', () => {
  // windows of 60 steps; windows 11 and 51 flagged: steps 11..70 and 51..110 overlap -> one event 11..110
  const n = 200;
  const mae = Array.from({ length: n }, (_, i) => (i === 11 ? 3 : i === 51 ? 5 : i === 120 ? 4 : 1));
  const flags = mae.map((m) => m > 2);
  const d = Array.from({ length: n + 59 }, (_, s) => `s${s}`);
  const ev = windowEvents(mae, flags, 2, d, 60);
  assert.deepEqual(
    ev.map((e) => [e.startIndex, e.endIndex, e.peak]),
    [
      [11, 110, 's110'],
      [120, 179, 's179'],
    ],
  );
  for (let i = 1; i < ev.length; i++) assert.ok(ev[i].startIndex > ev[i - 1].endIndex);
});

test('eventStage: a one-step error that smoothing hides is flagged by extreme (k sigma of the unsmoothed errors)', () => {
  const values = new Array<number>(31).fill(0);
  const recon = values.map((_, i) => (i === 15 ? 10 : ((i * 7) % 5) / 4)); // errors 0..1, and 10 at step 15
  const s = fakeScores(values, recon, 1, new Array<boolean>(31).fill(false));
  const o = { ...DEFAULT_PIPELINE_OPTIONS, smooth: '5', threshold: 'window-sigma:3' };
  assert.deepEqual(eventStage(s, o, 1).events, []);
  const x = eventStage(s, { ...o, extreme: 4 }, 1);
  assert.deepEqual(
    x.events.map((e) => [e.start, e.end]),
    [['2020-01-16', '2020-01-16']],
  );
  assert.match(x.explanation!, /; steps whose own error is above mean \+ 4σ of all \(7\.66\) are flagged too: 1$/);
  assert.deepEqual(eventStage(s, { ...o, extreme: 6 }, 1).events, []);
});

test("eventStage: a stuck sensor is flagged by stuck on, from the windows' inputs or, without windows, the series", () => {
  const values = Array.from({ length: 150 }, (_, t) => (t >= 60 && t < 72 ? 0.25 : Math.sin(t)));
  const s = fakeScores(values, values, 1, new Array<boolean>(150).fill(false)); // no reconstruction error at all
  const o = { ...DEFAULT_PIPELINE_OPTIONS, smooth: '0', threshold: 'window-sigma:3', pad: 2 };
  assert.deepEqual(eventStage(s, o, 1).events, []);
  const on = eventStage(s, { ...o, stuck: 'on' }, 1);
  assert.deepEqual(
    on.events.map((e) => [e.startIndex, e.endIndex]),
    [[58, 73]],
  );
  assert.match(
    on.explanation!,
    /; a stuck sensor \(10\+ steps repeating one input, too long for the series' repeat rate 0\.074, where such runs cover at most 10% of it\) is flagged too: 1 run, 12 steps$/,
  );
  // a detector scoring steps itself (zscore): the inputs are the transformed series' rows of the scored dates
  const own: ScoreResult = { ...s, steps: { dates: s.transformed.dates.slice(5), score: new Array(145).fill(1) } };
  assert.deepEqual(
    eventStage(own, { ...o, stuck: 'on' }, 1).events.map((e) => [e.startIndex, e.endIndex]),
    [[53, 68]],
  );
  // 12 of 110 steps cover more than a tenth: nothing is flagged
  const short = values.slice(0, 110);
  assert.deepEqual(
    eventStage(fakeScores(short, short, 1, new Array(110).fill(false)), { ...o, stuck: 'on' }, 1).events,
    [],
  );
});
