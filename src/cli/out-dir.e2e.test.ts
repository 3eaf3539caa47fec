import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tempDir } from '../../tools/testing/temp';

// Real CLI runs: every --out that would lose something is refused with exit 2 before any work, and nothing
// existing changes (each folder is hashed before and after).
const MAIN = path.join(__dirname, 'main.js');
const work = tempDir('lstm-anomaly-out-');
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu'];
const ENV = { ...process.env, LSTM_ANOMALY_OFFLINE: '1' };

function run(args: string[], cwd = work, env: NodeJS.ProcessEnv = ENV) {
  const r = spawnSync(process.execPath, [MAIN, ...args], { cwd, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** A hash of every path, mode and content under a folder (the folder itself included). */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    h.update(`${path.relative(work, p)}:${st.mode}\n`);
    if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else h.update(fs.readFileSync(p));
  };
  walk(dir);
  return h.digest('hex');
}

const rows = Array.from({ length: 120 }, (_, i) => {
  const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return `${d},${(100 + 5 * Math.sin(i / 6) + (i > 100 && i < 104 ? 30 : 0)).toFixed(3)}`;
});
fs.mkdirSync(path.join(work, 'data'));
const CSV = path.join(work, 'data', 'p.csv');
fs.writeFileSync(CSV, `${['Date,Close', ...rows].join('\n')}\n`);
fs.mkdirSync(path.join(work, 'foreign'));
fs.writeFileSync(path.join(work, 'foreign', 'thesis.txt'), 'years of work\n');
fs.writeFileSync(path.join(work, 'notes.txt'), 'a file\n');

/** Assert a refused run: exit 2, one error line matching `msg`, no stack, and the work folder unchanged. */
function refused(args: string[], msg: RegExp, cwd = work): void {
  const before = hashTree(work);
  const r = run([...args, ...TINY], cwd);
  assert.equal(r.code, 2, r.err);
  const errors = r.err.split('\n').filter((l) => l.startsWith('error: '));
  assert.equal(errors.length, 1, r.err);
  assert.match(errors[0], msg);
  assert.doesNotMatch(r.err, /\n\s+at |epoch +1/, 'refused before training, no stack');
  assert.equal(hashTree(work), before, 'nothing existing changed, nothing new left');
}

const FORCE = /--force replaces an earlier output of lstm-anomaly, and only that/;
test('--out at a foreign non-empty folder is refused, naming it and what --force does', () => {
  refused(['--csv', CSV, '--out', 'foreign'], /--out foreign: is not empty and not an output of lstm-anomaly/);
  refused(['--csv', CSV, '--out', 'foreign'], FORCE);
});
test('--force never replaces a foreign folder', () => {
  refused(['--csv', CSV, '--out', 'foreign', '--force'], /--out foreign: is not empty and not an output/);
});
test('--out at a file is refused', () => refused(['--csv', CSV, '--out', 'notes.txt'], /--out notes\.txt: is a file/));
test('--out at the current directory is refused', () =>
  refused(['--csv', CSV, '--out', '.'], /--out \.: is the current directory/));
test('--out at a parent of the current directory is refused', () => {
  refused(['--csv', CSV, '--out', '..'], /--out \.\.: is the current directory or holds it/, path.join(work, 'data'));
});
test("--out at the input file's folder is refused", () =>
  refused(['--csv', CSV, '--out', 'data'], /--out data: holds the input/));
test('--out at a folder holding the input deeper down is refused', () => {
  refused(['--csv', CSV, '--out', work], /holds the input/, os.tmpdir());
});
test('--out as an empty string is refused', () => refused(['--csv', CSV, '--out', ''], /--out: empty path/));
test('--out under a file is refused', () =>
  refused(['--csv', CSV, '--out', 'notes.txt/run'], /notes\.txt is a file, not a directory/));
test('--out in a read-only place is refused before training', (t) => {
  const ro = path.join(work, 'ro');
  fs.mkdirSync(ro);
  fs.chmodSync(ro, 0o555);
  t.after(() => fs.chmodSync(ro, 0o755));
  let probe = true;
  try {
    fs.mkdirSync(path.join(ro, 'x'));
    fs.rmdirSync(path.join(ro, 'x'));
  } catch {
    probe = false;
  }
  // As root a mode of 555 does not stop writing: /sys (a read-only file system in containers) is the read-only place.
  if (!probe) return refused(['--csv', CSV, '--out', 'ro/run'], /--out ro\/run: cannot write in .*ro \(EACCES\)/);
  const sys = spawnSync('mkdir', ['/sys/lstm-anomaly-probe']);
  if (sys.status === 0) return t.skip('running as root with a writable /sys: no read-only place to test');
  refused(['--csv', CSV, '--out', '/sys/lstm-anomaly-run'], /--out \/sys\/lstm-anomaly-run: cannot write in \/sys/);
});

test('--force replaces an earlier output of this tool; without it that output is refused', () => {
  const r = run(['--csv', CSV, '--out', 'own', ...TINY]);
  assert.equal(r.code, 0, r.err);
  assert.match(fs.readFileSync(path.join(work, 'own', '.lstm-anomaly'), 'utf8'), /"tool":"lstm-anomaly"/);
  refused(['--csv', CSV, '--out', 'own'], /--out own: holds an earlier output of lstm-anomaly; --force replaces/);
  fs.writeFileSync(path.join(work, 'own', 'result.json'), '{"old":true}');
  const f = run(['--csv', CSV, '--out', 'own', '--force', ...TINY]);
  assert.equal(f.code, 0, f.err);
  assert.notEqual(fs.readFileSync(path.join(work, 'own', 'result.json'), 'utf8'), '{"old":true}');
});

test('the default output folder is new on every run: <name>-<date>, then -2, -3', () => {
  const cwd = fs.mkdtempSync(path.join(work, 'def-'));
  for (let i = 0; i < 3; i++) assert.equal(run(['--csv', CSV, '--quiet', ...TINY], cwd).code, 0);
  const made = fs.readdirSync(path.join(cwd, 'reports')).sort();
  assert.equal(made.length, 3);
  assert.match(made[0], /^p-\d{4}-\d\d-\d\d$/);
  assert.deepEqual(made.slice(1), [`${made[0]}-2`, `${made[0]}-3`]);
});

test('a failed run removes every folder it created, parents included', () => {
  const before = hashTree(work);
  // The window is longer than the data: refused after loading, before training; a/b/c must not appear.
  const r = run(['--csv', CSV, '--out', 'a/b/c', ...TINY.slice(0, 4), '--window', '500']);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /too few rows/);
  assert.equal(hashTree(work), before);
});

