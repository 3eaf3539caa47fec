import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jsonChild } from './json-child';

test('jsonChild: the JSON of the last line, --json passed first; undefined when the script fails', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'json-child-'));
  try {
    const ok = path.join(dir, 'ok.js');
    fs.writeFileSync(ok, "console.log('warming up');\nconsole.log(JSON.stringify({ args: process.argv.slice(2) }));\n");
    assert.deepEqual(jsonChild<{ args: string[] }>(ok, ['--rows', '5'], 'ok'), { args: ['--json', '--rows', '5'] });
    const bad = path.join(dir, 'bad.js');
    fs.writeFileSync(bad, "console.error('first');\nconsole.error('the reason');\nprocess.exit(1);\n");
    assert.equal(jsonChild(bad, [], 'bad'), undefined);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
