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

/**
 * Build a directory in a temporary sibling, then move it into place; on failure nothing is left behind and an
 * existing directory of that name is untouched. On success an existing directory is replaced.
 *
 * @example
 * await writeDirAtomic('reports/run', async (tmp) => fs.writeFileSync(path.join(tmp, 'a.txt'), 'x'));
 */
export async function writeDirAtomic(dir: string, fill: (tmp: string) => Promise<void> | void): Promise<void> {
  const parent = path.dirname(path.resolve(dir));
  const createdParent = !fs.existsSync(parent);
  fs.mkdirSync(parent, { recursive: true });
  const tmp = path.join(parent, `.${path.basename(dir)}.tmp-${process.pid}-${Date.now()}`);
  fs.mkdirSync(tmp);
  try {
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
    if (createdParent) fs.rmSync(parent, { recursive: true, force: true });
    throw e;
  }
}
