import * as fs from 'fs';
import * as path from 'path';
import { writeDirAtomic } from '../util/atomic';
import { InputError } from '../util/errors';
import { VERSION } from '../version';

/** The marker file every output folder of this tool carries (its content names the tool and version). */
export const OUT_MARKER = '.lstm-anomaly';

/** What a folder written by this tool can hold (an older output without the marker is recognised by these). */
const OWN_ENTRIES = new Set([OUT_MARKER, 'result.json', 'scores.json', 'anomalies.csv', 'report.html', 'model']);

/**
 * The marker file's text for an output folder written by `command`.
 *
 * @example
 * fs.writeFileSync(path.join(tmp, OUT_MARKER), markerText('detect'));
 */
export function markerText(command: string): string {
  return `${JSON.stringify({ tool: 'lstm-anomaly', version: VERSION, command })}\n`;
}

/**
 * True when a directory is an earlier output of this tool: it has the marker, or (older outputs) result.json or
 * scores.json and nothing this tool does not write.
 *
 * @example
 * isOwnOutput('reports/sp500-2026-12-02'); // true after a detect run wrote it
 */
export function isOwnOutput(dir: string): boolean {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return false;
  }
  if (names.includes(OUT_MARKER) && fs.statSync(path.join(dir, OUT_MARKER)).isFile()) return true;
  return (names.includes('result.json') || names.includes('scores.json')) && names.every((n) => OWN_ENTRIES.has(n));
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
  if (st && fs.readdirSync(abs).length > 0) {
    if (!isOwnOutput(abs)) {
      const why = 'is not empty and not an output of lstm-anomaly; choose a new folder';
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
 * Test hook: with `LSTM_ANOMALY_TEST_PAUSE_WRITE=ms` the writing of an output folder pauses that long, so a test
 * can send a signal while the temporary folder exists. A no-op otherwise.
 */
export async function testPauseWrite(): Promise<void> {
  const ms = Number(process.env.LSTM_ANOMALY_TEST_PAUSE_WRITE ?? 0);
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
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
): string {
  const dir = out ?? uniqueDir(base);
  checkOutDir(dir, { inputs, force });
  if (force && fs.existsSync(dir)) process.stderr.write(`note: --force: replacing the earlier output in ${dir}\n`);
  return dir;
}

/**
 * Write an output folder atomically with its marker; `fill` writes the rest into the temporary folder.
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
  await writeDirAtomic(out, async (tmp) => {
    fs.writeFileSync(path.join(tmp, OUT_MARKER), markerText(command));
    await fill(tmp);
    await testPauseWrite();
  });
}
