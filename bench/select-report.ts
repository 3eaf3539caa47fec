/**
 * The report of bench/select.ts: every candidate of the grid (model x post-processing) measured on both
 * development sets from the cache, the rule's verdict (bench/select-grid.ts), one table per set, the results JSON
 * under bench/results/ and, when asked, the README's development tables (between `<!-- SELECT -->` and
 * `<!-- /SELECT -->`).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';
import { type CachedRun, judge, MODELS, measure, POSTS, type SetMeasures, type Verdict, winner } from './select-grid';

const f3 = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');

/** A set's cached runs: its one file, or all N shards of it (undefined while any is missing). */
function load(cache: string, model: string, set: string): CachedRun[] | undefined {
  const read = (f: string): CachedRun[] => JSON.parse(fs.readFileSync(path.join(cache, f), 'utf8')) as CachedRun[];
  const whole = `${model}-${set}.json`;
  if (fs.existsSync(path.join(cache, whole))) return read(whole);
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

/** The README's development tables for the incumbent and, when one is adopted, the winner. */
export function readmeTables(
  rows: Verdict[],
  adopted: Verdict | undefined,
  cpu: string,
  secs: Record<string, [number, number]>,
): string {
  const shown = adopted ? [rows[0], adopted] : [rows[0]];
  const name = (v: Verdict): string => (v === rows[0] ? "today's defaults" : `${v.model} / ${v.post}`);
  const nab = [
    `| NAB development files: sub-folder | ${shown.map(name).join(' | ')} |`,
    `|---|${shown.map(() => '---:|').join('')}`,
    ...rows[0].nab.subsets.map(
      (s) =>
        `| ${s.subset}${s.subset === 'artificialNoAnomaly' ? ' (controls)' : ''} | ${shown
          .map((v) => {
            const x = v.nab.subsets.find((y) => y.subset === s.subset)!;
            return `${x.tp + x.fn ? f3(x.f1) : '-'} (${x.tp}/${x.fp}/${x.fn})`;
          })
          .join(' | ')} |`,
    ),
    `| **mean F1** | ${shown.map((v) => `**${f3(v.nab.headline)}**`).join(' | ')} |`,
    `| s per set (${cpu}) | ${shown.map((v) => secs[v.model][0].toFixed(0)).join(' | ')} |`,
  ];
  const syn = [
    `| synthetic dev suite (${rows[0].synth.files} series, ${rows[0].synth.steps.toLocaleString('en-US')} steps, ${rows[0].synth.labels} labels) | ${shown.map(name).join(' | ')} |`,
    `|---|${shown.map(() => '---:|').join('')}`,
    `| events found (recall) | ${shown.map((v) => `${v.synth.tp} of ${v.synth.tp + v.synth.fn} (${f3(v.synth.recall)})`).join(' | ')} |`,
    `| false events (per 10,000 steps) | ${shown.map((v) => `${v.synth.fp} (${v.synth.fpPer10k.toFixed(2)})`).join(' | ')} |`,
    `| **overlap-segment F1** | ${shown.map((v) => `**${f3(v.synth.headline)}**`).join(' | ')} |`,
    ...Object.keys(rows[0].synth.kinds)
      .sort()
      .map(
        (k) =>
          `| ${k} found | ${shown.map((v) => `${v.synth.kinds[k]?.[0] ?? 0} of ${v.synth.kinds[k]?.[1] ?? 0}`).join(' | ')} |`,
      ),
    `| s per set (${cpu}) | ${shown.map((v) => secs[v.model][1].toFixed(0)).join(' | ')} |`,
  ];
  return `${nab.join('\n')}\n\n${syn.join('\n')}`;
}

/**
 * Print the tables and verdicts from the cache, write the results JSON, and splice the README when asked.
 *
 * @example
 * report(path.join(os.tmpdir(), 'select-cache'), false);
 */
export function report(cache: string, readme: boolean): void {
  const verdicts: Verdict[] = [];
  const secs: Record<string, [number, number]> = {};
  const choices: Record<string, string[]> = {};
  for (const m of MODELS) {
    const nab = load(cache, m.name, 'nab');
    const synth = load(cache, m.name, 'synth');
    if (!nab || !synth) {
      console.log(`${m.name}: not run on both sets yet`);
      continue;
    }
    secs[m.name] = [secondsOf(nab), secondsOf(synth)];
    if (m.resampleAuto) choices[m.name] = [...nab, ...synth].map((r) => `${r.file}: ${r.resample ?? '-'}`);
    for (const p of POSTS) {
      const c = { model: m.name, post: p.name, nab: measure('nab', nab, p), synth: measure('synth', synth, p) };
      verdicts.push(judge(c, verdicts[0]));
    }
  }
  if (verdicts.length === 0 || verdicts[0].model !== 'D') {
    console.log('the incumbent (D) is not cached on both sets: nothing to judge');
    return;
  }
  const cpu = `${os.cpus()[0]?.model ?? 'unknown CPU'}, ${os.cpus().length} shared cores, niced`;
  console.log(
    `\n| candidate | NAB mean F1 | NAB tp/fp/fn | controls fp | synth F1 | synth recall | synth fp /10k | verdict |`,
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---|');
  for (const v of verdicts) {
    console.log(
      `| ${v.model} / ${v.post} | ${f3(v.nab.headline)} | ${v.nab.tp}/${v.nab.fp}/${v.nab.fn} | ${v.nab.controlFp} | ` +
        `${f3(v.synth.headline)} | ${f3(v.synth.recall)} | ${v.synth.fpPer10k.toFixed(2)} | ${v.why} |`,
    );
  }
  console.log('\nsynthetic recall per kind:');
  for (const v of verdicts) console.log(`  ${v.model} / ${v.post}: ${kindsLine(v.synth)}`);
  console.log('\nseconds per model setting (NAB, synthetic):');
  for (const [k, [a, b]] of Object.entries(secs)) console.log(`  ${k}: ${a.toFixed(0)} s, ${b.toFixed(0)} s (${cpu})`);
  const w = winner(verdicts);
  const verdict = w ? `adopt ${w.model} / ${w.post} (${w.why})` : 'no candidate passes the rule: the defaults stay';
  console.log(`\nverdict: ${verdict}`);
  const day = new Date().toISOString().slice(0, 10);
  const out = path.join(packageRoot(), 'bench', 'results', `select-${day}.json`);
  fs.mkdirSync(path.dirname(out), { recursive: true });
  fs.writeFileSync(
    out,
    `${JSON.stringify({ date: day, cpu, rule: 'docs/selection.md', verdict, seconds: secs, choices, verdicts }, null, 1)}\n`,
  );
  console.log(`results: ${path.relative(packageRoot(), out)}`);
  if (readme) {
    const file = path.join(packageRoot(), 'README.md');
    const text = fs.readFileSync(file, 'utf8');
    const start = text.indexOf('<!-- SELECT -->');
    const end = text.indexOf('<!-- /SELECT -->');
    if (start < 0 || end < start) throw new Error('README.md has no <!-- SELECT --> ... <!-- /SELECT --> section');
    const ran = [...new Set(verdicts.map((v) => v.model))];
    const passed = verdicts.filter((v) => v.passes).length;
    const head =
      `Ran: model settings ${ran.join(', ')} x post-processing ${POSTS.map((p) => p.name).join(', ')}: ` +
      `${verdicts.length - 1} candidates against today's defaults, ${passed} pass the rule. Verdict: ${verdict}. ` +
      `Each label found, each false event: tp/fp/fn. Seconds: the LSTM runs of each set (${cpu}).\n\n`;
    const table = head + readmeTables(verdicts, w, cpu, secs);
    fs.writeFileSync(file, `${text.slice(0, start)}<!-- SELECT -->\n${table}\n${text.slice(end)}`);
    console.log('README.md: development tables spliced');
  }
}
