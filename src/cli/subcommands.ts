import { PRESETS } from '../pipeline/presets';
import { DETECT_FLAGS, SCORE_FLAGS } from './flags';
import { helpText } from './parse';
import { SCAN_FLAGS, WATCH_FLAGS, WORKER_FLAGS } from './scan/scan-flags';

/**
 * A command of the CLI: its line in the detect `--help` list, its own `--help` text and how to run it (resolves to
 * the exit code). Its code is loaded only when it runs.
 */
export interface Command {
  /** How it is called and what it does, as listed under "Other commands" of the detect `--help`. */
  line: [usage: string, about: string];
  help: () => string | Promise<string>;
  run: (argv: string[]) => Promise<number>;
}

/** Run a command whose exit code is 0 unless it throws (its result is not an exit code). */
const done =
  (run: (argv: string[]) => Promise<unknown>) =>
  async (argv: string[]): Promise<number> => {
    await run(argv);
    return 0;
  };

const SCAN_FOOTER = `Every detect option (preset, transform, window, threshold, model and training) applies to every
series.
A series that fails (no data, offline with no cache, too short) is a row with its error; the scan goes on and
exits 0 (1 when every series failed). Writes summary.html, summary.csv, summary.json and a sub-folder per series.

Examples:
  lstm-anomaly scan --tickers AAPL,MSFT,NVDA --epochs 20
  lstm-anomaly scan --csv-dir watchlist --jobs 2 --recent 8w
  lstm-anomaly scan --tickers-file holdings.txt --queue redis://10.0.0.5:6379 --scan-id nightly
  lstm-anomaly worker --queue redis://10.0.0.5:6379          # on each other machine`;

/**
 * Every command, by name, in `--help` order; `detect` is the default (no command name). One dispatch for all
 * (src/cli/main.ts): `-h`/`--help` prints `help()`, `--version` the version, else `run(argv)`.
 *
 * @example
 * await COMMANDS.scan.run(['--tickers', 'AAPL,MSFT']);
 */
export const COMMANDS = {
  detect: {
    line: ['lstm-anomaly [detect] [options]', 'find anomalies in one series (see --help)'],
    help: () => detectHelp(),
    run: done(async (argv) => (await import('./detect/detect')).detectCommand(argv)),
  },
  score: {
    line: ['lstm-anomaly score --model DIR [--csv PATH | --ticker SYMBOL]', 'score data with a saved model'],
    help: () =>
      helpText(
        'lstm-anomaly score --model DIR [options]',
        'Score a series with a model saved by a detect run (same transform, scaler and threshold).',
        SCORE_FLAGS,
      ),
    run: done(async (argv) => (await import('./score/score')).scoreCommand(argv)),
  },
  evaluate: {
    line: [
      'lstm-anomaly evaluate DIR --labels windows.json [flags]',
      'detect on every CSV under DIR, score against labels',
    ],
    help: async () => (await import('./evaluate/evaluate-help')).EVALUATE_HELP,
    run: done(async (argv) => (await import('./evaluate/evaluate')).evaluateCommand(argv)),
  },
  scan: {
    line: ['lstm-anomaly scan --tickers A,B | --csv-dir DIR ...', 'scan a watchlist (see scan --help)'],
    help: () =>
      helpText(
        'lstm-anomaly scan (--tickers A,B | --tickers-file FILE | --csv-dir DIR) [options]',
        'Scan a watchlist: detect anomalies in every series, on this machine or on workers through Redis.',
        SCAN_FLAGS,
        SCAN_FOOTER,
      ),
    run: async (argv) => (await import('./scan/scan')).scanCommand(argv),
  },
  worker: {
    line: ['lstm-anomaly worker --queue redis://HOST:PORT', 'run the series of scans started with --queue'],
    help: () =>
      helpText(
        'lstm-anomaly worker --queue URL [--concurrency N]',
        'Run the series of scans started with --queue URL, until stopped (SIGTERM finishes the job in hand).\n' +
          'Prints one JSON line per job event.',
        WORKER_FLAGS,
      ),
    run: async (argv) => (await import('./worker/worker')).workerCommand(argv),
  },
  watch: {
    line: ['lstm-anomaly watch --model DIR [--follow FILE]', 'score a live feed, print event starts and ends'],
    help: () =>
      helpText(
        'lstm-anomaly watch --model DIR [--follow FILE]',
        'Score a live feed with a saved model: CSV lines (header first) on stdin, or a file that grows. Prints a\n' +
          'JSON line when an anomaly run starts or ends: {"type":"start","date":...,"score":...}. Ctrl-C stops.',
        WATCH_FLAGS,
      ),
    run: async (argv) => (await import('./watch/watch')).watchCommand(argv),
  },
  review: {
    line: ['lstm-anomaly review DIR --labels marks.json [--apply]', "score a run against a person's marks"],
    help: async () =>
      helpText(
        'lstm-anomaly review DIR --labels FILE [--apply [--out DIR]]',
        'Score a detect run (DIR) against the marks a person made in its report (export JSON or CSV), and suggest the\n' +
          'window threshold whose events match the marks best (overlap-segment F1), with the score command that applies\n' +
          'it without retraining (--apply runs it). A marks file for another series exits 2.',
        (await import('./review/review-flags')).REVIEW_FLAGS,
      ),
    run: done(async (argv) => (await import('./review/review')).reviewCommand(argv)),
  },
  synth: {
    line: [
      'lstm-anomaly synth [--suite dev | --kinds K,K] --out DIR',
      'make labeled synthetic series (see synth --help)',
    ],
    help: async () => (await import('./synth/synth')).synthHelp(),
    run: async (argv) => (await import('./synth/synth')).synthCommand(argv),
  },
} satisfies Record<string, Command>;

