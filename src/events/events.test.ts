import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsCsv } from './csv';
import { eventsFromFlags } from './events';

const dates = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];
// scores: mean 1.5, population σ 1.5 (squared deviations sum to 18 over 8) -> mean + std = 3
const scores = [0, 1, 4, 1, 1, 0, 4, 1];
const flags = [false, true, true, true, false, false, true, false];

test('events from flags: runs, peaks and severity (peak - threshold) / (mean + std)', () => {
  const ev = eventsFromFlags(flags, scores, dates, 1.5);
  assert.deepEqual(ev, [
    { start: 't1', end: 't3', startIndex: 1, endIndex: 3, peak: 't2', peakScore: 4, severity: (4 - 1.5) / 3 },
    { start: 't6', end: 't6', startIndex: 6, endIndex: 6, peak: 't6', peakScore: 4, severity: (4 - 1.5) / 3 },
  ]);
  const perStep = eventsFromFlags(flags, scores, dates, [0, 0, 1, 0, 0, 0, 2, 0]);
  assert.deepEqual(
    perStep.map((e) => e.severity),
    [1, 2 / 3],
  );
  assert.deepEqual(eventsFromFlags([], [], [], 1), []);
  assert.deepEqual(eventsFromFlags([true], [2], ['a'], 1)[0].severity, 0.5); // mean 2, std 0
  assert.equal(eventsFromFlags([true, true], [3, 3], ['a', 'b'], 1)[0].peak, 'a'); // first of equal peaks
  assert.throws(() => eventsFromFlags([true], [1, 2], ['a'], 1), /invalid events input/);
});

test('events: column shares of the error for multivariate input', () => {
  const per = [0, 0, 1, 3, 2, 2, 0, 0]; // 4 steps x 2 columns; event over steps 1..2: a 3, b 5
  const ev = eventsFromFlags([false, true, true, false], [0, 2, 2, 0], ['a', 'b', 'c', 'd'], 1, {
    perFeature: per,
    columns: ['x', 'y'],
  });
  assert.deepEqual(ev[0].shares, { x: 3 / 8, y: 5 / 8 });
});

test('eventsCsv: header, rows and shares', () => {
  const ev = eventsFromFlags(flags, scores, dates, 1.5);
  assert.equal(
    eventsCsv(ev),
    'start,end,start_index,end_index,steps,peak,peak_score,severity\n' +
      't1,t3,1,3,3,t2,4,0.833333\nt6,t6,6,6,1,t6,4,0.833333\n',
  );
  const m = eventsFromFlags([true], [1], ['a,b'], 0, { perFeature: [1, 3], columns: ['p', 'q'] });
  assert.equal(eventsCsv(m).split('\n')[1], '"a,b","a,b",0,0,1,"a,b",1,1,0.25,0.75');
  assert.equal(eventsCsv([]), 'start,end,start_index,end_index,steps,peak,peak_score,severity\n');
});
