import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { packageRoot } from '../src/util/paths';
import { type RoundResults, roundTables } from './select-round-doc';

const root = packageRoot();
const r = JSON.parse(
  fs.readFileSync(path.join(root, 'bench', 'results', 'select-2026-12-07-round3.json'), 'utf8'),
) as RoundResults;
const doc = fs.readFileSync(path.join(root, 'docs', 'selection.md'), 'utf8');
const flat = doc.replace(/\s*\n\s*/g, ' ');
const cell = (set: 'nab' | 'synth', model: string, post = 'd') =>
  r.sets[set].find((x) => x.model === model && x.post === post)!.m;

test("round 3: docs/selection.md holds the round's tables and verdict, printed from its results file", () => {
  assert.ok(doc.includes(roundTables(r)), 'the tables of select-round-doc.js');
  assert.equal(r.verdict, 'no candidate passes the rule, so the defaults stay');
  assert.ok(flat.includes(`Verdict: **${r.verdict}**.`));
  assert.equal(r.incumbent, 'resample-auto');
});

test('round 3: the incumbent re-run gave round 2 its measures, as the prose says', () => {
  const r2 = JSON.parse(
    fs.readFileSync(path.join(root, 'bench', 'results', 'select-2026-12-07.json'), 'utf8'),
  ) as RoundResults;
  for (const set of ['nab', 'synth'] as const) {
    const old = r2.sets[set].find((x) => x.model === 'resample-auto' && x.post === 'd')!.m;
    assert.deepEqual(cell(set, 'resample-auto'), old, set);
  }
  const n = cell('nab', 'resample-auto');
  const s = cell('synth', 'resample-auto');
  assert.ok(
    flat.includes(
      `(NAB ${n.headline.toFixed(3)}, ${n.tp}/${n.fp}/${n.fn} summed; synthetic ${s.headline.toFixed(3)}, ${s.tp}/${s.fp}/${s.fn})`,
    ),
  );
});

test("round 3: the prose's figures on the absolute loss and dropout", () => {
  const inc = cell('synth', 'resample-auto');
  const mae = cell('synth', 'mae');
  assert.ok(
    flat.includes(
      `it finds ${mae.tp} of the ${mae.tp + mae.fn} labels against ${inc.tp}, with ${mae.fp} false events against ${inc.fp}`,
    ),
  );
  const more = (k: string): number => mae.kinds[k][0] - inc.kinds[k][0];
  assert.deepEqual(
    [
      mae.kinds['amplitude-change'][0],
      mae.kinds['amplitude-change'][1],
      more('spike'),
      more('dip'),
      more('frequency-change'),
      more('missing-cycle'),
      more('noise-burst'),
    ],
    [6, 6, 2, 1, 1, 1, 1],
  );
  const rk = (model: string) => cell('nab', model).subsets.find((x) => x.subset === 'realKnownCause')!;
  const [a, b] = [rk('mae'), rk('resample-auto')];
  assert.ok(flat.includes(`(${a.tp}/${a.fp}/${a.fn} against ${b.tp}/${b.fp}/${b.fn})`));
  const gap = (cell('nab', 'resample-auto').headline - cell('nab', 'mae').headline).toFixed(3);
  assert.ok(flat.includes(`its NAB mean F1 is ${gap} lower`));
  const k25 = r.verdicts.find((v) => v.model === 'mae' && v.post === 'k2.5')!;
  assert.equal(k25.why, 'controls 6 false events');
  assert.ok(r.verdicts.filter((v) => v.model === 'dropout-0.2').every((v) => v.why.startsWith('worse on NAB')));
  assert.ok(flat.includes(`(mean F1 ${cell('nab', 'dropout-0.2').headline.toFixed(3)} with today's post-processing)`));
  const s0 = cell('synth', 'mae', 'smooth-0');
  const s0v = r.verdicts.find((v) => v.model === 'mae' && v.post === 'smooth-0')!;
  assert.ok(
    flat.includes(
      `finds ${s0.tp} of the ${s0.tp + s0.fn} synthetic labels (${s0.recall.toFixed(3)}), with ${s0.fpPer10k.toFixed(2)} false events per 10,000 steps and ${s0v.nab.controlFp} on the NAB controls`,
    ),
  );
});

test("round 3: the README's sentence", () => {
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s*\n\s*/g, ' ');
  const mae = cell('synth', 'mae');
  assert.ok(
    readme.includes(
      `the LSTM finds ${mae.tp} of the ${mae.tp + mae.fn} synthetic labels (${cell('synth', 'resample-auto').tp} with today's defaults) ` +
        `but raises one more false event on NAB, whose mean F1 falls to ${cell('nab', 'mae').headline.toFixed(3)}; ` +
        `dropout 0.2 loses on NAB (${cell('nab', 'dropout-0.2').headline.toFixed(3)}).`,
    ),
  );
  assert.equal(cell('nab', 'mae').fp - cell('nab', 'resample-auto').fp, 1);
});
