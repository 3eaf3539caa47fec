import { DETECT_FLAGS, type FlagDef } from './flags';

/** The flags of `lstm-anomaly evaluate DIR`: the detect flags without --csv/--ticker data sources, plus --jobs (files in child processes). */
export const EVALUATE_FLAGS: FlagDef[] = [
  ...DETECT_FLAGS.filter(
    (d) => !['csv', 'ticker', 'start', 'end', 'interval', 'asset', 'labelCol', 'anomalyValue'].includes(d.key),
  ).map((d) => (d.key === 'out' ? { ...d, shown: 'reports/evaluation-<date>' } : d)),
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
