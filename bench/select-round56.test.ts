import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { WHOLE_SERIES_DEFAULTS } from '../src/pipeline/event-options';
import { packageRoot } from '../src/util/paths';
import type { SetMeasures } from './select-grid';
import { type RoundResults, roundTables } from './select-round-doc';

const root = packageRoot();
const read = (name: string): RoundResults =>
  JSON.parse(fs.readFileSync(path.join(root, 'bench', 'results', name), 'utf8')) as RoundResults;
const r4 = read('select-2026-12-07-round4.json');
const r5 = read('select-2026-12-08-round5.json');
const r6 = read('select-2026-12-08-round6.json');
const doc = fs.readFileSync(path.join(root, 'docs', 'selection.md'), 'utf8');
const flat = doc.replace(/\s*\n\s*/g, ' ');
const readme = fs.readFileSync(path.join(root, 'README.md'), 'utf8');
const readmeFlat = readme.replace(/\s*\n\s*/g, ' ');
const cell = (r: RoundResults, set: 'nab' | 'synth', post: string): SetMeasures =>
  r.sets[set].find((x) => x.model === 'resample-auto' && x.post === post)!.m;
const f3 = (v: number): string => v.toFixed(3);
const pct = (v: number): string => `${(100 * v).toFixed(1)}%`;

test("round 5: the tables and verdict are the results file's; the incumbent repeated round 4; rule 5 refused it", () => {
  assert.ok(doc.includes(roundTables(r5, true)), 'the tables of select-round-doc.js --every');
  assert.equal(r5.verdict, 'no candidate passes the rule, so the defaults stay');
  for (const set of ['nab', 'synth'] as const) {
    const { overHalf, ...now } = cell(r5, set, 'raw20');
    assert.deepEqual([now, overHalf], [cell(r4, set, 'raw20'), []], set); // round 4 did not record overHalf
  }
  const v = r5.verdicts.find((x) => x.post === 'stuck')!;
  assert.match(
    v.why,
    /^events cover over half of rogue_agent_key_hold\.csv \(68\.2%\), rogue_agent_key_updown\.csv \(97\.6%\)$/,
  );
});

test("round 5: the prose's figures, in docs/selection.md and the README", () => {
  const [inc, st] = [cell(r5, 'synth', 'raw20'), cell(r5, 'synth', 'stuck')];
  const [ni, ns] = [cell(r5, 'nab', 'raw20'), cell(r5, 'nab', 'stuck')];
  const g = (a: number, b: number): string => f3(Math.round(b * 1000) / 1000 - Math.round(a * 1000) / 1000);
  const over = Object.fromEntries(ns.overHalf!.map((o) => [o.file.split('/').pop(), pct(o.share)]));
  const rkc = (m: SetMeasures): string => {
    const s = m.subsets.find((x) => x.subset === 'realKnownCause')!;
    return `${s.tp}/${s.fp}/${s.fn}`;
  };
  for (const s of [
    `(gains NAB ${g(ni.headline, ns.headline)}, synthetic ${g(inc.headline, st.headline)})`,
    `it finds all ${st.kinds.flatline[1]} flatlines (${inc.kinds.flatline[0]} before), ${st.tp} of the 64 labels against ${inc.tp}, and adds no false event`,
    `Its events then cover ${over['rogue_agent_key_updown.csv']} of \`rogue_agent_key_updown\` and ${over['rogue_agent_key_hold.csv']} of \`rogue_agent_key_hold\``,
    `realKnownCause went from ${rkc(ni)} to ${rkc(ns)}`,
  ])
    assert.ok(flat.includes(s), s);
  assert.equal(st.fp, inc.fp);
  assert.equal(st.kinds.flatline[0], st.kinds.flatline[1]);
  assert.ok(
    readmeFlat.includes(
      `its NAB gain (mean F1 ${f3(ns.headline)}) came from events covering ${over['rogue_agent_key_updown.csv']} and ${over['rogue_agent_key_hold.csv']} of two files`,
    ),
  );
});

test('round 6: tables, verdict, the defaults take stuck on; README and docs state its figures', () => {
  assert.ok(doc.includes(roundTables(r6, true)), 'the tables of select-round-doc.js --every');
  assert.match(r6.verdict, /^adopt resample-auto \/ stuck-rare /);
  assert.ok(flat.includes(`Verdict: **${r6.verdict}**`));
  assert.ok(readme.includes(`The rule's verdict: ${r6.verdict}.`), 'the README states the newest verdict');
  assert.equal(WHOLE_SERIES_DEFAULTS.stuck, 'on');
  const [inc, st] = [cell(r6, 'synth', 'raw20'), cell(r6, 'synth', 'stuck-rare')];
  const [ni, ns] = [cell(r6, 'nab', 'raw20'), cell(r6, 'nab', 'stuck-rare')];
  assert.deepEqual([ns.tp, ns.fp, ns.fn, ns.controlFp], [ni.tp, ni.fp, ni.fn, 0]);
  assert.deepEqual(ns.overHalf, []);
  assert.deepEqual(st.overHalf, []);
  assert.equal(st.fp, inc.fp);
  for (const s of [
    `it finds all ${st.kinds.flatline[1]} flatlines (${inc.kinds.flatline[0]} before): ${st.tp} of the 64 labels against ${inc.tp}, no false event added, synthetic F1 ${f3(inc.headline)} to ${f3(st.headline)}`,
    `it changes no count (${ns.tp}/${ns.fp}/${ns.fn}, the controls quiet)`,
  ])
    assert.ok(flat.includes(s), s);
  assert.ok(
    readmeFlat.includes(
      `it finds all ${st.kinds.flatline[1]} synthetic flatlines (${st.tp} of the 64 labels, ${inc.tp} without) and changes no count on NAB`,
    ),
  );
});
