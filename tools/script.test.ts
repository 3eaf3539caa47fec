import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

// runScript in a child process: exit codes and the one-line error, for sync and async mains.
const run = (body: string) =>
  spawnSync(
    process.execPath,
    [
      '-e',
      `const { runScript } = require(${JSON.stringify(`${__dirname}/script`)});
const { InputError } = require(${JSON.stringify(`${__dirname}/../src/util/errors`)});
${body}`,
    ],
    { encoding: 'utf8' },
  );

test('runScript: exit code from main, sync or async; nothing means 0', () => {
  assert.equal(run("runScript('t', () => 3)").status, 3);
  assert.equal(run("runScript('t', async () => 4)").status, 4);
  assert.equal(run("runScript('t', () => {})").status, 0);
});

test('runScript: a thrown error is one line, exit 2 for InputError and 1 otherwise', () => {
  const bad = run("runScript('t', () => { throw new InputError('invalid window: 1'); })");
  assert.deepEqual([bad.status, bad.stderr], [2, 't: invalid window: 1\n']);
  const boom = run("runScript('t', async () => { throw new Error('boom'); })");
  assert.deepEqual([boom.status, boom.stderr], [1, 't: boom\n']);
});
