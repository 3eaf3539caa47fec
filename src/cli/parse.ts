import { InputError } from '../util/errors';
import type { FlagDef } from './flags';

/** Parsed flags: key -> value (numbers parsed), in the order given. */
export type ParsedFlags = Record<string, string | number | boolean>;

/**
 * Parse `--flag value`, `--flag=value` and boolean `--flag` against a flag table.
 *
 * @throws InputError `unknown option: --x`, a missing value, or `invalid <flag>: <v>` for a non-number.
 * @example
 * parseFlags(['--window', '20'], DETECT_FLAGS); // { window: 20 }
 */
export function parseFlags(argv: string[], defs: FlagDef[]): ParsedFlags {
  const out: ParsedFlags = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) throw new InputError(`unexpected argument: ${a} (see --help)`);
    const eq = a.indexOf('=');
    const name = eq > 0 ? a.slice(0, eq) : a;
    const def = defs.find((d) => d.flag === name);
    if (!def) throw new InputError(`unknown option: ${name} (see --help)`);
    if (def.type === 'bool') {
      if (eq > 0) throw new InputError(`option ${name} takes no value`);
      out[def.key] = true;
      continue;
    }
    let v: string;
    if (eq > 0) v = a.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || (argv[i + 1].startsWith('--') && def.type !== 'number')) throw new InputError(`option ${name} needs a value${def.arg ? ` (${def.arg})` : ''}`);
      v = argv[++i];
    }
    if (def.type === 'number') {
      const n = Number(v);
      if (v.trim() === '' || !Number.isFinite(n)) throw new InputError(`invalid ${name}: ${v} (a number)`);
      out[def.key] = n;
    } else out[def.key] = v;
  }
  return out;
}

/**
 * Help text for a command from its flag table, grouped.
 *
 * @example
 * console.log(helpText('lstm-anomaly [detect] [options]', 'Detect anomalies.', DETECT_FLAGS));
 */
export function helpText(usage: string, about: string, defs: FlagDef[], footer = ''): string {
  const lines = [`Usage: ${usage}`, '', about, ''];
  const groups = [...new Set(defs.map((d) => d.group))];
  for (const g of groups) {
    lines.push(`${g}:`);
    for (const d of defs.filter((x) => x.group === g)) {
      const left = `  ${d.flag}${d.arg ? ` ${d.arg}` : ''}`;
      lines.push(`${left.padEnd(30)} ${d.help}${d.default ? ` [${d.default}]` : ''}`);
    }
    lines.push('');
  }
  lines.push('  -h, --help                   show this help', '  --version                    show the version');
  if (footer) lines.push('', footer);
  return lines.join('\n');
}
