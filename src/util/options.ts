/** How a flag's text is read: any text, a finite number, an integer, a positive integer, or a switch. */
export type OptionType = 'string' | 'number' | 'int' | 'posint' | 'bool';

/** Section of `--help` an option is listed under. */
export type OptionGroup = 'Data' | 'Pipeline' | 'Model and training' | 'Output' | 'Scan';

/**
 * One option, declared once: its key in the options object, command-line flag, type, default, help and choices.
 * Defaults objects and the CLI's `--help` are derived from tables of these.
 *
 * @example
 * const window: OptionDef = { key: 'window', flag: '--window', type: 'posint', arg: 'N', default: 30, help: 'steps per window', group: 'Pipeline' };
 */
export interface OptionDef {
  key: string;
  /** Command-line flag; none for options the CLI does not set (e.g. the feature count). */
  flag?: string;
  type: OptionType;
  /** Placeholder of the value in `--help`, e.g. `N`. */
  arg?: string;
  /** Library default (undefined: unset). */
  default?: unknown;
  /** The CLI's default where it differs from the library's (the CLI reads log returns). */
  cliDefault?: unknown;
  /**
   * Defaults of particular detectors, by kind, where they differ from `default` and `cliDefault` (dense, for tables
   * without time order: window 1, transform none). They apply to a run of that detector alone; a comparison runs
   * every detector on the shared default.
   */
  detectorDefaults?: Readonly<Record<string, unknown>>;
  /** Default as shown in `--help` when it is not a value (e.g. `today`). */
  shown?: string;
  help: string;
  group: OptionGroup;
  /** The allowed values of an enum option. */
  choices?: readonly string[];
  /** Reads and checks a value the choices cannot list (the detector's `ensemble:A,B`), instead of `choices`. */
  parse?: (value: string, flag: string) => unknown;
}

/**
 * The defaults object of a table: key -> default, in table order (entries without a default are left out).
 *
 * @throws Nothing.
 * @example
 * defaultsOf([{ key: 'window', type: 'posint', default: 30, help: '', group: 'Pipeline' }]); // { window: 30 }
 */
export function defaultsOf<T>(defs: readonly OptionDef[]): T {
  const out: Record<string, unknown> = {};
  for (const d of defs) if (d.default !== undefined) out[d.key] = Array.isArray(d.default) ? [...d.default] : d.default;
  return out as T;
}

/**
 * The entry of a table for a key.
 *
 * @throws Error when the table has no such key (a programming error).
 * @example
 * optionDef(DETECTOR_OPTION_DEFS, 'window').default; // 30
 */
export function optionDef(defs: readonly OptionDef[], key: string): OptionDef {
  const d = defs.find((x) => x.key === key);
  if (!d) throw new Error(`no option ${key}`);
  return d;
}
