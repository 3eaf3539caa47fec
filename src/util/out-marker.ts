import * as fs from 'fs';
import * as path from 'path';
import { writeDirAtomic } from './atomic';

/** The marker file every output folder of lstm-anomaly carries: the tool, version, command and what it wrote. */
export const OUT_MARKER = '.lstm-anomaly';

/** The marker's content. `files` (every entry written, folders ending in `/`) is absent in older outputs. */
export interface OutMarker {
  tool: 'lstm-anomaly';
  version: string;
  command: string;
  files?: string[];
}

/**
 * Every entry under a folder, relative with `/` separators, folders ending in `/`, sorted; the marker itself and
 * symlinks' targets are not listed (a symlink is one entry).
 *
 * @throws Error when the folder cannot be read.
 * @example
 * entriesUnder('reports/run'); // ['anomalies.csv', 'model/', 'model/model.json', ...]
 */
export function entriesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (r === OUT_MARKER) continue;
      if (e.isDirectory()) {
        out.push(`${r}/`);
        walk(r);
      } else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * The marker of a folder, or null when it has none (or one that is not lstm-anomaly's).
 *
 * @throws never.
 * @example
 * readMarker('reports/run')?.command; // 'detect'
 */
export function readMarker(dir: string): OutMarker | null {
  try {
    const file = path.join(dir, OUT_MARKER);
    if (!fs.lstatSync(file).isFile()) return null;
    const m = JSON.parse(fs.readFileSync(file, 'utf8')) as OutMarker;
    return m && typeof m === 'object' && m.tool === 'lstm-anomaly' ? m : null;
  } catch {
    return null;
  }
}

/**
 * The marker file's text for an output folder written by `command` (of lstm-anomaly `version`) holding `files`.
 *
 * @example
 * fs.writeFileSync(path.join(tmp, OUT_MARKER), markerText('detect', '0.1.0', entriesUnder(tmp)));
 */
export function markerText(command: string, version: string, files?: string[]): string {
  return `${JSON.stringify({ tool: 'lstm-anomaly', version, command, ...(files ? { files } : {}) })}\n`;
}

/**
 * Write an output folder atomically (nothing half-written; an existing folder is replaced only on success);
 * `fill` writes into the temporary folder, then the marker lists every entry written. The one writer of output
 * folders: the CLI reaches it through `src/cli/out-dir.ts` (which checks `--out` first), a scan through
 * `src/scan/output.ts`. `version` is lstm-anomaly's (src/version.ts sits above util/).
 *
 * @throws Whatever `fill` or the file system throws; nothing is left behind then.
 * @example
 * await writeMarkedDir('reports/run', 'detect', VERSION, (tmp) => fs.writeFileSync(path.join(tmp, 'a.json'), '{}'));
 */
export async function writeMarkedDir(
  out: string,
  command: string,
  version: string,
  fill: (tmp: string) => Promise<void> | void,
): Promise<void> {
  await writeDirAtomic(out, async (tmp) => {
    await fill(tmp);
    fs.writeFileSync(path.join(tmp, OUT_MARKER), markerText(command, version, entriesUnder(tmp)));
    const ms = Number(process.env.LSTM_ANOMALY_TEST_PAUSE_WRITE ?? 0);
    if (ms > 0) await new Promise((r) => setTimeout(r, ms));
  });
}
