import { flagDef } from '../flag-def';

/** The flags of `lstm-anomaly review DIR`. */
export const REVIEW_FLAGS = [
  flagDef({
    flag: '--labels',
    key: 'labels',
    type: 'string',
    arg: 'FILE',
    help: "marks exported from the run's report: NAB windows JSON or start,end CSV (required)",
    group: 'Data',
  }),
  flagDef({
    flag: '--csv',
    key: 'csv',
    type: 'string',
    arg: 'PATH',
    help: "the run's data for --apply (default: its source as result.json names it)",
    group: 'Data',
  }),
  flagDef({
    flag: '--apply',
    key: 'apply',
    type: 'bool',
    help: 'score the data with the suggested threshold (saved model, no retraining), writing a new folder',
    group: 'Output',
  }),
  flagDef({
    flag: '--out',
    key: 'out',
    type: 'string',
    arg: 'DIR',
    help: 'with --apply: output directory (a new one; refused when it holds other files)',
    shown: 'reports/<name>-score-<date>[-N]',
    group: 'Output',
  }),
  flagDef({
    flag: '--force',
    key: 'force',
    type: 'bool',
    help: 'with --apply: replace --out when it holds an earlier output of lstm-anomaly',
    group: 'Output',
  }),
  flagDef({
    flag: '--quiet',
    key: 'quiet',
    type: 'bool',
    help: "with --apply: no progress output from score (review's lines still print)",
    group: 'Output',
  }),
] as const;
