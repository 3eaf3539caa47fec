import { isInputError } from '../src/util/errors';

/**
 * Run a script's `main` (sync or async; a number is the exit code, nothing means 0) and exit with its code. A
 * thrown error becomes one line `<name>: <message>` on stderr, no stack trace, exit 2 for bad input
 * (InputError) and 1 otherwise.
 *
 * @throws Nothing: every failure becomes an exit code.
 * @example
 * if (require.main === module) runScript('report', main);
 */
// biome-ignore lint/suspicious/noConfusingVoidType: a script's main may return nothing (exit code 0)
export function runScript(name: string, main: () => number | void | Promise<number | void>): void {
  const fail = (e: unknown): void => {
    console.error(`${name}: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(isInputError(e) ? 2 : 1);
  };
  try {
    Promise.resolve(main()).then((code) => process.exit(code ?? 0), fail);
  } catch (e) {
    fail(e);
  }
}
