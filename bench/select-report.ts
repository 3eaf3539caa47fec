/**
 * The report of bench/select.ts: every candidate of the grid (model x post-processing) measured on both
 * development sets from the cache, the rule's verdict (bench/select-grid.ts), one table per set, the results JSON
 * under bench/results/ and, when asked, the README's development tables (between `<!-- SELECT -->` and
 * `<!-- /SELECT -->`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { SUITES } from '../src/data/synth/suite';
import { packageRoot } from '../src/util/paths';
import {
  type CachedRun,
  INCUMBENT,
  judge,
  MODELS,
  measure,
  postsNamed,
  type SetMeasures,
  type Verdict,
  winner,
} from './select-grid';
import { defaultsOf, targets28, targets28Lines } from './targets28';

const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');

/** The model-set pairs read from a run stopped part way. */
const stoppedRuns = new Set<string>();

/** A set's cached runs: its one file, or all N shards of it (undefined while any is missing). */
export function load(cache: string, model: string, set: string, partial = false): CachedRun[] | undefined {
  const read = (f: string): CachedRun[] => JSON.parse(fs.readFileSync(path.join(cache, f), 'utf8')) as CachedRun[];
  const whole = `${model}-${set}.json`;
  if (fs.existsSync(path.join(cache, whole))) return read(whole);
  // a run stopped part way (--partial): the files it finished, named as such in the tables
  if (partial && fs.existsSync(path.join(cache, `${whole}.partial`))) {
    stoppedRuns.add(`${model}-${set}`);
    return read(`${whole}.partial`);
  }
  const shards = fs.readdirSync(cache).filter((f) => f.startsWith(`${model}-${set}.shard-`) && f.endsWith('.json'));
  const n = Number(/-of-(\d+)\.json$/.exec(shards[0] ?? '')?.[1] ?? 0);
  if (!n || shards.length !== n) return undefined;
  return shards.flatMap(read).sort((a, b) => a.file.localeCompare(b.file));
}

const secondsOf = (runs: CachedRun[]): number => runs.reduce((s, r) => s + r.seconds, 0);

function kindsLine(m: SetMeasures): string {
  return Object.entries(m.kinds)
    .sort()
    .map(([k, [hit, all]]) => `${k} ${hit}/${all}`)
    .join(', ');
}

/** One column of a development table: a setting's measures on one set and its seconds. */
interface Column {
  name: string;
  m: SetMeasures;
  seconds: number;
}

/** The README's table of one development set, one column per setting run on it. */
export function setTable(set: 'nab' | 'synth', cols: Column[], cpu: string): string {
  const head = (title: string): string[] => [
    `| ${title} | ${cols.map((c) => c.name).join(' | ')} |`,
    `|---|${cols.map(() => '---:|').join('')}`,
  ];
  const secs = `| s, the files' wall times summed (${cpu}) | ${cols.map((c) => c.seconds.toFixed(0)).join(' | ')} |`;
  const m0 = cols[0].m;
  if (set === 'nab') {
    return [
      ...head(`NAB development files (${m0.files} of 14): sub-folder`),
      ...m0.subsets.map(
        (s) =>
          `| ${s.subset}${s.subset === 'artificialNoAnomaly' ? ' (controls)' : ''} | ${cols
            .map((c) => {
              const x = c.m.subsets.find((y) => y.subset === s.subset)!;
              return `${x.tp + x.fn ? f3(x.f1) : '-'} (${x.tp}/${x.fp}/${x.fn})`;
            })
            .join(' | ')} |`,
      ),
      `| **mean F1** | ${cols.map((c) => `**${f3(c.m.headline)}**`).join(' | ')} |`,
      secs,
    ].join('\n');
  }
  return [
    ...head(
      `synthetic dev suite, seed 28 (${m0.files} of its ${SUITES.dev.series.length} series, ${m0.steps.toLocaleString('en-US')} steps, ${m0.labels} labels)`,
    ),
    `| events found (recall) | ${cols.map((c) => `${c.m.tp} of ${c.m.tp + c.m.fn} (${f3(c.m.recall)})`).join(' | ')} |`,
    `| false events (per 10,000 steps) | ${cols.map((c) => `${c.m.fp} (${c.m.fpPer10k.toFixed(2)})`).join(' | ')} |`,
    `| **overlap-segment F1** | ${cols.map((c) => `**${f3(c.m.headline)}**`).join(' | ')} |`,
    ...Object.keys(m0.kinds)
      .sort()
      .map(
        (k) =>
          `| ${k} found | ${cols.map((c) => `${c.m.kinds[k]?.[0] ?? 0} of ${c.m.kinds[k]?.[1] ?? 0}`).join(' | ')} |`,
      ),
    secs,
  ].join('\n');
}

