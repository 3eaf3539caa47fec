import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../src/util/paths';
import type { SetMeasures, Verdict } from './select-grid';
import { defaultsOf, newestSelectResults, targets28, targets28Sentence } from './targets28';

const results = path.join(packageRoot(), 'bench', 'results', 'select-2026-12-07-round2.json');
const round = (): Verdict[] => (JSON.parse(fs.readFileSync(results, 'utf8')) as { verdicts: Verdict[] }).verdicts;

test("issue 28's targets for the defaults of the 2026-12-07 round (resample-auto / d)", () => {
  const d = defaultsOf(round());
  assert.equal(`${d?.model} / ${d?.post}`, 'resample-auto / d');
  const rows = targets28(d!.nab, d!.synth);
  assert.deepEqual(
    rows.map((r) => [r.met, r.value]),
    [
      [false, '0.563, 36 of 64'],
      [true, '0.63, 14 in 220,700 steps'],
      [
        false,
        '8 of 10 kinds short: amplitude-change 3 of 6, dip 2 of 6, flatline 2 of 6, frequency-change 4 of 6, ' +
          'missing-cycle 1 of 7, noise-burst 4 of 6, spike 2 of 7, trend-change 4 of 6',
      ],
      [true, '0.775'],
      [true, '0 false events'],
    ],
  );
});

test('every target met, and each one missed on its own', () => {
  const m = (o: Partial<SetMeasures>): SetMeasures =>
    ({
      headline: 0.8,
      tp: 19,
      fp: 1,
      fn: 1,
      recall: 0.95,
      fpPer10k: 0.5,
      controlFp: 0,
      kinds: {},
      steps: 20_000,
      ...o,
    }) as SetMeasures;
  const nab = m({});
  const synth = m({ kinds: { spike: [3, 4], dip: [4, 4] } });
  assert.deepEqual(
    targets28(nab, synth).map((r) => r.met),
    [true, true, true, true, true],
  );
  assert.match(
    targets28Sentence(targets28(nab, synth)),
    /^The defaults meet 5 of issue 28's 5 targets on the development sets\.$/,
  );
  const missed = (n: Partial<SetMeasures>, s: Partial<SetMeasures>): number[] =>
    targets28(m(n), m({ kinds: { spike: [3, 4] }, ...s }))
      .map((r, i) => (r.met ? -1 : i))
      .filter((i) => i >= 0);
  assert.deepEqual(missed({}, { recall: 0.89 }), [0]);
  assert.deepEqual(missed({}, { fpPer10k: 1.01 }), [1]);
  assert.deepEqual(missed({}, { kinds: { spike: [2, 4], dip: [4, 4] } }), [2]);
  assert.deepEqual(missed({}, { kinds: {} }), [2]);
  assert.deepEqual(missed({ headline: 0.69 }, {}), [3]);
  assert.deepEqual(missed({ controlFp: 1 }, {}), [4]);
});

test("the README's sentence on issue 28's targets is the newest round's", () => {
  const file = newestSelectResults();
  assert.ok(file);
  const d = defaultsOf((JSON.parse(fs.readFileSync(file, 'utf8')) as { verdicts: Verdict[] }).verdicts);
  const readme = fs.readFileSync(path.join(packageRoot(), 'README.md'), 'utf8').replace(/\s*\n\s*/g, ' ');
  assert.ok(readme.includes(targets28Sentence(targets28(d!.nab, d!.synth))));
});
