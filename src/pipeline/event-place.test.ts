import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ScoreResult } from '../detector/contract';
import { DEFAULT_PIPELINE_OPTIONS } from './options';
import { eventStage } from './steps-stage';

const day = (i: number): string => `2020-01-${String(i + 1).padStart(2, '0')}`;

/** n windows of T steps over `values`, reconstructed as `recon`; windows `flagged` have MAE 9, the others 0. */
function windowScores(values: number[], recon: number[], T: number, flagged: number[]): ScoreResult {
  const n = values.length - T + 1;
  const x = new Float32Array(n * T);
  const r = new Float32Array(n * T);
  for (let i = 0; i < n; i++)
    for (let t = 0; t < T; t++) {
      x[i * T + t] = values[i + t];
      r[i * T + t] = recon[i + t];
    }
  const ds = values.map((_, i) => day(i));
  const anomaly = Array.from({ length: n }, (_, i) => flagged.includes(i));
  return {
    start: ds.slice(0, n),
    end: ds.slice(T - 1),
    mae: anomaly.map((f) => (f ? 9 : 0)),
    anomaly,
    windows: [],
    anomalies: [],
    transformed: { dates: ds, values: values.map((v) => [v]), columns: ['v'], source: 's' },
    steps: { dates: ds, windows: { x, reconstruction: r, n, window: T, features: 1 } },
  };
}

const OPTS = { ...DEFAULT_PIPELINE_OPTIONS, smooth: '0', window: 5 };

test('a window event is placed on the spike steps inside its flagged windows', () => {
  // 20 steps, windows of 5: a spike of error 4 on steps 10 and 11; windows 6..11 (steps 6..15) are flagged
  const values = new Array<number>(20).fill(0);
  const recon = values.map((_, s) => (s === 10 || s === 11 ? 4 : 0.1));
  const st = eventStage(windowScores(values, recon, 5, [6, 7, 8, 9, 10, 11]), OPTS, 1);
  assert.deepEqual(
    st.events.map((e) => [e.startIndex, e.endIndex, e.start, e.end, e.peak]),
    [[10, 11, '2020-01-11', '2020-01-12', '2020-01-11']],
  );
  assert.equal(st.events[0].peakScore, 9); // the peak window's MAE, as before
  assert.deepEqual(
    st.flags.map((f, i) => (f ? i : -1)).filter((i) => i >= 0),
    [10, 11],
  );
});

test('a window event none of whose steps scores above the threshold keeps its windows bounds', () => {
  const values = new Array<number>(20).fill(0);
  const recon = values.map((_, s) => (s === 10 ? 0.5 : 0));
  const st = eventStage(windowScores(values, recon, 5, [6, 7, 8, 9, 10]), OPTS, 1);
  assert.deepEqual(
    st.events.map((e) => [e.startIndex, e.endIndex, e.peak]),
    [[6, 14, '2020-01-11']], // peak: the highest step score inside the event,
  );
});

test('a detector that scores steps itself (zscore) gets its events placed by the same rule', () => {
  const score = Array.from({ length: 20 }, (_, s) => (s === 12 ? 6 : s === 14 ? 2 : 0.2));
  const ds = score.map((_, i) => day(i));
  const n = 16; // windows of 5 over 20 steps; windows 8..14 cover steps 12 and 14
  const anomaly = Array.from({ length: n }, (_, i) => i >= 8 && i <= 14);
  const s: ScoreResult = {
    start: ds.slice(0, n),
    end: ds.slice(4),
    mae: anomaly.map((f) => (f ? 6 : 0.2)),
    anomaly,
    windows: [],
    anomalies: [],
    transformed: { dates: ds, values: score.map((v) => [v]), columns: ['v'], source: 's' },
    steps: { dates: ds, score },
  };
  const st = eventStage(s, OPTS, 1.5);
  assert.deepEqual(
    st.events.map((e) => [e.startIndex, e.endIndex, e.peak]),
    [[12, 14, '2020-01-13']],
  );
});
