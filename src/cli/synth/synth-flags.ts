import { BASE_SHAPES } from '../../data/synth/bases';
import { SUITES } from '../../data/synth/suite';
import type { FlagDef } from '../flags';
import type { CliFlags } from '../parse';

/** `dev: 24 series, 220700 steps` for each suite, from the suite tables. */
const SUITE_SIZES = Object.entries(SUITES)
  .map(([name, d]) => `${name}: ${d.series.length} series, ${d.series.reduce((a, e) => a + e.length, 0)} steps`)
  .join('; ');

/** Anomaly kinds of a single series when `--kinds` is not given. */
export const DEFAULT_SYNTH_KINDS = 'spike,level-shift,noise-burst';

/** The flags of `lstm-anomaly synth`: a suite, or one series (`--kinds`, `--base`, `--length`). */
export const SYNTH_FLAGS: FlagDef[] = [
  {
    flag: '--suite',
    key: 'suite',
    type: 'string',
    arg: 'NAME',
    choices: Object.keys(SUITES),
    default: 'dev',
    help: `a fixed list of labeled series (${SUITE_SIZES})`,
    group: 'Data',
  },
  {
    flag: '--kinds',
    key: 'kinds',
    type: 'string',
    arg: 'K,K',
    shown: DEFAULT_SYNTH_KINDS,
    help: 'one series with these anomaly kinds (listed below)',
    group: 'Data',
  },
  {
    flag: '--base',
    key: 'base',
    type: 'string',
    arg: 'SHAPE',
    choices: BASE_SHAPES,
    shown: 'sine',
    help: `one series of this base shape (${BASE_SHAPES.join(', ')})`,
    group: 'Data',
  },
  {
    flag: '--length',
    key: 'length',
    type: 'posint',
    arg: 'N',
    shown: '5000',
    help: 'one series of N steps, 1000 to 50000',
    group: 'Data',
  },
  {
    flag: '--seed',
    key: 'seed',
    type: 'int',
    arg: 'N',
    default: 28,
    help: 'same seed, same series to the bit',
    group: 'Data',
  },
  {
    flag: '--from',
    key: 'from',
    type: 'number',
    arg: 'F',
    default: 0.5,
    help: 'anomalies start after this share of each series (the part before is clean: --train-frac F)',
    group: 'Data',
  },
  {
    flag: '--out',
    key: 'out',
    type: 'string',
    arg: 'DIR',
    shown: 'synth-<suite|base>[-N]',
    help: 'a new folder: <subset>/<name>.csv (timestamp,value) and windows.json (NAB labels)',
    group: 'Output',
  },
  {
    flag: '--labels-csv',
    key: 'labelsCsv',
    type: 'bool',
    help: 'also write labels.csv (start,end,label,file); not for a folder you evaluate (a CSV in it)',
    group: 'Output',
  },
  {
    flag: '--force',
    key: 'force',
    type: 'bool',
    help: 'replace --out when it holds an earlier output of lstm-anomaly (never any other folder)',
    group: 'Output',
  },
];

/** The synth flags, parsed (see {@link SYNTH_FLAGS}). */
export interface SynthFlags extends CliFlags {
  suite?: string;
  kinds?: string;
  base?: string;
  length?: number;
  seed?: number;
  from?: number;
  labelsCsv?: boolean;
  force?: boolean;
}
