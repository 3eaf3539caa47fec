import { PIPELINE_OPTION_DEFS, type PipelineOptions } from '../pipeline/options';
import { THRESHOLD_HINT } from '../pipeline/resolve';
import { ASSETS, FILLS, INTERVALS } from '../util/choices';
import { optionDef } from '../util/options';
import { COMPARE_FLAGS } from './detect/compare';
import { type FlagDef, type FlagsOf, flagDef } from './flag-def';

export { type FlagDef, shownDefault } from './flag-def';

/** The data flags: where the series comes from (their defaults are declared here, once). */
export const DATA_FLAGS = [
  flagDef({
    flag: '--csv',
    key: 'csv',
    type: 'string',
    arg: 'PATH',
    help: 'read a CSV file instead of the bundled S&P 500',
    group: 'Data',
  }),
  flagDef({
    flag: '--date-col',
    key: 'dateCol',
    type: 'string',
    arg: 'NAME',
    help: 'date column (default: Date/date/timestamp)',
    group: 'Data',
  }),
  flagDef({
    flag: '--date-format',
    key: 'dateFormat',
    type: 'string',
    arg: 'FORMAT',
    help: 'how the dates are written, e.g. DD.MM.YYYY or MM/DD/YYYY HH:mm (default: ISO, DD-Mon-YY)',
    group: 'Data',
  }),
  flagDef({
    flag: '--sep',
    key: 'sep',
    type: 'string',
    arg: 'CHAR',
    help: "field separator of the CSV, e.g. ';' or tab",
    shown: ',',
    group: 'Data',
  }),
  flagDef({
    flag: '--value-col',
    key: 'valueCol',
    type: 'string',
    arg: 'A[,B..]',
    help: 'value column(s); several = multivariate (default: Close/close/value)',
    group: 'Data',
  }),
  flagDef({
    flag: '--fill',
    key: 'fill',
    type: 'string',
    arg: 'ffill|drop',
    default: 'none',
    help: 'accept missing or non-numeric values: carry the last value forward, or drop the row',
    group: 'Data',
    choices: FILLS,
  }),
  flagDef({
    flag: '--ticker',
    key: 'ticker',
    type: 'string',
    arg: 'SYMBOL',
    help: 'download from Yahoo Finance (cached under data/)',
    group: 'Data',
  }),
  flagDef({
    flag: '--start',
    key: 'start',
    type: 'string',
    arg: 'DATE',
    help: 'first date to download',
    default: '2000-01-01',
    group: 'Data',
  }),
  flagDef({
    flag: '--end',
    key: 'end',
    type: 'string',
    arg: 'DATE',
    help: 'last date to download',
    shown: 'today',
    group: 'Data',
  }),
  flagDef({
    flag: '--interval',
    key: 'interval',
    type: 'string',
    help: 'bar interval to download',
    default: '1d',
    group: 'Data',
    choices: INTERVALS,
  }),
  flagDef({
    flag: '--asset',
    key: 'asset',
    type: 'string',
    help: 'BTC -> BTC-USD (crypto), EURUSD -> EURUSD=X (forex)',
    default: 'stock',
    group: 'Data',
    choices: ASSETS,
  }),
] as const;

const PRESET = flagDef({
  flag: '--preset',
  key: 'preset',
  type: 'string',
  arg: 'NAME',
  help: 'settings of a tutorial: colab, stacked, ge, sine, fixed (flags win)',
  group: 'Pipeline',
});
const LAYERS = flagDef({
  flag: '--layers',
  key: 'layers',
  type: 'string',
  arg: 'A,B,..',
  help: 'stacked encoder sizes, e.g. 64,32,16 (decoder mirrors)',
  group: 'Model and training',
});
const QUIET = flagDef({
  flag: '--quiet',
  key: 'quiet',
  type: 'bool',
  help: 'no progress output (prints only the output directory)',
  group: 'Output',
});

const FORCE = flagDef({
  flag: '--force',
  key: 'force',
  type: 'bool',
  help: 'replace --out when it holds an earlier output of lstm-anomaly (never any other folder)',
  group: 'Output',
});

/**
 * A run option's entry as a flag (its key in {@link PIPELINE_OPTION_DEFS}; its value typed as the option).
 *
 * @example
 * opt('backend').flag; // '--backend'
 */
export function opt<K extends keyof PipelineOptions & string>(key: K): FlagDef & { key: K } {
  return optionDef(PIPELINE_OPTION_DEFS, key) as FlagDef & { key: K };
}

