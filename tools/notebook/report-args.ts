import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../../src/util/errors';
import { KERNEL_NAME, KERNELS, type KernelName } from './kernelspec';

/** Options of `npm run report -- [NOTEBOOK...] [--fast] [--param key=value ...]`. */
export interface ReportArgs {
  /** Notebook selectors as given: a path, a file name, a name without `.ipynb`, or its number prefix (`01`). */
  notebooks: string[];
  params: Record<string, string>;
  fast: boolean;
  /** Output directory for `<notebook>.html` (default `reports`, relative to the project root). */
  out: string;
  /** Seconds one cell may run before the run is stopped. */
  timeout: number;
  verbose: boolean;
  help: boolean;
  /** The Jupyter kernel that runs the cells (`--kernel`, default tslab). */
  kernel: KernelName;
}

/**
 * A `--kernel` value checked against the project's kernels.
 *
 * @throws InputError naming the flag and the kernels when `value` is not one of them.
 * @example
 * parseKernel('deno'); // 'deno'
 */
export function parseKernel(value: string): KernelName {
  if ((KERNELS as readonly string[]).includes(value)) return value as KernelName;
  throw new InputError(`invalid --kernel: ${value} (one of: ${KERNELS.join(', ')})`);
}

/** Usage text of the report runner. */
export const REPORT_USAGE = `Usage: npm run report -- [NOTEBOOK ...] [--kernel tslab|deno] [--fast] [--param key=value ...] [--out DIR] [--timeout S]

Executes notebooks/*.ipynb headless (Jupyter + tslab or Deno) and writes reports/<notebook>.html.
  NOTEBOOK            path, file name, name or number prefix (e.g. 01); default: every notebook
  --kernel K          tslab (default, what the notebooks' metadata names) or deno
  --fast              small CI setting: fast = true and each parameter's "// fast: <value>"
  --param key=value   override a parameter of the cell tagged "parameters" (repeatable; -p)
  --out DIR           output directory (default: reports)
  --timeout S         seconds allowed per cell (default: 1800)
  --verbose           show Jupyter's own log output`;

/**
 * Parse the runner's command line.
 *
 * @throws InputError on an unknown flag, a missing value or a malformed `--param`.
 */
export function parseReportArgs(argv: string[]): ReportArgs {
  const args: ReportArgs = {
    notebooks: [],
    params: {},
    fast: false,
    out: 'reports',
    timeout: 1800,
    verbose: false,
    help: false,
    kernel: KERNEL_NAME,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=')
        ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)]
        : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new InputError(`${flag} needs a value`);
      return v;
    };
    if (flag === '--fast') args.fast = true;
    else if (flag === '--verbose') args.verbose = true;
    else if (flag === '--help' || flag === '-h') args.help = true;
    else if (flag === '--out') args.out = value();
    else if (flag === '--kernel') args.kernel = parseKernel(value());
    else if (flag === '--timeout') {
      const v = value();
      args.timeout = Number(v);
      if (!Number.isInteger(args.timeout) || args.timeout <= 0)
        throw new InputError(`invalid --timeout: ${v} (seconds, a positive integer)`);
    } else if (flag === '--param' || flag === '-p') {
      const kv = value();
      const eq = kv.indexOf('=');
      if (eq <= 0 || !/^[A-Za-z_$][\w$]*$/.test(kv.slice(0, eq)))
        throw new InputError(`invalid --param: ${kv} (expected key=value)`);
      args.params[kv.slice(0, eq)] = kv.slice(eq + 1);
    } else if (arg.startsWith('-')) throw new InputError(`unknown option: ${arg} (see --help)`);
    else args.notebooks.push(arg);
  }
  return args;
}

/** The committed notebooks, `notebooks/*.ipynb` in name order. */
export function listNotebooks(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.ipynb') && !f.startsWith('.'))
    .sort()
    .map((f) => path.join(dir, f));
}

/**
 * Resolve selectors to notebook files: an existing path, or a name / number prefix matched against `available`.
 *
 * @throws InputError when a selector matches nothing or more than one notebook.
 */
export function selectNotebooks(selectors: string[], available: string[]): string[] {
  if (selectors.length === 0) return available;
  const names = available.map((f) => path.basename(f, '.ipynb'));
  return selectors.map((s) => {
    if (s.endsWith('.ipynb') && fs.existsSync(s)) return path.resolve(s);
    const key = path.basename(s).replace(/\.ipynb$/, '');
    const exact = names.indexOf(key);
    if (exact >= 0) return available[exact];
    const hits = available.filter((_, i) => names[i].startsWith(key));
    if (hits.length === 1) return hits[0];
    const list = names.join(', ') || 'none';
    throw new InputError(`${hits.length ? 'ambiguous' : 'unknown'} notebook: ${s} (notebooks: ${list})`);
  });
}
