import { PIPELINE_OPTION_DEFS } from '../pipeline/options';
import { ASSETS, FILLS, INTERVALS } from '../util/choices';
import { optionDef } from '../util/options';
import { COMPARE_FLAGS } from './compare';
import { EVENT_FLAGS, THRESHOLD_HINT } from './events-flags';
import type { FlagDef } from './parse';

export { type FlagDef, shownDefault } from './parse';

/** The data flags: where the series comes from (their defaults are declared here, once). */
export const DATA_FLAGS: FlagDef[] = [
  {
    flag: '--csv',
    key: 'csv',
    type: 'string',
    arg: 'PATH',
    help: 'read a CSV file instead of the bundled S&P 500',
    group: 'Data',
  },
  {
    flag: '--date-col',
    key: 'dateCol',
    type: 'string',
    arg: 'NAME',
    help: 'date column (default: Date/date/timestamp)',
    group: 'Data',
  },
  {
    flag: '--value-col',
    key: 'valueCol',
    type: 'string',
    arg: 'A[,B..]',
    help: 'value column(s); several = multivariate (default: Close/close/value)',
    group: 'Data',
  },
  {
    flag: '--fill',
    key: 'fill',
    type: 'string',
    arg: 'ffill|drop',
    default: 'none',
    help: 'accept missing or non-numeric values: carry the last value forward, or drop the row',
    group: 'Data',
    choices: FILLS,
  },
  {
    flag: '--ticker',
    key: 'ticker',
    type: 'string',
    arg: 'SYMBOL',
    help: 'download from Yahoo Finance (cached under data/)',
    group: 'Data',
  },
  {
    flag: '--start',
    key: 'start',
    type: 'string',
    arg: 'DATE',
    help: 'first date to download',
    default: '2000-01-01',
    group: 'Data',
  },
  {
    flag: '--end',
    key: 'end',
    type: 'string',
    arg: 'DATE',
    help: 'last date to download',
    shown: 'today',
    group: 'Data',
  },
  {
    flag: '--interval',
    key: 'interval',
    type: 'string',
    help: 'bar interval to download',
    default: '1d',
    group: 'Data',
    choices: INTERVALS,
  },
  {
    flag: '--asset',
    key: 'asset',
    type: 'string',
    help: 'BTC -> BTC-USD (crypto), EURUSD -> EURUSD=X (forex)',
    default: 'stock',
    group: 'Data',
    choices: ASSETS,
  },
];

const PRESET: FlagDef = {
  flag: '--preset',
  key: 'preset',
  type: 'string',
  arg: 'NAME',
  help: 'settings of a tutorial: colab, stacked, ge, sine, fixed (flags win)',
  group: 'Pipeline',
};
const LAYERS: FlagDef = {
  flag: '--layers',
  key: 'layers',
  type: 'string',
  arg: 'A,B,..',
  help: 'stacked encoder sizes, e.g. 64,32,16 (decoder mirrors)',
  group: 'Model and training',
};
const QUIET: FlagDef = {
  flag: '--quiet',
  key: 'quiet',
  type: 'bool',
  help: 'no progress output (prints only the output directory)',
  group: 'Output',
};

const FORCE: FlagDef = {
  flag: '--force',
  key: 'force',
  type: 'bool',
  help: 'replace --out when it holds an earlier output of lstm-anomaly (never any other folder)',
  group: 'Output',
};

/** A run option's entry as a flag (its key in {@link PIPELINE_OPTION_DEFS}). */
function opt(key: string): FlagDef {
  return optionDef(PIPELINE_OPTION_DEFS, key) as FlagDef;
}

/** The flags of `lstm-anomaly [detect]`, in `--help` order; run options come from the option tables. */
export const DETECT_FLAGS: FlagDef[] = [
  ...DATA_FLAGS,
  PRESET,
  ...['trainFrac', 'trainUntil', 'transform', 'scaler', 'window'].map(opt),
  { ...opt('threshold'), help: THRESHOLD_HINT },
  opt('encoder'),
  LAYERS,
  ...['dropout', 'loss', 'epochs', 'batchSize', 'patience', 'valSplit', 'learningRate', 'seed', 'backend'].map(opt),
  ...EVENT_FLAGS,
  ...COMPARE_FLAGS,
  {
    flag: '--out',
    key: 'out',
    type: 'string',
    arg: 'DIR',
    help: 'output directory (a new one; refused when it holds other files)',
    shown: 'reports/<name>-<date>[-N]',
    group: 'Output',
  },
  FORCE,
  QUIET,
];

/** The flags of `lstm-anomaly score`: the data flags plus the model directory. */
export const SCORE_FLAGS: FlagDef[] = [
  {
    flag: '--model',
    key: 'model',
    type: 'string',
    arg: 'DIR',
    help: 'a model/ directory written by a detect run (required)',
    group: 'Data',
  },
  ...DATA_FLAGS,
  {
    ...opt('backend'),
    help: "auto, tensorflow, wasm or cpu (use the training run's for identical scores)",
    group: 'Output',
  },
  {
    ...opt('threshold'),
    default: undefined,
    shown: "the model's",
    help:
      're-derive the threshold without training: p99, 3sigma, a number (from the saved training MAEs), ' +
      'window-sigma[:k] or dynamic',
  },
  {
    flag: '--out',
    key: 'out',
    type: 'string',
    arg: 'DIR',
    help: 'output directory (a new one; refused when it holds other files)',
    shown: 'reports/<name>-score-<date>[-N]',
    group: 'Output',
  },
  FORCE,
  { ...QUIET, help: 'print only the output directory' },
];
