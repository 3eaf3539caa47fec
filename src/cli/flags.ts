/** Value type of a command-line flag. */
export type FlagType = 'string' | 'number' | 'bool';

/** One command-line flag: its key in the options object, type, help text and shown default. */
export interface FlagDef {
  flag: string;
  key: string;
  type: FlagType;
  arg?: string;
  help: string;
  default?: string;
  group: 'Data' | 'Pipeline' | 'Model and training' | 'Output';
}

/** The flags of `lstm-anomaly [detect]`. */
export const DETECT_FLAGS: FlagDef[] = [
  { flag: '--csv', key: 'csv', type: 'string', arg: 'PATH', help: 'read a CSV file instead of the bundled S&P 500', group: 'Data' },
  { flag: '--date-col', key: 'dateCol', type: 'string', arg: 'NAME', help: 'date column (default: Date/date/timestamp)', group: 'Data' },
  { flag: '--value-col', key: 'valueCol', type: 'string', arg: 'A[,B..]', help: 'value column(s); several = multivariate (default: Close/close/value)', group: 'Data' },
  { flag: '--fill', key: 'fill', type: 'string', arg: 'ffill|drop', help: 'accept missing or non-numeric values: carry the last value forward, or drop the row', group: 'Data' },
  { flag: '--ticker', key: 'ticker', type: 'string', arg: 'SYMBOL', help: 'download from Yahoo Finance (cached under data/)', group: 'Data' },
  { flag: '--start', key: 'start', type: 'string', arg: 'DATE', help: 'first date to download', default: '2000-01-01', group: 'Data' },
  { flag: '--end', key: 'end', type: 'string', arg: 'DATE', help: 'last date to download', default: 'today', group: 'Data' },
  { flag: '--interval', key: 'interval', type: 'string', arg: '1d|1wk|1mo', help: 'bar interval to download', default: '1d', group: 'Data' },
  { flag: '--asset', key: 'asset', type: 'string', arg: 'stock|crypto|forex', help: 'BTC -> BTC-USD (crypto), EURUSD -> EURUSD=X (forex)', default: 'stock', group: 'Data' },
  { flag: '--preset', key: 'preset', type: 'string', arg: 'NAME', help: 'settings of a tutorial: colab, stacked, ge, sine, fixed (flags win)', group: 'Pipeline' },
  { flag: '--train-frac', key: 'trainFrac', type: 'number', arg: 'F', help: 'share of rows for training, in time order', default: '0.8', group: 'Pipeline' },
  { flag: '--train-until', key: 'trainUntil', type: 'string', arg: 'DATE', help: 'train on rows before DATE instead', group: 'Pipeline' },
  { flag: '--transform', key: 'transform', type: 'string', arg: 'none|logret|diff', help: 'transform before scaling (logret: log returns)', default: 'logret', group: 'Pipeline' },
  { flag: '--scaler', key: 'scaler', type: 'string', arg: 'standard|minmax', help: 'scaler fitted on the training part', default: 'standard', group: 'Pipeline' },
  { flag: '--window', key: 'window', type: 'number', arg: 'N', help: 'steps per window', default: '30', group: 'Pipeline' },
  { flag: '--threshold', key: 'threshold', type: 'string', arg: 'RULE', help: 'p95, p99 (percentile of training MAE), a number (0.65), or 3sigma', default: 'p95', group: 'Pipeline' },
  { flag: '--units', key: 'units', type: 'number', arg: 'N', help: 'LSTM units of the single-layer model', default: '128', group: 'Model and training' },
  { flag: '--layers', key: 'layers', type: 'string', arg: 'A,B,..', help: 'stacked encoder sizes, e.g. 64,32,16 (decoder mirrors)', group: 'Model and training' },
  { flag: '--dropout', key: 'dropout', type: 'number', arg: 'F', help: 'dropout after encoder and decoder', default: '0.2', group: 'Model and training' },
  { flag: '--loss', key: 'loss', type: 'string', arg: 'mae|mse', help: 'training loss', default: 'mae', group: 'Model and training' },
  { flag: '--epochs', key: 'epochs', type: 'number', arg: 'N', help: 'maximum epochs', default: '100', group: 'Model and training' },
  { flag: '--batch-size', key: 'batchSize', type: 'number', arg: 'N', help: 'windows per batch', default: '32', group: 'Model and training' },
  { flag: '--patience', key: 'patience', type: 'number', arg: 'N', help: 'early stopping: epochs without better validation loss (0: off)', default: '3', group: 'Model and training' },
  { flag: '--val-split', key: 'valSplit', type: 'number', arg: 'F', help: 'last share of training windows used for validation', default: '0.1', group: 'Model and training' },
  { flag: '--learning-rate', key: 'learningRate', type: 'number', arg: 'F', help: 'Adam learning rate', default: '0.001', group: 'Model and training' },
  { flag: '--seed', key: 'seed', type: 'number', arg: 'N', help: 'seed for weights, dropout, shuffling and synthetic data', default: '42', group: 'Model and training' },
  { flag: '--backend', key: 'backend', type: 'string', arg: 'NAME', help: 'auto, tensorflow (tfjs-node), wasm or cpu', default: 'auto', group: 'Model and training' },
  { flag: '--out', key: 'out', type: 'string', arg: 'DIR', help: 'output directory', default: 'reports/<name>-<date>', group: 'Output' },
  { flag: '--quiet', key: 'quiet', type: 'bool', help: 'no progress output (prints only the output directory)', group: 'Output' },
];

/** The flags of `lstm-anomaly score`: the data flags plus the model directory. */
export const SCORE_FLAGS: FlagDef[] = [
  { flag: '--model', key: 'model', type: 'string', arg: 'DIR', help: 'a model/ directory written by a detect run (required)', group: 'Data' },
  ...DETECT_FLAGS.filter((f) => f.group === 'Data'),
  { flag: '--backend', key: 'backend', type: 'string', arg: 'NAME', help: 'auto, tensorflow, wasm or cpu (use the training run\'s for identical scores)', default: 'auto', group: 'Output' },
  { flag: '--out', key: 'out', type: 'string', arg: 'DIR', help: 'output directory', default: 'reports/<name>-score-<date>', group: 'Output' },
  { flag: '--quiet', key: 'quiet', type: 'bool', help: 'print only the output directory', group: 'Output' },
];
