import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { WHOLE_SERIES_DEFAULTS } from '../src/pipeline/event-options';
import { packageRoot } from '../src/util/paths';
import { postsNamed } from './select-grid';
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
    fs.readFileSync(path.join(root, 'bench', 'results', 'select-2026-12-07-round2.json'), 'utf8'),
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
      `the LSTM finds ${mae.tp} of the ${mae.tp + mae.fn} synthetic labels (${cell('synth', 'resample-auto').tp} with the defaults of that round) ` +
        `but raises one more false event on NAB, whose mean F1 falls to ${cell('nab', 'mae').headline.toFixed(3)}; ` +
        `dropout 0.2 loses on NAB (${cell('nab', 'dropout-0.2').headline.toFixed(3)}).`,
    ),
  );
  assert.equal(cell('nab', 'mae').fp - cell('nab', 'resample-auto').fp, 1);
});

const r4 = JSON.parse(
  fs.readFileSync(path.join(root, 'bench', 'results', 'select-2026-12-07-round4.json'), 'utf8'),
) as RoundResults;
const cell4 = (set: 'nab' | 'synth', model: string, post = 'd') =>
  r4.sets[set].find((x) => x.model === model && x.post === post)!.m;

test("round 4: docs/selection.md holds the round's tables and verdict; the defaults take what it adopted", () => {
  assert.ok(doc.includes(roundTables(r4, true)), 'the tables of select-round-doc.js --every');
  assert.match(r4.verdict, /^adopt resample-auto \/ raw20 /);
  assert.ok(flat.includes(`Verdict: **${r4.verdict}**.`));
  assert.equal(WHOLE_SERIES_DEFAULTS.extreme, postsNamed(['raw20'])[0].rawK);
  // the re-runs gave round 3's measures: the incumbent and the absolute loss
  for (const set of ['nab', 'synth'] as const) {
    assert.deepEqual(cell4(set, 'resample-auto'), cell(set, 'resample-auto'), set);
    assert.deepEqual(cell4(set, 'mae'), cell(set, 'mae'), set);
  }
});

test("round 4: the prose's figures, in docs/selection.md and the README", () => {
  const [d, x10, x20] = ['d', 'raw10', 'raw20'].map((p) => cell4('synth', 'resample-auto', p));
  const k = (m: typeof d, kind: string): string => m.kinds[kind].join(' of ');
  const f3 = (v: number): string => v.toFixed(3);
  const gain = Math.round(x20.headline * 1000) / 1000 - Math.round(d.headline * 1000) / 1000;
  for (const s of [
    `finds ${x20.tp} of the 64 labels against ${d.tp} (one more dip and one more spike: dips ${k(x20, 'dip')}, spikes ${k(x20, 'spike')}), with no false event added`,
    `rises by ${f3(gain)} (${f3(d.headline)} to ${f3(x20.headline)})`,
    `(spikes ${k(x10, 'spike')}, dips ${k(x10, 'dip')}; ${x10.tp} of the 64 labels, synthetic F1 ${f3(x10.headline)}) and loses NAB by one false event (realKnownCause 11/11/8, mean F1 ${f3(cell4('nab', 'resample-auto', 'raw10').headline)})`,
    `with \`raw10\` it finds ${cell4('synth', 'mae', 'raw10').tp} of the 64 synthetic labels, the most of any candidate so far, and its NAB mean F1 falls to ${f3(cell4('nab', 'mae', 'raw10').headline)}`,
    `(recall ${f3(x20.recall)} against 0.9`,
  ])
    assert.ok(flat.includes(s), s);
  assert.deepEqual([x20.tp - d.tp, x20.fp - d.fp, x10.fp - d.fp], [2, 0, 0]);
  assert.equal(x10.kinds.spike[0] + x10.kinds.dip[0], x10.kinds.spike[1] + x10.kinds.dip[1]);
  const nab = (p: string) => cell4('nab', 'resample-auto', p);
  assert.deepEqual([nab('raw20').fp - nab('d').fp, nab('raw10').fp - nab('d').fp, nab('raw20').controlFp], [0, 1, 0]);
  const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8').replace(/\s*\n\s*/g, ' ');
  assert.ok(
    readme.includes(
      `with 20σ the LSTM finds ${x20.tp} of the 64 synthetic labels (${d.tp} without) and adds no event on NAB, so the ` +
        `whole-series defaults now take \`--extreme 20\`; with 10σ it finds every spike and every dip (${x10.tp} of 64) ` +
        `but raises one more false event on NAB, whose mean F1 falls to ${f3(nab('raw10').headline)}.`,
    ),
  );
});
