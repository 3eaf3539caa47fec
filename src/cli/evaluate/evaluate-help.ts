import { helpText } from '../parse';
import { EVALUATE_FLAGS } from './evaluate-flags';

/** `lstm-anomaly evaluate --help`. */
export const EVALUATE_HELP = helpText(
  'lstm-anomaly evaluate DIR [--labels FILE] [--manifest FILE] [options]',
  "Run detection on every CSV under DIR (a NAB layout: subset/file.csv) and score each file's events against its " +
    'labels\n(NAB windows JSON keyed by file name or relative path). UCR archive files ' +
    '(NNN_UCR_Anomaly_<name>_<trainEnd>_<begin>_<end>.txt)\nand TSB-AD files (..._tr_<trainEnd>_1st_<first>.csv) ' +
    'carry their own labels (the name; the Label column) and train end:\n--labels is not needed for them; other .txt ' +
    'files are skipped (named in a notice). Series without timestamps are indexed\n0..n-1 and charted by index. ' +
    "A train end (from --manifest, else the name) splits the file; --fit all ignores the names' and refuses " +
    '--manifest.\nWrites evaluation.json, evaluation.csv and ' +
    'evaluation.html:\na row per file, tp/fp/fn summed per sub-folder, the mean F1 over sub-folders. A file that ' +
    'fails is a row with its error;\nwhen every file fails the exit code is 1 and nothing is written.\nExample: lstm-anomaly evaluate data/nab --labels data/nab/windows.json --fit all ' +
    '--resample 10min --order keep',
  EVALUATE_FLAGS,
);
