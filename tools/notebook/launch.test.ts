import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { COMMAND_ENV, commandOverride } from './launch';

const LAUNCHER = path.join(__dirname, 'launch.js');
/** A stand-in for the Jupyter server: writes its pid, then waits for ever (until a signal ends it). */
const STUB = "require('fs').writeFileSync(process.argv[1], String(process.pid)); setInterval(() => {}, 1000);";

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(cond: () => boolean, ms: number): Promise<boolean> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

test('commandOverride: unset is undefined, a JSON array is the command, anything else is refused', () => {
  assert.equal(commandOverride({}), undefined);
  assert.deepEqual(commandOverride({ [COMMAND_ENV]: '["node", "x.js"]' }), ['node', 'x.js']);
  for (const bad of ['node x.js', '[]', '[1]', '{"a":1}']) {
    assert.throws(() => commandOverride({ [COMMAND_ENV]: bad }), /must be a JSON array of strings/);
  }
});

for (const sig of ['SIGTERM', 'SIGINT'] as const) {
  test(`launcher: ${sig} stops the server it started, and the launcher exits`, async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-launch-'));
    const pidFile = path.join(dir, 'pid');
    const env = { ...process.env, [COMMAND_ENV]: JSON.stringify([process.execPath, '-e', STUB, pidFile]) };
    const launcher = spawn(process.execPath, [LAUNCHER], { env, stdio: 'ignore' });
    try {
      assert.ok(await until(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 20_000));
      const serverPid = Number(fs.readFileSync(pidFile, 'utf8'));
      assert.ok(alive(serverPid), 'the stub server runs');
      const exited = new Promise<number | null>((resolve) => launcher.on('exit', (code) => resolve(code)));
      launcher.kill(sig);
      const code = await exited;
      assert.equal(code, 128 + os.constants.signals[sig], 'exit code says which signal stopped the server');
      assert.ok(await until(() => !alive(serverPid), 5_000), `server ${serverPid} is gone after ${sig}`);
    } finally {
      if (launcher.exitCode === null) launcher.kill('SIGKILL');
      const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : 0;
      if (pid && alive(pid)) process.kill(pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('launcher under `sh -c "build && node launch.js"` (as npm run jupyter): SIGTERM to the shell stops the server', {
  skip: fs.existsSync('/bin/sh') ? false : 'no /bin/sh',
}, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-launch-'));
  const pidFile = path.join(dir, 'pid');
  const env = { ...process.env, [COMMAND_ENV]: JSON.stringify([process.execPath, '-e', STUB, pidFile]) };
  // the shell waits on the launcher (an `&&` list is not exec'd), and dies on SIGTERM without passing it on
  const shell = spawn('/bin/sh', ['-c', `true && "${process.execPath}" "${LAUNCHER}"`], { env, stdio: 'ignore' });
  let serverPid = 0;
  try {
    assert.ok(await until(() => fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8') !== '', 20_000));
    serverPid = Number(fs.readFileSync(pidFile, 'utf8'));
    assert.ok(alive(serverPid), 'the stub server runs');
    const exited = new Promise((resolve) => shell.on('exit', resolve));
    shell.kill('SIGTERM');
    await exited;
    assert.ok(await until(() => !alive(serverPid), 5_000), `server ${serverPid} is gone after the shell's SIGTERM`);
  } finally {
    if (shell.exitCode === null) shell.kill('SIGKILL');
    if (serverPid && alive(serverPid)) process.kill(serverPid, 'SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
