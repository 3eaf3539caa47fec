import { type FlagsOf, flagDef } from '../flag-def';
import { DETECT_FLAGS, opt } from '../flags';
import type { CliFlags } from '../parse';

/** The detect flags a scan does not take: the data source and the output folder are the scan's own. */
const NOT_PER_SERIES = new Set(['csv', 'ticker', 'out']);

/** Where the scan's series come from (exactly one). */
const SCAN_INPUT_FLAGS = [
  flagDef({
    flag: '--tickers',
    key: 'tickers',
    type: 'string',
    arg: 'A,B,..',
    help: 'symbols to download from Yahoo Finance (cached under data/)',
    group: 'Scan',
  }),
  flagDef({
    flag: '--tickers-file',
    key: 'tickersFile',
    type: 'string',
    arg: 'FILE',
    help: 'a file with one symbol a line (# comments)',
    group: 'Scan',
  }),
  flagDef({
    flag: '--csv-dir',
    key: 'csvDir',
    type: 'string',
    arg: 'DIR',
    help: 'every .csv file in a folder (--date-col, --value-col, --fill apply to each)',
    group: 'Scan',
  }),
] as const;

/** How the scan runs and what it writes. */
const SCAN_RUN_FLAGS = [
  flagDef({
    flag: '--jobs',
    key: 'jobs',
    type: 'string',
    arg: 'N',
    default: 1,
    help: 'series trained side by side on this machine, each in its own process',
    group: 'Scan',
  }),
  flagDef({
    flag: '--queue',
    key: 'queue',
    type: 'string',
    arg: 'URL',
    shown: '$LSTM_ANOMALY_QUEUE, else $REDIS_URL, unless --jobs',
    help: 'run the series on workers through Redis (redis://[:PASSWORD@]HOST:PORT)',
    group: 'Scan',
  }),
  flagDef({
    flag: '--scan-id',
    key: 'scanId',
    type: 'string',
    arg: 'ID',
    shown: 'scan-<date>-<time>',
    help: 'with --queue: a rerun with this id reuses the results still in Redis (see --keep-results)',
    group: 'Scan',
  }),
  flagDef({
    flag: '--keep-results',
    key: 'keepResults',
    type: 'string',
    arg: 'SPAN',
    shown: 'removed once read',
    help: 'with --queue: keep each result in Redis this long after the scan read it, for a rerun with --scan-id (h, d, w)',
    group: 'Scan',
  }),
  flagDef({
    flag: '--queue-timeout',
    key: 'queueTimeout',
    type: 'string',
    arg: 'SECONDS',
    default: 300,
    help: 'with --queue: give up (exit 1) when Redis has been unreachable this long',
    group: 'Scan',
  }),
  flagDef({
    flag: '--recent',
    key: 'recent',
    type: 'string',
    arg: 'SPAN',
    default: '30d',
    help: "count events this long before each series' last date (d, w, m, y)",
    group: 'Scan',
  }),
  flagDef({
    flag: '--out',
    key: 'out',
    type: 'string',
    arg: 'DIR',
    shown: 'reports/scan-<date>[-N]',
    help: 'a new folder, or an earlier scan output (replaced)',
    group: 'Output',
  }),
] as const;

/**
 * The flags of `lstm-anomaly scan`: the inputs, then every detect flag (applied to every series) except the
 * single-series data source and --out, then the scan's own. Derived from {@link DETECT_FLAGS}, so a flag added
 * to detect is a scan flag too.
 */
export const SCAN_FLAGS = [
  ...SCAN_INPUT_FLAGS,
  ...DETECT_FLAGS.filter((d) => !NOT_PER_SERIES.has(d.key)),
  ...SCAN_RUN_FLAGS,
];

/** The scan flags, parsed (see {@link SCAN_FLAGS}). */
export type ScanFlags = CliFlags & FlagsOf<typeof SCAN_INPUT_FLAGS> & FlagsOf<typeof SCAN_RUN_FLAGS>;

const QUEUE_FLAG = SCAN_RUN_FLAGS.find((d) => d.key === 'queue')!;

/** The flags of `lstm-anomaly worker`. */
export const WORKER_FLAGS = [
  { ...QUEUE_FLAG, shown: '$LSTM_ANOMALY_QUEUE, else $REDIS_URL', help: 'the Redis of the scan (required)' },
  flagDef({
    flag: '--concurrency',
    key: 'concurrency',
    type: 'string',
    arg: 'N',
    default: 1,
    help: 'jobs run side by side, each in its own process',
    group: 'Scan',
  }),
] as const;

/** The flags of `lstm-anomaly watch`. */
export const WATCH_FLAGS = [
  flagDef({
    flag: '--model',
    key: 'model',
    type: 'string',
    arg: 'DIR',
    help: 'a model/ directory written by a detect run (required)',
    group: 'Data',
  }),
  flagDef({
    flag: '--follow',
    key: 'follow',
    type: 'string',
    arg: 'FILE',
    help: 'read rows from a file as it grows (default: CSV lines on stdin, header first)',
    group: 'Data',
  }),
  {
    ...opt('backend'),
    help: "auto, tensorflow, wasm or cpu (the training run's gives identical scores)",
    group: 'Output',
  },
  flagDef({
    flag: '--refit-every',
    key: 'refitEvery',
    type: 'string',
    arg: 'N|7d',
    help: 'refit the model after every N new rows, or span of the feed (7d, 12h, 30min); writes DIR@1, DIR@2, ...',
    group: 'Model and training',
  }),
  flagDef({
    flag: '--refit-window',
    key: 'refitWindow',
    type: 'posint',
    arg: 'ROWS',
    help: 'recent rows each refit trains on',
    shown: '10 windows',
    group: 'Model and training',
  }),
  flagDef({
    flag: '--refit-epochs',
    key: 'refitEpochs',
    type: 'posint',
    arg: 'N',
    default: 5,
    help: "epochs of each refit, from the current model's weights",
    group: 'Model and training',
  }),
] as const;
