import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../util/errors';
import { aggregate, type FileMeasures, measureMeans } from './aggregate';
import { averagePrecision } from './aucpr';
import { scoreCounts } from './counts';
import { labelColumnIntervals } from './label-column';
import { labelsForFile, parseIntervalCsv, parseNabWindows } from './labels';
import { overlapSegment } from './overlap';
import { pointwise } from './pointwise';
import { labelSteps } from './steps';

const isInput =
  (re: RegExp) =>
  (e: unknown): boolean =>
    e instanceof InputError && re.test(e.message) && !e.message.includes('\n');

test('overlap-segment: a label hit by two events is one TP; an event spanning two labels makes two TPs', () => {
  // label [0,10] hit by events [2,3] and [8,12]; [8,12] also spans label [11,15];
  // label [30,40] missed; event [50,51] alone
  const c = overlapSegment(
    [
      [0, 10],
      [11, 15],
      [30, 40],
    ],
    [
      [2, 3],
      [8, 12],
      [50, 51],
    ],
  );
  assert.deepEqual([c.tp, c.fp, c.fn], [2, 1, 1]);
  assert.equal(c.precision, 2 / 3);
  assert.equal(c.recall, 2 / 3);
  assert.equal(c.f1, 2 / 3);
  assert.deepEqual([overlapSegment([[0, 5]], [[5, 9]]).tp, overlapSegment([[0, 5]], [[6, 9]]).tp], [1, 0]);
  const none = overlapSegment([], []);
  assert.deepEqual([none.tp, none.fp, none.fn, none.f1], [0, 0, 0, NaN]);
  assert.equal(overlapSegment([], [[1, 2]]).f1, 0);
});

test('point-wise precision, recall, F1', () => {
  const c = pointwise([true, true, true, false, false, false], [false, true, true, true, false, false]);
  assert.deepEqual([c.tp, c.fp, c.fn], [2, 1, 1]);
  assert.equal(c.f1, 2 / 3);
  assert.equal(pointwise([true, false], [false, false]).precision, NaN);
  assert.throws(() => pointwise([true], []), /invalid flags/);
});

test('AUC-PR as average precision (scikit-learn documentation example: 0.8333)', () => {
  assert.ok(Math.abs(averagePrecision([0.1, 0.4, 0.35, 0.8], [false, false, true, true]) - 5 / 6) < 1e-12);
  // ties are one threshold: all equal scores -> precision at recall 1 is the positive rate
  assert.equal(averagePrecision([1, 1, 1, 1], [true, false, false, false]), 0.25);
  assert.equal(averagePrecision([3, 2, 1], [true, true, false]), 1);
  assert.ok(Number.isNaN(averagePrecision([1, 2], [false, false])));
});

test('NAB windows JSON with .000000 timestamps, matched by relative path or file name', () => {
  const text = JSON.stringify({
    'realKnownCause/nyc_taxi.csv': [['2014-11-01 19:00:00.000000', '2014-11-02 20:30:00.000000']],
    'art_flat.csv': [],
    'other/b.csv': [['2014-01-01 00:00:00', '2014-01-01 01:00:00']],
  });
  const w = parseNabWindows(text, 'windows.json');
  assert.deepEqual(labelsForFile(w, 'realKnownCause/nyc_taxi.csv'), [
    { start: '2014-11-01T19:00:00', end: '2014-11-02T20:30:00' },
  ]);
  assert.deepEqual(labelsForFile(w, 'nyc_taxi.csv'), labelsForFile(w, 'realKnownCause/nyc_taxi.csv'));
  assert.deepEqual(labelsForFile(w, 'x/art_flat.csv'), []);
  assert.equal(labelsForFile(w, 'b.csv')[0].end, '2014-01-01T01:00:00');
  assert.throws(
    () => labelsForFile(w, 'missing.csv', 'windows.json'),
    isInput(/^windows\.json: no labels for missing\.csv$/),
  );
  const dates = ['2014-11-01T18:30:00', '2014-11-01T19:00:00', '2014-11-02T20:30:00', '2014-11-02T21:00:00'];
  assert.deepEqual(labelSteps(labelsForFile(w, 'nyc_taxi.csv'), dates), {
    truth: [false, true, true, false],
    spans: [[1, 2]],
  });
});

test('interval CSV with or without a header; label columns', () => {
  assert.deepEqual(parseIntervalCsv('start,end\n2020-03-01,2020-03-31\n'), [
    { start: '2020-03-01', end: '2020-03-31' },
  ]);
  assert.deepEqual(
    parseIntervalCsv('2020-03-01,2020-03-02 12:00:00\n').map((l) => l.end),
    ['2020-03-02T12:00:00'],
  );
  const d = ['d0', 'd1', 'd2', 'd3', 'd4'];
  assert.deepEqual(labelColumnIntervals(d, ['Good', 'Bad', 'Bad', 'Good', 'Bad'], 'Quality', 'Bad'), [
    { start: 'd1', end: 'd2' },
    { start: 'd4', end: 'd4' },
  ]);
  assert.deepEqual(labelColumnIntervals(d, ['0', '1', '0', '0', '0'], 'y'), [{ start: 'd1', end: 'd1' }]);
});

