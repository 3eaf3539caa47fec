import { type FlagsOf, flagDef } from '../flag-def';
import { DETECT_FLAGS } from '../flags';
import type { CliFlags } from '../parse';
import { jobsFlag } from './evaluate-jobs';

/**
 * The flags of `lstm-anomaly evaluate DIR`: the detect flags without --csv/--ticker data sources, plus --jobs
 * (files in child processes) and --manifest (a train end per file).
 */
export const EVALUATE_FLAGS = [
  ...DETECT_FLAGS.filter(
    (d) => !['csv', 'ticker', 'start', 'end', 'interval', 'asset', 'labelCol', 'anomalyValue'].includes(d.key),
  ).map((d) => (d.key === 'out' ? { ...d, shown: 'reports/evaluation-<date>' } : d)),
  flagDef({
    flag: '--manifest',
    key: 'manifest',
    type: 'string',
    arg: 'FILE',
    help: "CSV file,train_until: where each named file's test part starts (a timestamp, or a row index for UCR/TSB-AD)",
    group: 'Data',
  }),
  flagDef({
    flag: '--jobs',
    key: 'jobs',
    type: 'string',
    arg: 'N|auto',
    default: 'auto',
    parse: jobsFlag,
    help:
      'files at once, each in its own process (rows identical to --jobs 1); auto: one per core when the detector ' +
      'trains a network (lstm, dense, aer), each training on one thread, else 1',
    group: 'Output',
  }),
];

/** The evaluate flags, parsed (see {@link EVALUATE_FLAGS}). */
export type EvaluateFlags = CliFlags & FlagsOf<typeof EVALUATE_FLAGS>;
