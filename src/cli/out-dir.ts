import * as fs from 'fs';
import * as path from 'path';
import { InputError } from '../util/errors';
import { entriesUnder, readMarker, writeMarkedDir } from '../util/out-marker';
import { stripControl } from '../util/sanitize';
import { VERSION } from '../version';

export { markerText, OUT_MARKER } from '../util/out-marker';

/** The names this tool writes (an older output, whose marker lists nothing, is recognised by them). */
const OWN_NAMES = new Set([
  'result.json',
  'scores.json',
  'anomalies.csv',
  'events.csv',
  'report.html',
  'model.json',
  'weights.bin',
  'train-scores.json',
  'compare.json',
  'summary.csv',
  'summary.json',
  'summary.html',
  'evaluation.json',
  'evaluation.csv',
  'evaluation.html',
  'comparison.json',
  'comparison.md',
]);

/**
 * What an earlier output of this tool holds that the tool did not write (files the user added), or null when the
 * folder is not an output of this tool at all. With a marker that lists its files, anything not listed is added;
 * with an older marker (no list), any file whose name this tool never writes; without a marker (older detect and
 * score outputs), the folder must hold result.json or scores.json and only such names.
 *
 * @throws never.
 * @example
 * addedEntries('reports/run'); // [] for an untouched output, ['notes.txt'] after the user added one
 */
export function addedEntries(dir: string): string[] | null {
  let entries: string[];
  try {
    entries = entriesUnder(dir);
  } catch {
    return null;
  }
  const marker = readMarker(dir);
  const ownName = (e: string): boolean => e.endsWith('/') || OWN_NAMES.has(e.split('/').pop()!);
  if (marker?.files) {
    const listed = new Set(marker.files);
    return entries.filter((e) => !listed.has(e));
  }
  if (marker) return entries.filter((e) => !ownName(e));
  const top = entries.filter((e) => !e.slice(0, -1).includes('/'));
  if (!top.includes('result.json') && !top.includes('scores.json')) return null;
  const added = entries.filter((e) => !ownName(e) && !/^model\/[^/]+$/.test(e));
  return top.every((e) => OWN_NAMES.has(e) || e === 'model/') ? added : null;
}

/**
 * True when a directory is an earlier output of this tool holding nothing the tool did not write (see
 * {@link addedEntries}).
 *
 * @example
 * isOwnOutput('reports/sp500-2026-12-02'); // true after a detect run wrote it
 */
export function isOwnOutput(dir: string): boolean {
  return addedEntries(dir)?.length === 0;
}

/** True when `inner` is `outer` or lies inside it (both resolved). */
function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/** Resolve a path through the symlinks of its longest existing prefix. */
function real(p: string): string {
  const abs = path.resolve(p);
  let head = abs;
  const tail: string[] = [];
  while (!fs.existsSync(head) && path.dirname(head) !== head) {
    tail.unshift(path.basename(head));
    head = path.dirname(head);
  }
  try {
    return path.join(fs.realpathSync(head), ...tail);
  } catch {
    return abs;
  }
}

/** What {@link checkOutDir} needs to know. */
export interface OutCheck {
  /** Files and folders the run reads (data file, model folder): the output must not hold them. */
  inputs: string[];
  /** `--force`: replace an earlier output of this tool. */
  force?: boolean;
  /** Folders the output must not lie inside (evaluate's data folder, whose every CSV file is read). */
  outside?: string[];
}

const FORCE_HINT = '--force replaces an earlier output of lstm-anomaly, and only that';

/**
 * Refuse an output folder that would lose something, before any work: the current directory or a parent of it,
 * a folder holding an input, a file, a non-empty folder that is not an earlier output (or is one, without
 * `--force`), or a place that cannot be written (empty path, read-only, a parent that is a file).
 *
 * @throws InputError one line naming the path and the reason.
 * @example
 * checkOutDir('reports/run', { inputs: ['prices.csv'] });
 */
