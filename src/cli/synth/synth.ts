import * as path from 'path';
import { ANOMALIES, ANOMALY_KINDS, type AnomalyKind } from '../../data/synth/anomalies';
import type { BaseShape } from '../../data/synth/bases';
import { MAX_SYNTH_LENGTH, MIN_SYNTH_LENGTH, type SynthSeries, synthSeries } from '../../data/synth/series';
import { makeSuite } from '../../data/synth/suite';
import { synthKey, writeSynthFiles } from '../../data/synth/write';
import { InputError, invalid } from '../../util/errors';
import { resolveOut, writeOutput } from '../out-dir';
import { helpText, parseFlags } from '../parse';
import { DEFAULT_SYNTH_KINDS, SYNTH_FLAGS, type SynthFlags } from './synth-flags';

const KIND_LINES = ANOMALY_KINDS.map((k) => `  ${k.padEnd(17)} ${ANOMALIES[k].about}`).join('\n');

/**
 * The `--help` text of `lstm-anomaly synth`.
 *
 * @throws Nothing.
 * @example
 * process.stdout.write(synthHelp());
 */
export function synthHelp(): string {
  return helpText(
    'lstm-anomaly synth [--suite dev|mini | --kinds K,K --base SHAPE --length N] [--seed N] [--out DIR]',
    'Make labeled synthetic series: a seeded suite (default dev), or one series with --kinds, --base, --length.\n' +
      'Writes <subset>/<name>.csv (timestamp,value) and windows.json (NAB labels, what evaluate reads).',
    SYNTH_FLAGS,
    `Anomaly kinds (sizes in units of the base's scale):\n${KIND_LINES}\n\nExamples:\n` +
      '  lstm-anomaly synth --out synth-dev\n' +
      '  lstm-anomaly evaluate synth-dev --labels synth-dev/windows.json --train-frac 0.5\n' +
      '  lstm-anomaly synth --base seasonal --length 8000 --kinds missing-cycle,spike --seed 3 --out holiday',
  );
}

/** The `--kinds` list, checked. */
function parseKinds(text: string): AnomalyKind[] {
  const kinds = text.split(',').map((k) => k.trim());
  for (const k of kinds) {
    if (!(ANOMALY_KINDS as readonly string[]).includes(k)) {
      throw invalid('--kinds', k || text, `one of ${ANOMALY_KINDS.join(', ')}`);
    }
  }
  return kinds as AnomalyKind[];
}

/** The series the flags ask for: one series (any of --kinds, --base, --length) or a suite. */
function seriesOf(f: SynthFlags, suiteGiven: boolean): { list: SynthSeries[]; name: string } {
  const seed = f.seed ?? 28;
  const from = f.from ?? 0.5;
  if (!(from >= 0 && from <= 0.9)) throw invalid('--from', from, 'a share from 0 to 0.9');
  const single = f.kinds !== undefined || f.base !== undefined || f.length !== undefined;
  if (!single) return { list: makeSuite(f.suite ?? 'dev', { seed, from }), name: f.suite ?? 'dev' };
  if (suiteGiven) throw new InputError('use --suite, or --kinds/--base/--length for one series, not both');
  const length = f.length ?? 5000;
  if (length < MIN_SYNTH_LENGTH || length > MAX_SYNTH_LENGTH) {
    throw invalid('--length', length, `an integer from ${MIN_SYNTH_LENGTH} to ${MAX_SYNTH_LENGTH}`);
  }
  const base = (f.base ?? 'sine') as BaseShape;
  const kinds = parseKinds(f.kinds ?? DEFAULT_SYNTH_KINDS);
  return { list: [synthSeries({ base, length, kinds, seed, from })], name: base };
}

/**
 * `lstm-anomaly synth`: write a seeded labeled suite (or one series) as NAB-style CSVs and windows.json into a
 * new folder, all at once; prints what it wrote.
 *
 * @throws InputError for bad flags (an unknown kind, a length outside 1000..50000, kinds that do not fit) or an
 * output folder that is not new (`--force` replaces an earlier output of this tool); nothing is written then.
 * @returns 0.
 * @example
 * await synthCommand(['--suite', 'mini', '--seed', '1', '--out', 'synth-mini']);
 */
export async function synthCommand(argv: string[]): Promise<number> {
  const f = parseFlags(argv, SYNTH_FLAGS) as SynthFlags;
  const suiteGiven = argv.some((a) => a === '--suite' || a.startsWith('--suite='));
  const { list, name } = seriesOf(f, suiteGiven);
  const out = resolveOut(f.out, f.force, `synth-${name}`, []);
  await writeOutput(out, 'synth', (tmp) => writeSynthFiles(tmp, list, { labelsCsv: f.labelsCsv }));
  const steps = list.reduce((a, s) => a + s.series.dates.length, 0);
  const labels = list.reduce((a, s) => a + s.labels.length, 0);
  const what = list.length === 1 ? synthKey(list[0]) : `${list.length} series`;
  process.stdout.write(
    `synth: ${what}, ${steps} steps, ${labels} labeled anomalies in ${out}\n` +
      `  lstm-anomaly evaluate ${out} --labels ${path.join(out, 'windows.json')} --train-frac ${f.from ?? 0.5}\n`,
  );
  return 0;
}