/** A command's name. */
export type CommandName = keyof typeof COMMANDS;

/** The command run when the first argument names none (`lstm-anomaly --csv x.csv`). */
export const DEFAULT_COMMAND: CommandName = 'detect';

/**
 * The command `name` names, if any.
 *
 * @throws Nothing.
 * @example
 * findCommand('scan')?.help(); // the scan's --help text
 * findCommand('--csv'); // undefined: the default command's flags
 */
export function findCommand(name: string | undefined): Command | undefined {
  return name !== undefined && Object.hasOwn(COMMANDS, name) ? COMMANDS[name as CommandName] : undefined;
}

/** The lines of detect's `--help` that list the other commands (from {@link COMMANDS}). */
function commandLines(): string {
  return Object.entries(COMMANDS)
    .filter(([name]) => name !== DEFAULT_COMMAND)
    .map(([, c]) => `  ${c.line[0].padEnd(62)}   ${c.line[1]}`)
    .join('\n');
}

/** `lstm-anomaly [detect] --help`: its flags, the presets, the other commands and examples. */
function detectHelp(): string {
  const presets = Object.entries(PRESETS)
    .map(([k, p]) => `  ${k.padEnd(9)} ${p.about}`)
    .join('\n');
  return helpText(
    'lstm-anomaly [detect] [options]',
    'Find anomalies in a time series with an LSTM autoencoder: split in time, scale on the training part, cut windows,\ntrain, score each window by its reconstruction MAE and flag windows above the threshold. With no data flag it uses\nthe bundled S&P 500 daily closes (2000-2020). Writes result.json, anomalies.csv, report.html and model/ to --out.',
    DETECT_FLAGS,
    `Presets (each sets --transform none, the tutorials' price levels; add --transform logret to override):\n${presets}\n\nOther commands:\n${commandLines()}\n\nExamples:\n  lstm-anomaly                                  # bundled S&P 500, log returns, p95\n  lstm-anomaly --preset colab                   # the Colab notebook on price levels (shows the drift warning)\n  lstm-anomaly --csv prices.csv --value-col Close --threshold p99`,
  );
}
