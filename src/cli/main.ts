#!/usr/bin/env node
import { isInputError } from '../util/errors';
import { VERSION } from '../version';
import { COMMANDS, DEFAULT_COMMAND, findCommand } from './subcommands';

/**
 * Run the CLI with arguments (without node and script); resolves to the exit code. The first argument names a
 * command of {@link COMMANDS} (src/cli/subcommands.ts), else the default one (detect) runs with all of them;
 * `help` alone prints the default command's help.
 */
export async function main(argv: string[]): Promise<number> {
  const named = findCommand(argv[0]);
  const cmd = named ?? COMMANDS[DEFAULT_COMMAND];
  const rest = named ? argv.slice(1) : argv;
  if (rest.includes('-h') || rest.includes('--help') || argv[0] === 'help') {
    process.stdout.write(`${await cmd.help()}\n`);
    return 0;
  }
  if (rest.includes('--version')) {
    process.stdout.write(`lstm-anomaly ${VERSION}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest);
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
