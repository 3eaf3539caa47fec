import * as fs from 'fs';
import * as path from 'path';

/**
 * Write a file through a temporary sibling and a rename, so readers never see half a file.
 *
 * @example
 * writeFileAtomic('out/result.json', JSON.stringify(result));
 */
export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}

/** The first missing directory on the way to `dir` (the one `mkdir -p` would create first), or null. */
function firstMissing(dir: string): string | null {
  let missing: string | null = null;
  for (let d = dir; !fs.existsSync(d) && path.dirname(d) !== d; d = path.dirname(d)) missing = d;
  return missing;
}

/** Temporary folders being filled now: removed when the process gets SIGINT or SIGTERM. */
const pending = new Set<string>();

function onSignal(sig: NodeJS.Signals): void {
  for (const p of pending) fs.rmSync(p, { recursive: true, force: true });
  pending.clear();
  process.exit(sig === 'SIGINT' ? 130 : 143);
}

function track(p: string): void {
  if (pending.size === 0) for (const s of ['SIGINT', 'SIGTERM'] as const) process.on(s, onSignal);
  pending.add(p);
}

function untrack(p: string): void {
  pending.delete(p);
  if (pending.size === 0) for (const s of ['SIGINT', 'SIGTERM'] as const) process.off(s, onSignal);
}

/**
 * Build a directory in a temporary sibling, then move it into place; on failure (or SIGINT/SIGTERM while it is
 * filled) the temporary folder and every parent this call created are removed, and an existing directory of that
 * name is untouched. On success an existing directory is replaced (callers decide whether it may be).
 *
 * @throws Whatever `fill` throws, or the file system's error; nothing is left behind then.
 * @example
 * await writeDirAtomic('reports/run', async (tmp) => fs.writeFileSync(path.join(tmp, 'a.txt'), 'x'));
 */
export async function writeDirAtomic(dir: string, fill: (tmp: string) => Promise<void> | void): Promise<void> {
  const parent = path.dirname(path.resolve(dir));
  const created = firstMissing(parent);
  const tmp = path.join(parent, `.${path.basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  track(created ?? tmp);
  try {
    fs.mkdirSync(parent, { recursive: true });
    fs.mkdirSync(tmp);
    await fill(tmp);
    if (fs.existsSync(dir)) {
      const old = path.join(parent, `.${path.basename(dir)}.old-${process.pid}-${Date.now()}`);
      fs.renameSync(dir, old);
      fs.renameSync(tmp, dir);
      fs.rmSync(old, { recursive: true, force: true });
    } else {
      fs.renameSync(tmp, dir);
    }
  } catch (e) {
    fs.rmSync(tmp, { recursive: true, force: true });
    if (created) fs.rmSync(created, { recursive: true, force: true });
    throw e;
  } finally {
    untrack(created ?? tmp);
  }
}
