import { helpText } from './parse';
import { SCAN_FLAGS, WATCH_FLAGS, WORKER_FLAGS } from './scan-flags';
import { synthHelp } from './synth';

/** A command beside detect and score: its help text and how to run it (resolves to the exit code). */
export interface Subcommand {
  help: () => string;
  run: (argv: string[]) => Promise<number>;
}

const SCAN_FOOTER = `Every detect option (preset, transform, window, threshold, model and training) applies to every
series.
A series that fails (no data, offline with no cache, too short) is a row with its error; the scan goes on and
exits 0 (1 when every series failed). Writes summary.html, summary.csv, summary.json and a sub-folder per series.

Examples:
  lstm-anomaly scan --tickers AAPL,MSFT,NVDA --epochs 20
  lstm-anomaly scan --csv-dir watchlist --jobs 2 --recent 8w
  lstm-anomaly scan --tickers-file holdings.txt --queue redis://10.0.0.5:6379 --scan-id nightly
  lstm-anomaly worker --queue redis://10.0.0.5:6379          # on each other machine`;

/** The commands `scan`, `worker`, `watch` and `synth`; their code is loaded only when run. */
const SUBCOMMANDS: Record<string, Subcommand> = {
  scan: {
    help: () =>
      helpText(
        'lstm-anomaly scan (--tickers A,B | --tickers-file FILE | --csv-dir DIR) [options]',
        'Scan a watchlist: detect anomalies in every series, on this machine or on workers through Redis.',
        SCAN_FLAGS,
        SCAN_FOOTER,
      ),
    run: async (argv) => (await import('./scan')).scanCommand(argv),
  },
  worker: {
    help: () =>
      helpText(
        'lstm-anomaly worker --queue URL [--concurrency N]',
        'Run the series of scans started with --queue URL, until stopped (SIGTERM finishes the job in hand).\n' +
          'Prints one JSON line per job event.',
        WORKER_FLAGS,
      ),
    run: async (argv) => (await import('./worker')).workerCommand(argv),
  },
  watch: {
    help: () =>
      helpText(
        'lstm-anomaly watch --model DIR [--follow FILE]',
        'Score a live feed with a saved model: CSV lines (header first) on stdin, or a file that grows. Prints a\n' +
          'JSON line when an anomaly run starts or ends: {"type":"start","date":...,"score":...}. Ctrl-C stops.',
        WATCH_FLAGS,
      ),
    run: async (argv) => (await import('./watch')).watchCommand(argv),
  },
  synth: { help: synthHelp, run: async (argv) => (await import('./synth')).synthCommand(argv) },
};

/**
 * The command `name` names, when it is `scan`, `worker`, `watch` or `synth`.
 *
 * @throws Nothing.
 * @example
 * findSubcommand('scan')?.help(); // the scan's --help text
 */
export function findSubcommand(name: string | undefined): Subcommand | undefined {
  return name !== undefined && Object.keys(SUBCOMMANDS).includes(name) ? SUBCOMMANDS[name] : undefined;
}

/** The lines of detect's `--help` that list these commands. */
export const SUBCOMMAND_LINES = [
  ['lstm-anomaly scan --tickers A,B | --csv-dir DIR ...', 'scan a watchlist (see scan --help)'],
  ['lstm-anomaly worker --queue redis://HOST:PORT', 'run the series of scans started with --queue'],
  ['lstm-anomaly watch --model DIR [--follow FILE]', 'score a live feed, print event starts and ends'],
  ['lstm-anomaly synth [--suite dev | --kinds K,K] --out DIR', 'make labeled synthetic series (see synth --help)'],
]
  .map(([usage, about]) => `  ${usage.padEnd(62)}   ${about}`)
  .join('\n');