/** Flags of events, whole-series training, resampling, row order and labels (added to detect and evaluate). */
export const EVENT_FLAGS = [
  opt('fit'),
  opt('aggregate'),
  opt('smooth'),
  opt('pad'),
  opt('prune'),
  opt('extreme'),
  opt('stuck'),
  opt('resample'),
  flagDef({
    flag: '--order',
    key: 'order',
    type: 'string',
    default: 'strict',
    choices: ['strict', 'keep'],
    help: 'strict: refuse duplicate or unsorted dates; keep: keep the file order (dates only label rows)',
    group: 'Data',
  }),
  flagDef({
    flag: '--labels',
    key: 'labels',
    type: 'string',
    arg: 'FILE',
    help: 'known anomalies: NAB windows JSON or a start,end CSV; adds the evaluation',
    group: 'Data',
  }),
  flagDef({
    flag: '--label-col',
    key: 'labelCol',
    type: 'string',
    arg: 'NAME',
    help: 'known anomalies from a column of the CSV (0/1, or see --anomaly-value)',
    group: 'Data',
  }),
  flagDef({
    flag: '--anomaly-value',
    key: 'anomalyValue',
    type: 'string',
    arg: 'V',
    help: 'the --label-col value marking an anomaly, e.g. Bad',
    group: 'Data',
  }),
  flagDef({
    flag: '--point-adjust',
    key: 'pointAdjust',
    type: 'bool',
    help: 'also point-adjusted F1 (inflated: rewards random scores; prints a warning)',
    group: 'Data',
  }),
] as const;

/** `--init-from DIR`: warm start, training begins from a saved LSTM model's weights (same shape). */
export const INIT_FROM = flagDef({
  flag: '--init-from',
  key: 'initFrom',
  type: 'string',
  arg: 'DIR',
  help: "start training from a saved lstm model's weights (same window, layers, features) instead of random ones",
  group: 'Model and training',
});

/** The flags of `lstm-anomaly [detect]`, in `--help` order; run options come from the option tables. */
export const DETECT_FLAGS = [
  ...DATA_FLAGS,
  PRESET,
  opt('trainFrac'),
  opt('trainUntil'),
  opt('transform'),
  opt('scaler'),
  opt('window'),
  flagDef({ ...opt('threshold'), help: THRESHOLD_HINT }),
  opt('encoder'),
  LAYERS,
  opt('dropout'),
  opt('loss'),
  opt('epochs'),
  opt('batchSize'),
  opt('patience'),
  opt('valSplit'),
  opt('learningRate'),
  opt('seed'),
  opt('backend'),
  opt('recError'),
  INIT_FROM,
  ...EVENT_FLAGS,
  ...COMPARE_FLAGS,
  flagDef({
    flag: '--out',
    key: 'out',
    type: 'string',
    arg: 'DIR',
    help: 'output directory (a new one; refused when it holds other files)',
    shown: 'reports/<name>-<date>[-N]',
    group: 'Output',
  }),
  FORCE,
  QUIET,
] as const;

/** The flags of `lstm-anomaly score`: the data flags plus the model directory. */
export const SCORE_FLAGS = [
  flagDef({
    flag: '--model',
    key: 'model',
    type: 'string',
    arg: 'DIR',
    help: 'a model/ directory written by a detect run (required)',
    group: 'Data',
  }),
  ...DATA_FLAGS,
  flagDef({
    ...opt('backend'),
    help: "auto, tensorflow, wasm or cpu (use the training run's for identical scores)",
    group: 'Output',
  }),
  flagDef({
    ...opt('threshold'),
    default: undefined,
    shown: "the model's",
    help:
      're-derive the threshold without training: p99, 3sigma, a number (from the saved training MAEs), ' +
      'window-sigma[:k] or dynamic',
  }),
  flagDef({
    flag: '--out',
    key: 'out',
    type: 'string',
    arg: 'DIR',
    help: 'output directory (a new one; refused when it holds other files)',
    shown: 'reports/<name>-score-<date>[-N]',
    group: 'Output',
  }),
  FORCE,
  flagDef({ ...QUIET, help: 'print only the output directory' }),
] as const;

/**
 * The flags of detect and score as parsed, inferred from their tables ({@link FlagsOf}); plus the choice of
 * detectors (COMPARE_FLAGS in compare.ts is not literal-typed yet).
 */
export type CliFlags = FlagsOf<typeof DETECT_FLAGS> &
  FlagsOf<typeof SCORE_FLAGS> &
  Partial<Pick<PipelineOptions, 'detector' | 'components'>> & { compare?: string };

/** The event flags' values as parsed (see {@link EVENT_FLAGS}). */
export type EventFlags = FlagsOf<typeof EVENT_FLAGS>;