/**
 * Every candidate's headline measures and verdict as a markdown table (`recall`: with the synthetic recall too).
 * @example
 * verdictTable(verdicts, (m) => m); // '| candidate (model / post-processing) | NAB mean F1 | ...'
 */
export function verdictTable(verdicts: Verdict[], label: (model: string) => string, recall = false): string {
  const r = (v: Verdict): string => (recall ? ` ${f3(v.synth.recall)} |` : '');
  return [
    `| candidate (model / post-processing) | NAB mean F1 | synthetic F1 |${recall ? ' synthetic recall |' : ''} verdict |`,
    `|---|---:|---:|${recall ? '---:|' : ''}---|`,
    ...verdicts.map(
      (v) => `| ${label(v.model)} / ${v.post} | ${f3(v.nab.headline)} | ${f3(v.synth.headline)} |${r(v)} ${v.why} |`,
    ),
  ].join('\n');
}

const SETS = ['nab', 'synth'] as const;

/**
 * Print every setting's measures per set and the rule's verdicts from the cache (a model setting is judged once
 * it ran on both sets, and only when today's defaults did), write the results JSON, and splice the README's
 * development tables when asked.
 *
 * @example
 * report(path.join(os.tmpdir(), 'select-cache'), false);
 * report(cache, true, true); // with the files of runs stopped part way
 */