for (const [sig, exit] of [
  ['SIGINT', 130],
  ['SIGTERM', 143],
] as const) {
  test(`${sig} while the output is written removes the hidden temporary folder`, async () => {
    const cwd = fs.mkdtempSync(path.join(work, 'sig-'));
    const child = spawn(process.execPath, [MAIN, '--csv', CSV, '--out', 'x/run', ...TINY], {
      cwd,
      env: { ...ENV, LSTM_ANOMALY_TEST_PAUSE_WRITE: '20000' },
    });
    let err = '';
    const seenTmp = await new Promise<boolean>((resolve) => {
      const timer = setInterval(() => {
        const x = path.join(cwd, 'x');
        if (fs.existsSync(x) && fs.readdirSync(x).some((f) => f.startsWith('.run.tmp-'))) {
          clearInterval(timer);
          resolve(true);
        }
      }, 50);
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', () => resolve(false));
    });
    assert.ok(seenTmp, `the run reached writing: ${err}`);
    child.kill(sig);
    const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    assert.equal(code, exit);
    assert.deepEqual(fs.readdirSync(cwd), [], 'the temporary folder and the parent x/ it created are gone');
  });
}

test('a closed stdout and stderr (| head) never lose the run', async () => {
  const cwd = fs.mkdtempSync(path.join(work, 'pipe-'));
  const child = spawn(process.execPath, [MAIN, '--csv', CSV, '--out', 'run', ...TINY], { cwd, env: ENV });
  child.stdout.destroy();
  child.stderr.destroy();
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  assert.equal(code, 0);
  assert.deepEqual(fs.readdirSync(path.join(cwd, 'run')).sort(), [
    '.lstm-anomaly',
    'anomalies.csv',
    'events.csv',
    'model',
    'report.html',
    'result.json',
  ]);
});
