import { DETECT_FLAGS, type FlagDef } from '../flags';

/**
 * The flags of `lstm-anomaly evaluate DIR`: the detect flags without --csv/--ticker data sources, plus --jobs
 * (files in child processes) and --manifest (a train end per file).
 */
export const EVALUATE_FLAGS: FlagDef[] = [
  ...DETECT_FLAGS.filter(
    (d) => !['csv', 'ticker', 'start', 'end', 'interval', 'asset', 'labelCol', 'anomalyValue'].includes(d.key),
  ).map((d) => (d.key === 'out' ? { ...d, shown: 'reports/evaluation-<date>' } : d)),
  {
    flag: '--manifest',
    key: 'manifest',
    type: 'string',
    arg: 'FILE',
    help: "CSV file,train_until: where each named file's test part starts (a timestamp, or a row index for UCR/TSB-AD)",
    group: 'Data',
  },
  {
    flag: '--jobs',
    key: 'jobs',
    type: 'posint',
    arg: 'N',
    default: 1,
    help: 'files at once, each in its own process (rows identical to --jobs 1)',
    group: 'Output',
  },
];
