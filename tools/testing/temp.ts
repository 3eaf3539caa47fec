import { after, type TestContext } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/**
 * A new folder in the system temp folder (`<prefix>XXXXXX`), removed with everything in it, passed or failed, once
 * the tests of the file are done (at top level), or the test `t` is (inside a test: node:test's `after` does not
 * reach there).
 *
 * @throws Error when the folder cannot be made.
 * @example
 * const work = tempDir('lstm-anomaly-cli-'); // at the top of a test file
 * test('x', (t) => { const dir = tempDir('lstm-anomaly-x-', t); });
 */
export function tempDir(prefix: string, t?: TestContext): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  if (t) t.after(remove);
  else after(remove);
  return dir;
}
