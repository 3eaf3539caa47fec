import type { PipelineOptions } from '../pipeline/options';
import type { OptionDef } from '../util/options';

/** One command-line flag: an {@link OptionDef} with a flag. */
export type FlagDef = OptionDef & { flag: string };

/**
 * A flag's entry, its literal types kept (key, type, choices), so that {@link FlagsOf} can type what it parses to.
 *
 * @throws Nothing.
 * @example
 * const QUIET = flagDef({ flag: '--quiet', key: 'quiet', type: 'bool', help: 'no progress', group: 'Output' });
 */
export function flagDef<const D extends FlagDef>(d: D): D {
  return d;
}

/** The key a flag's value is parsed under (`--units`, the encoder's flag, as `units`). */
type ParsedKey<K> = K extends 'encoder' ? 'units' : K;

/**
 * The value a flag parses to: a run option's type where the key is one (`PipelineOptions`; `--units` a number),
 * else a switch's boolean, a number, one of the flag's choices, or text.
 */
type ParsedValue<D extends FlagDef> = D['key'] extends 'encoder'
  ? number
  : D['key'] extends keyof PipelineOptions
    ? PipelineOptions[D['key']]
    : D extends { type: 'bool' }
      ? boolean
      : D extends { type: 'number' | 'int' | 'posint' }
        ? number
        : D extends { choices: readonly (infer C)[] }
          ? C
          : string;

/**
 * The parsed flags of a flag table, inferred from it: each flag's key, optional, with its value's type. Entries
 * whose key is not a literal (a table typed `FlagDef[]`) add nothing: build tables with {@link flagDef}.
 *
 * @example
 * const f: FlagsOf<typeof SCORE_FLAGS> = parseFlags(argv, SCORE_FLAGS); // f.model: string | undefined
 */
export type FlagsOf<T extends readonly FlagDef[]> = {
  [D in T[number] as string extends D['key'] ? never : ParsedKey<D['key']>]?: ParsedValue<D>;
};

/**
 * The default `--help` shows for a flag: `shown`, else the CLI default, else the library default ('' for none),
 * then each detector's own (`detectorDefaults`).
 *
 * @throws Nothing.
 * @example
 * shownDefault(opt('transform')); // 'logret; dense: none; aer: none'
 */
export function shownDefault(d: OptionDef): string {
  const text = (v: unknown): string => (v === undefined ? '' : Array.isArray(v) ? v.join(',') : String(v));
  const base = d.shown ?? text(d.cliDefault ?? d.default);
  const own = Object.entries(d.detectorDefaults ?? {}).map(([k, v]) => `${k}: ${text(v)}`);
  return [base, ...own].filter((s) => s !== '').join('; ');
}
