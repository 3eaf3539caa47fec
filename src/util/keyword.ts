import { InputError } from './errors';

/**
 * Check an enum option against its list of choices and return it typed (Observable Plot's `keyword()` habit).
 *
 * @throws InputError `invalid <name>: <value> (one of: a, b, c)` when value is not one of the choices.
 * @example
 * keyword('scaler', 'minmax', SCALERS); // 'minmax'
 * keyword('scaler', 'robust', SCALERS); // throws 'invalid scaler: robust (one of: standard, minmax)'
 */
export function keyword<T extends string>(name: string, value: unknown, choices: readonly T[]): T {
  if (typeof value === 'string' && (choices as readonly string[]).includes(value)) return value as T;
  const shown = typeof value === 'string' ? value : JSON.stringify(value);
  throw new InputError(`invalid ${name}: ${shown} (one of: ${choices.join(', ')})`);
}