export function report(
  cache: string,
  readme: boolean,
  partial = false,
  o: { incumbent?: string; round?: string; cpu?: string; posts?: string[] } = {},
): void {
  const POSTS = postsNamed(o.posts);
  const cpu = o.cpu ?? `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} cores shared, niced, under load`;
  const incumbent = o.incumbent ?? INCUMBENT;
  // the incumbent first: the tables' first column, and the first verdict, the one every candidate is judged against
  const models = [...MODELS].sort((a, b) => Number(b.name === incumbent) - Number(a.name === incumbent));
  const runs: Record<string, Partial<Record<(typeof SETS)[number], CachedRun[]>>> = {};
  for (const m of models) runs[m.name] = Object.fromEntries(SETS.map((s) => [s, load(cache, m.name, s, partial)]));
  const perSet: Record<string, { model: string; post: string; seconds: number; m: SetMeasures }[]> = {};
  for (const set of SETS) {
    perSet[set] = models.flatMap((m) => {
      const r = runs[m.name][set];
      return r ? POSTS.map((p) => ({ model: m.name, post: p.name, seconds: secondsOf(r), m: measure(set, r, p) })) : [];
    });
    console.log(`\n${set}: ${perSet[set].length ? '' : 'no model setting has run on it'}`);
    for (const x of perSet[set]) {
      console.log(
        `  ${`${x.model} / ${x.post}`.padEnd(24)} headline ${f3(x.m.headline)}  tp/fp/fn ${x.m.tp}/${x.m.fp}/${x.m.fn}  ` +
          `recall ${f3(x.m.recall)}  fp/10k ${x.m.fpPer10k.toFixed(2)}  controls fp ${x.m.controlFp}  ${x.seconds.toFixed(0)} s` +
          (set === 'synth' ? `\n    ${kindsLine(x.m)}` : ''),
      );
    }
  }
  const verdicts: Verdict[] = [];
  // the rule judges whole sets only: a run stopped part way shows its figures but is never judged
  const stopped = models.filter((m) => SETS.some((set) => stoppedRuns.has(`${m.name}-${set}`))).map((m) => m.name);
  for (const m of models) {
    if (stopped.includes(m.name)) continue;
    const { nab, synth } = runs[m.name];
    if (!nab || !synth || (m.name !== incumbent && verdicts.length === 0)) continue;
    for (const p of POSTS) {
      const c = { model: m.name, post: p.name, nab: measure('nab', nab, p), synth: measure('synth', synth, p) };
      verdicts.push(judge(c, verdicts[0]));
    }
  }
  for (const v of verdicts) console.log(`verdict ${v.model} / ${v.post}: ${v.why}`);
  const w = winner(verdicts);
  const unrun = models.filter((m) => !runs[m.name].nab || !runs[m.name].synth).map((m) => m.name);
  const verdict =
    verdicts.length === 0
      ? `not applied: today's defaults did not run on both whole sets this round${stopped.length ? ` (stopped part way: ${stopped.join(', ')})` : ''}, so nothing could be judged and the defaults stay`
      : w
        ? `adopt ${w.model} / ${w.post} (${w.why})`
        : `no candidate passes the rule, so the defaults stay`;
  console.log(`\nverdict: ${verdict}${unrun.length ? ` (not run on both sets: ${unrun.join(', ')})` : ''}`);
  const defaults = defaultsOf(verdicts);
  const targets = defaults ? targets28(defaults.nab, defaults.synth) : [];
  if (defaults) {
    console.log(`issue 28's targets, the defaults after this round (${defaults.model} / ${defaults.post}):`);
    for (const line of targets28Lines(targets)) console.log(line);
  }
  const day = new Date().toISOString().slice(0, 10);
  const out = path.join(packageRoot(), 'bench', 'results', `select-${day}${o.round ? `-${o.round}` : ''}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const choices = Object.fromEntries(
    models
      .filter((m) => m.resampleAuto)
      .map((m) => [m.name, SETS.flatMap((s) => runs[m.name][s] ?? []).map((r) => `${r.file}: ${r.resample ?? '-'}`)]),
  );
  const sets = Object.fromEntries(SETS.map((s) => [s, perSet[s]]));
  fs.writeFileSync(
    out,
    `${JSON.stringify({ date: day, cpu, rule: 'docs/selection.md', incumbent, verdict, unrun, choices, sets, verdicts, targets }, null, 1)}\n`,
  );
  console.log(`results: ${path.relative(packageRoot(), out)}`);
  if (!readme) return;
  const file = path.join(packageRoot(), 'README.md');
  const text = fs.readFileSync(file, 'utf8');
  const start = text.indexOf('<!-- SELECT -->');
  const end = text.indexOf('<!-- /SELECT -->');
  if (start < 0 || end < start) throw new Error('README.md has no <!-- SELECT --> ... <!-- /SELECT --> section');
  // after an adoption the incumbent is the defaults before this round; the adopted candidate gets its own column
  const label = (model: string): string =>
    model === incumbent ? `${model} (${w ? 'the defaults before this round' : "today's defaults"})` : model;
  const adopted = (x: { model: string; post: string }): boolean => !!w && x.model === w.model && x.post === w.post;
  // the post-processing of the defaults before this round: the first of --posts (d until round 4, raw20 since)
  const base = POSTS[0].name;
  const tables = SETS.map((set) => {
    const cols = perSet[set]
      .filter((x) => x.post === base || adopted(x))
      .map((x) => ({
        name: adopted(x) ? `${x.model}${x.post === base ? '' : ` / ${x.post}`} (adopted)` : label(x.model),
        m: x.m,
        seconds: x.seconds,
      }));
    return cols.length
      ? setTable(set, cols, cpu)
      : `No model setting ran on the ${set === 'nab' ? 'NAB' : 'synthetic'} set this round.`;
  });
  const ran = SETS.map(
    (set) =>
      `${set === 'nab' ? 'NAB' : 'synthetic'}: ${[...new Set(perSet[set].map((x) => label(x.model)))].join(', ') || 'none'}`,
  );
  const others = POSTS.slice(1).map((p) => p.name);
  const variants = `${others.length} variant${others.length === 1 ? '' : 's'} (${others.join(', ')})`;
  const head =
    `This round (${day}${o.round ? `, ${o.round}` : ''}) ran, with the post-processing ${base} of the defaults before it and ${variants}: ${ran.join('; ')}. ` +
    `The rule's verdict: ${verdict}. Columns below: each model setting with ${base}${w && w.post !== base ? ', and the adopted candidate' : ''}; (tp/fp/fn).\n\n`;
  const judged = verdicts.length ? verdictTable(verdicts, label) : '';
  const body = [...tables, judged].filter(Boolean).join('\n\n');
  fs.writeFileSync(file, `${text.slice(0, start)}<!-- SELECT -->\n${head}${body}\n${text.slice(end)}`);
  console.log('README.md: development tables spliced');
}
