#!/usr/bin/env node
import { PRESETS } from '../pipeline/presets';
import { isInputError } from '../util/errors';
import { VERSION } from '../version';
import { detectCommand } from './detect';
import { DETECT_FLAGS, SCORE_FLAGS } from './flags';
import { helpText } from './parse';
import { findSubcommand, SUBCOMMAND_LINES, type Subcommand } from './subcommands';

const DETECT_HELP = helpText(
  'lstm-anomaly [detect] [options]',
  'Find anomalies in a time series with an LSTM autoencoder: split in time, scale on the training part, cut windows,\ntrain, score each window by its reconstruction MAE and flag windows above the threshold. With no data flag it uses\nthe bundled S&P 500 daily closes (2000-2020). Writes result.json, anomalies.csv, report.html and model/ to --out.',
  DETECT_FLAGS,
  `Presets (each sets --transform none, the tutorials' price levels; add --transform logret to override):\n${Object.entries(
    PRESETS,
  )
    .map(([k, p]) => `  ${k.padEnd(9)} ${p.about}`)
    .join(
      '\n',
    )}\n\nOther commands:\n  lstm-anomaly score --model DIR [--csv PATH | --ticker SYMBOL]   score data with a saved model\n  lstm-anomaly evaluate DIR --labels windows.json [flags]         detect on every CSV under DIR, score against labels\n${SUBCOMMAND_LINES}\n\nExamples:\n  lstm-anomaly                                  # bundled S&P 500, log returns, p95\n  lstm-anomaly --preset colab                   # the Colab notebook on price levels (shows the drift warning)\n  lstm-anomaly --csv prices.csv --value-col Close --threshold p99`,
);
const SCORE_HELP = helpText(
  'lstm-anomaly score --model DIR [options]',
  'Score a series with a model saved by a detect run (same transform, scaler and threshold).',
  SCORE_FLAGS,
);

/** Run the CLI with arguments (without node and script); resolves to the exit code. */
export async function main(argv: string[]): Promise<number> {
  const sub = findSubcommand(argv[0]);
  if (sub) return subcommand(sub, argv.slice(1));
  const cmd = argv[0] === 'score' || argv[0] === 'detect' || argv[0] === 'evaluate' ? argv[0] : 'detect';
  const rest = argv[0] === cmd ? argv.slice(1) : argv;
  if (rest.includes('-h') || rest.includes('--help') || argv[0] === 'help') {
    process.stdout.write(
      `${cmd === 'score' ? SCORE_HELP : cmd === 'evaluate' ? (await import('./evaluate-help')).EVALUATE_HELP : DETECT_HELP}\n`,
    );
    return 0;
  }
  if (rest.includes('--version')) {
    process.stdout.write(`lstm-anomaly ${VERSION}\n`);
    return 0;
  }
  try {
    if (cmd === 'score') await (await import('./score')).scoreCommand(rest);
    else if (cmd === 'evaluate') await (await import('./evaluate')).evaluateCommand(rest);
    else await detectCommand(rest);
    return 0;
  } catch (e) {
    return failed(e);
  }
}

/** Print an error on one line; the exit code: 2 for bad input, 1 otherwise. */
function failed(e: unknown): number {
  if (isInputError(e)) {
    process.stderr.write(`${clear()}error: ${e.message}\n`);
    return 2;
  }
  const msg = e instanceof Error ? e.message : String(e);
  process.stderr.write(`${clear()}error: ${msg.split('\n')[0]}\n`);
  if (process.env.LSTM_ANOMALY_DEBUG && e instanceof Error) process.stderr.write(`${e.stack}\n`);
  return 1;
}

/** Run `scan`, `worker` or `watch` (see src/cli/subcommands.ts). */
async function subcommand(cmd: Subcommand, argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(`${cmd.help()}\n`);
    return 0;
  }
  if (argv.includes('--version')) {
    process.stdout.write(`lstm-anomaly ${VERSION}\n`);
    return 0;
  }
  try {
    return await cmd.run(argv);
  } catch (e) {
    return failed(e);
  }
}

/**
 * Keep running when stdout or stderr is a closed pipe (`| head`): the run still writes its outputs and exits
 * with its own code; other stream errors are still thrown.
 */
function ignoreClosedPipes(): void {
  for (const s of [process.stdout, process.stderr]) {
    s.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE' && e.code !== 'ERR_STREAM_DESTROYED') throw e;
    });
  }
}

if (require.main === module) {
  ignoreClosedPipes();
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}

function clear(): string {
  return process.stderr.isTTY ? '\r\x1b[2K' : '';
}
