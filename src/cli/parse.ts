import { InputError, invalid } from '../util/errors';
import { keyword } from '../util/keyword';
import { type FlagDef, type FlagsOf, shownDefault } from './flag-def';
import type { CliFlags } from './flags';

export type { FlagDef } from './flag-def';

export type { CliFlags, EventFlags } from './flags';

/**
 * Parse `--flag value`, `--flag=value` and boolean `--flag` against a flag table, checking each value's type
 * (number, integer, positive integer) and enum choices. The result's type is inferred from the table
 * ({@link FlagsOf}), beside the flags of detect and score ({@link CliFlags}).
 *
 * @throws InputError `unknown option: --x`, a missing value, or `invalid <flag>: <v> (...)`.
 * @example
 * parseFlags(['--window', '20'], DETECT_FLAGS); // { window: 20 }
 */
export function parseFlags<const T extends readonly FlagDef[]>(argv: string[], defs: T): CliFlags & FlagsOf<T> {
  const out: Record<string, string | number | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new InputError(`unexpected argument: ${a} (see --help)`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const def = defs.find((d) => d.flag === name);
    if (!def) throw new InputError(`unknown option: ${name} (see --help)`);
    const key = def.key === 'encoder' ? 'units' : def.key;
    if (def.type === 'bool') {
      if (eq > 0) throw new InputError(`option ${name} takes no value`);
      out[key] = true;
      continue;
    }
    const numeric = def.type !== 'string';
    let v: string;
    if (eq > 0) v = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || (argv[i + 1].startsWith('--') && !numeric))
        throw new InputError(
          `option ${name} needs a value${(def.arg ?? def.choices) ? ` (${def.arg ?? def.choices?.join('|')})` : ''}`,
        );
      v = argv[++i];
    }
    out[key] = numeric
      ? toNumber(name, v, def.type)
      : def.parse
        ? (def.parse(v, name) as string)
        : def.choices
          ? keyword(name, v, def.choices)
          : v;
  }
  return out as CliFlags & FlagsOf<T>;
}

function toNumber(name: string, v: string, type: FlagDef['type']): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n)) throw invalid(name, v, 'a number');
  if (type === 'int' && !Number.isInteger(n)) throw invalid(name, v, 'an integer');
  if (type === 'posint' && !(Number.isInteger(n) && n >= 1)) throw invalid(name, v, 'a positive integer');
  return n;
}

/**
 * Help text for a command from its flag table, grouped; each flag's default (from the option tables) in brackets.
 *
 * @throws Nothing.
 * @example
 * console.log(helpText('lstm-anomaly [detect] [options]', 'Detect anomalies.', DETECT_FLAGS));
 */
export function helpText(usage: string, about: string, defs: readonly FlagDef[], footer = ''): string {
  const lines = [`Usage: ${usage}`, '', about, ''];
  const groups = [...new Set(defs.map((d) => d.group))];
  for (const g of groups) {
    lines.push(`${g}:`);
    for (const d of defs.filter((x) => x.group === g)) {
      const arg = d.arg ?? d.choices?.join('|');
      const left = `  ${d.flag}${arg ? ` ${arg}` : ''}`;
      const shown = shownDefault(d);
      lines.push(`${left.padEnd(30)} ${d.help}${shown ? ` [${shown}]` : ''}`);
    }
    lines.push('');
  }
  lines.push('  -h, --help                   show this help', '  --version                    show the version');
  if (footer) lines.push('', footer);
  return lines.join('\n');
}
