import { InputError } from '../../src/util/errors';
import { cellSource, hasTag, type Notebook, type NotebookCell, toSourceLines } from './ipynb';

/** A parameter declared in a notebook's `parameters` cell: `let epochs = 50; // fast: 2`. */
export interface ParamDecl {
  name: string;
  /** `let`/`var` can be overridden; `const` cannot. */
  mutable: boolean;
  /** True when the declared type or the default value is a string: override values stay strings. */
  isString: boolean;
  /** The TypeScript expression `--fast` assigns (from a trailing `// ... fast: <expr>` comment). */
  fast?: string;
}

const DECL = /^\s*(let|var|const)\s+([A-Za-z_$][\w$]*)\s*(?::\s*([^=]+?))?\s*=\s*(.*)$/;

/** Parse the top-level declarations of a parameters cell, one per line. */
export function parseParamDecls(source: string): ParamDecl[] {
  const decls: ParamDecl[] = [];
  for (const line of source.split('\n')) {
    const m = DECL.exec(line);
    if (!m) continue;
    const [, kind, name, type, rest] = m;
    const fast = /\/\/.*\bfast:\s*(.+?)\s*$/.exec(rest)?.[1];
    const isString = type?.trim() === 'string' || /^['"`]/.test(rest.trim());
    decls.push({ name, mutable: kind !== 'const', isString, fast });
  }
  return decls;
}

/**
 * The TypeScript literal for an override value given on the command line: strings for string parameters,
 * otherwise numbers, booleans, null and JSON arrays/objects as written, anything else as a string.
 */
export function literalFor(decl: ParamDecl, value: string): string {
  if (decl.isString) return JSON.stringify(value);
  const v = value.trim();
  if (/^(true|false|null|undefined)$/.test(v)) return v;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(v)) return String(Number(v));
  if (/^[[{]/.test(v)) {
    try {
      return JSON.stringify(JSON.parse(v));
    } catch {
      /* not JSON: falls through to a string */
    }
  }
  return JSON.stringify(value);
}

/** Index of the cell tagged `parameters`; -1 when there is none. */
export function parametersCellIndex(nb: Notebook): number {
  return nb.cells.findIndex((c) => c.cell_type === 'code' && hasTag(c, 'parameters'));
}

/**
 * Return a copy of `nb` with a new cell, tagged `injected-parameters`, right after the cell tagged `parameters`
 * (papermill's convention). `fast` assigns `fast = true` (when declared) and every `// fast: <expr>` value;
 * explicit `overrides` win over those. With nothing to inject the notebook is returned unchanged.
 *
 * @throws InputError for a missing parameters cell, an unknown or `const` parameter.
 * @example
 * injectParameters(nb, { epochs: '5' }, true); // cell: `fast = true;\nepochs = 5;\n...`
 */
export function injectParameters(
  nb: Notebook,
  overrides: Record<string, string>,
  fast: boolean,
  name = 'notebook',
): Notebook {
  if (!fast && Object.keys(overrides).length === 0) return nb;
  const at = parametersCellIndex(nb);
  if (at < 0) throw new InputError(`${name}: no cell tagged "parameters" to override`);
  const decls = new Map(parseParamDecls(cellSource(nb.cells[at])).map((d) => [d.name, d]));
  const values = new Map<string, string>();
  if (fast) {
    if (decls.get('fast')?.mutable) values.set('fast', 'true');
    for (const d of decls.values()) if (d.fast !== undefined && d.mutable) values.set(d.name, d.fast);
  }
  for (const [key, value] of Object.entries(overrides)) {
    const d = decls.get(key);
    const known = [...decls.values()]
      .filter((x) => x.mutable)
      .map((x) => x.name)
      .join(', ');
    if (!d) throw new InputError(`${name}: unknown parameter "${key}" (parameters: ${known || 'none'})`);
    if (!d.mutable) throw new InputError(`${name}: parameter "${key}" is const and cannot be overridden`);
    values.set(key, literalFor(d, value));
  }
  const flags = [fast ? '--fast' : '', ...Object.keys(overrides).map((k) => `--param ${k}`)].filter(Boolean);
  const lines = [`// Injected by \`npm run report\` (${flags.join(' ')}).`];
  for (const [k, v] of values) lines.push(`${k} = ${v};`);
  lines.push(`console.log(${JSON.stringify(`parameters: ${[...values].map(([k, v]) => `${k} = ${v}`).join(', ')}`)});`);
  const cell: NotebookCell = {
    cell_type: 'code',
    execution_count: null,
    metadata: { tags: ['injected-parameters'] },
    outputs: [],
    source: toSourceLines(lines.join('\n')),
  };
  if (nb.nbformat_minor >= 5) cell.id = 'injected-parameters';
  const cells = [...nb.cells.slice(0, at + 1), cell, ...nb.cells.slice(at + 1)];
  return { ...nb, cells };
}
