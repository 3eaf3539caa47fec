/**
 * The table of docs/selection.md's "Ensemble candidate: result", made from bench/select-ensemble.ts's results JSON
 * (`--save`), so the page's figures are the bench's (bench/select-ensemble.test.ts checks the page holds it).
 */
import type { SetMeasures, Verdict } from './select-grid';

/** What bench/select-ensemble.ts --save writes. */
export interface EnsembleResults {
  cpu?: string;
  /** The check's line: the real evaluate run against the replay on one NAB file. */
  check?: string;
  incumbent: Verdict;
  candidate: Verdict;
}

const f3 = (v: number | null): string => (v === null || !Number.isFinite(v) ? '-' : v.toFixed(3));

function subset(m: SetMeasures, name: string): string {
  const s = m.subsets.find((x) => x.subset === name);
  return s ? `${s.tp + s.fn ? f3(s.f1) : '-'} (${s.tp}/${s.fp}/${s.fn})` : '-';
}

/**
 * The Markdown table: both headline measures, NAB's sub-folders, the controls' false events and the synthetic
 * set's false events per 10,000 steps, incumbent beside candidate, then the rule's verdict.
 *
 * @throws never.
 * @example
 * console.log(ensembleTable(JSON.parse(fs.readFileSync('bench/results/select-ensemble-2026-12-07.json', 'utf8'))));
 */
export function ensembleTable(r: EnsembleResults): string {
  const { incumbent: i, candidate: c } = r;
  const row = (label: string, f: (v: Verdict) => string): string => `| ${label} | ${f(i)} | ${f(c)} |`;
  const s = c.synth;
  return [
    `| development figures | incumbent D/d | ${c.model} / ${c.post} |`,
    '|---|---:|---:|',
    row('NAB (14 files): **mean F1**', (v) => `**${f3(v.nab.headline)}**`),
    row('NAB realKnownCause: F1 (tp/fp/fn)', (v) => subset(v.nab, 'realKnownCause')),
    row('NAB artificialWithAnomaly: F1 (tp/fp/fn)', (v) => subset(v.nab, 'artificialWithAnomaly')),
    row('NAB controls (artificialNoAnomaly): false events', (v) => String(v.nab.controlFp)),
    row('NAB files failed', (v) => String(v.nab.failed)),
    row(
      `synthetic (${s.files} series, ${s.steps.toLocaleString('en-US')} steps, ${s.labels} labels): **F1** (tp/fp/fn)`,
      (v) => `**${f3(v.synth.headline)}** (${v.synth.tp}/${v.synth.fp}/${v.synth.fn})`,
    ),
    row('synthetic: false events per 10,000 steps', (v) => v.synth.fpPer10k.toFixed(2)),
    row('synthetic: labels found per kind', (v) =>
      Object.entries(v.synth.kinds)
        .sort()
        .map(([k, [hit, all]]) => `${k} ${hit}/${all}`)
        .join(', '),
    ),
    '',
    `Verdict: ${c.model} with ${c.post} ${c.passes ? 'passes' : 'does not pass'}: ${c.why}.`,
  ].join('\n');
}