test('bad labels: one-line InputErrors', () => {
  assert.throws(() => parseNabWindows('{"a.csv": [[', 'w.json'), isInput(/^w\.json: malformed JSON \(/));
  assert.throws(() => parseNabWindows('[1]', 'w.json'), isInput(/^w\.json: expected an object/));
  assert.throws(
    () => parseNabWindows('{"a.csv": [["2014-01-01", "soon"]]}', 'w.json'),
    isInput(/^w\.json: "a\.csv" window 1: invalid date "soon"$/),
  );
  assert.throws(
    () => parseNabWindows('{"a.csv": [["2014-01-02", "2014-01-01"]]}'),
    isInput(/ends \(2014-01-01\) before it starts/),
  );
  assert.throws(
    () => parseIntervalCsv('start,end\n2020-01-01,x\n', 'l.csv'),
    isInput(/^l\.csv line 2: invalid date "x"$/),
  );
  const dates = ['2020-01-01', '2020-01-02', '2020-01-03'];
  assert.throws(
    () => labelSteps([{ start: '2021-01-01', end: '2021-01-05' }], dates),
    isInput(/^labels: label 2021-01-01\.\.2021-01-05 is outside the series \(2020-01-01\.\.2020-01-03\)$/),
  );
  assert.deepEqual(labelSteps([{ start: '2019-12-01', end: '2020-01-01' }], dates).spans, [[0, 0]]); // clipped
  assert.throws(
    () => labelColumnIntervals(dates, ['0', '2', '1'], 'y'),
    isInput(/^label column y: value "2" on data row 2 is not 0 or 1/),
  );
  assert.throws(
    () => labelColumnIntervals(dates, ['Good', 'Bad', 'Meh'], 'Quality', 'Bad'),
    isInput(/^label column Quality: values "Good", "Meh" besides the anomaly value "Bad" .*data row 3\)$/),
  );
});

test('evaluate aggregation: counts summed per sub-folder (not F1 averaged), failed files excluded', () => {
  const agg = aggregate([
    { file: 'a/1.csv', subset: 'a', counts: scoreCounts(1, 0, 0) }, // F1 1
    { file: 'a/2.csv', subset: 'a', counts: scoreCounts(0, 3, 1) }, // F1 0
    { file: 'a/3.csv', subset: 'a', error: 'a/3.csv: the series is constant' },
    { file: 'b/1.csv', subset: 'b', counts: scoreCounts(2, 2, 0) },
    { file: 'c/1.csv', subset: 'c', counts: scoreCounts(0, 4, 0) }, // no labels: no F1, not averaged
  ]);
  const a = agg.subsets[0];
  assert.deepEqual([a.subset, a.tp, a.fp, a.fn, a.files, a.failed], ['a', 1, 3, 1, 3, 1]);
  assert.equal(a.f1, 2 / 6); // from the sums: 2·1 / (2·1 + 3 + 1); the mean of the files' F1 would be 0.5
  assert.equal(agg.subsets[1].f1, 4 / 6);
  assert.equal(agg.subsets[2].f1, 0);
  assert.deepEqual(agg.averaged, ['a', 'b']);
  assert.ok(Math.abs(agg.meanF1 - 0.5) < 1e-12); // (1/3 + 2/3) / 2
  assert.equal(agg.files[2].error, 'a/3.csv: the series is constant');
});

test('evaluate measures: means over files that ran, NAB totalled as a corpus, UCR share over labeled files', () => {
  const m = (vusPr: number, raw: number, nul: number, perfect: number, ucr?: boolean): FileMeasures => ({
    vusPr,
    vusRoc: vusPr,
    rangeF1: 0.5,
    affiliationF1: NaN,
    nabScore: (100 * (raw - nul)) / (perfect - nul),
    nabRaw: raw,
    nabNull: nul,
    nabPerfect: perfect,
    ...(ucr === undefined ? {} : { ucrTop1: ucr }),
  });
  const agg = aggregate([
    { file: 'a/1.csv', subset: 'a', counts: scoreCounts(1, 0, 0), measures: m(0.8, 1, -1, 1, true) },
    { file: 'a/2.csv', subset: 'a', counts: scoreCounts(0, 1, 1), measures: m(0.2, -2, -2, 2, false) },
    { file: 'b/1.csv', subset: 'b', counts: scoreCounts(0, 2, 0), measures: m(NaN, -0.22, 0, 0) }, // no labels
    { file: 'b/2.csv', subset: 'b', error: 'x', measures: m(1, 9, 0, 1, true) }, // failed: counts nowhere
  ]);
  const s = agg.measures;
  assert.equal(s.files, 3);
  assert.ok(Math.abs(s.vusPr - 0.5) < 1e-12); // (0.8 + 0.2) / 2: the unlabeled file has no VUS
  assert.equal(s.rangeF1, 0.5);
  assert.ok(Number.isNaN(s.affiliationF1));
  // NAB: 100 (Σraw - Σnull) / (Σperfect - Σnull) = 100 (-1.22 + 3) / (3 + 3); not the mean of the file scores
  assert.ok(Math.abs(s.nabScore - (100 * 1.78) / 6) < 1e-9);
  assert.equal(s.ucrTop1, 0.5);
  assert.equal(s.pointAdjustedF1, undefined);
  assert.equal(measureMeans([]).files, 0);
});
