/**
 * A problem with the user's input or options: the CLI prints its message on one line and exits with code 2.
 *
 * @example
 * throw new InputError('data.csv: column "Close" not found (columns: Date, Open)');
 */
export class InputError extends Error {
  /** Process exit code the CLI uses for this error (2). */
  readonly exitCode = 2;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/**
 * Build the conventional `invalid <name>: <value>` error, with an optional hint after a dash.
 *
 * @example
 * throw invalid('window', 0, 'must be an integer >= 2');
 */
export function invalid(name: string, value: unknown, hint?: string): InputError {
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  return new InputError(`invalid ${name}: ${shown}${hint ? ` (${hint})` : ''}`);
}

/** True for errors meant for the user (an {@link InputError}). */
export function isInputError(e: unknown): e is InputError {
  return e instanceof InputError;
}