export function checkOutDir(out: string, opts: OutCheck): void {
  if (out.trim() === '') throw new InputError('--out: empty path (name an output directory)');
  const abs = real(out);
  if (within(process.cwd(), abs)) {
    throw new InputError(`--out ${out}: is the current directory or holds it; choose a new folder (${FORCE_HINT})`);
  }
  const st = statOrNull(abs);
  if (st && !st.isDirectory()) throw new InputError(`--out ${out}: is a file, not a directory (${FORCE_HINT})`);
  for (const input of opts.inputs) {
    if (within(real(input), abs)) {
      throw new InputError(`--out ${out}: holds the input ${input}; choose a new folder (${FORCE_HINT})`);
    }
  }
  for (const dir of opts.outside ?? []) {
    if (within(abs, real(dir)))
      throw new InputError(`--out ${out}: lies inside the input folder ${dir}; choose a new folder`);
  }
  if (st && fs.readdirSync(abs).length > 0) {
    const added = addedEntries(abs);
    if (added === null) {
      const why = 'is not empty and not an output of lstm-anomaly; choose a new folder';
      throw new InputError(`--out ${out}: ${why} (${FORCE_HINT})`);
    }
    if (added.length > 0) {
      const shown = added.slice(0, 3).join(', ') + (added.length > 3 ? `, ... (${added.length} in all)` : '');
      const why = `holds files lstm-anomaly did not write (${stripControl(shown)}); choose a new folder`;
      throw new InputError(`--out ${out}: ${why} (${FORCE_HINT})`);
    }
    if (!opts.force) throw new InputError(`--out ${out}: holds an earlier output of lstm-anomaly; ${FORCE_HINT}`);
  }
  probeWritable(out, abs);
}

/** lstat, or null when the path does not exist or a parent is not a directory. */
function statOrNull(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    throw e;
  }
}

/** Create (and remove) a probe folder beside the output, so a read-only place fails now, not after training. */
function probeWritable(out: string, abs: string): void {
  let head = path.dirname(abs);
  while (!statOrNull(head) && path.dirname(head) !== head) head = path.dirname(head);
  if (!fs.statSync(head).isDirectory()) throw new InputError(`--out ${out}: ${head} is a file, not a directory`);
  let probe = head;
  try {
    fs.accessSync(head, fs.constants.W_OK);
    probe = fs.mkdtempSync(path.join(head, '.lstm-anomaly-probe-'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    const why = code === 'EROFS' ? 'read-only file system' : code;
    throw new InputError(`--out ${out}: cannot write in ${head} (${why})`);
  } finally {
    if (probe !== head) fs.rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * A default output folder that does not exist yet: `base`, else `base-2`, `base-3`, ...
 *
 * @example
 * uniqueDir('reports/sp500-2026-12-02'); // 'reports/sp500-2026-12-02-2' when the first exists
 */
export function uniqueDir(base: string): string {
  if (!fs.existsSync(base)) return base;
  for (let i = 2; ; i++) if (!fs.existsSync(`${base}-${i}`)) return `${base}-${i}`;
}

/**
 * The output folder of a run, checked before any work: `--out` as given (see {@link checkOutDir}), or a new
 * default folder `reports/<name><suffix>-<date>` (`-2`, `-3`... when taken).
 *
 * @throws InputError from {@link checkOutDir}.
 * @example
 * const out = resolveOut(f.out, f.force, 'reports/sp500-2026-12-02', ['prices.csv']);
 */
export function resolveOut(
  out: string | undefined,
  force: boolean | undefined,
  base: string,
  inputs: string[],
  outside: string[] = [],
): string {
  const dir = out ?? uniqueDir(base);
  checkOutDir(dir, { inputs, force, outside });
  if (force && fs.existsSync(dir)) process.stderr.write(`note: --force: replacing the earlier output in ${dir}\n`);
  return dir;
}

/**
 * Write an output folder atomically with its marker (listing every entry written); `fill` writes the rest into
 * the temporary folder. Every command writes its output folder through here, after {@link resolveOut}.
 *
 * @throws Whatever `fill` or the file system throws; nothing is left behind then.
 * @example
 * await writeOutput('reports/run', 'detect', (tmp) => fs.writeFileSync(path.join(tmp, 'result.json'), '{}'));
 */
export async function writeOutput(
  out: string,
  command: string,
  fill: (tmp: string) => Promise<void> | void,
): Promise<void> {
  await writeMarkedDir(out, command, VERSION, fill);
}
