import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { execFileSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { priceCsv, runCli, startCli } from '../../../tools/testing/cli';

// Real CLI runs: evaluate (and evaluate --compare, scan, detect) never lose anything at --out, and command-level
// mistakes are errors. zscore needs no training, so most runs take well under a second.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-evout-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const FAST = ['--detector', 'zscore', '--window', '10'];

/** A hash of every path, mode and content under a folder (the folder itself included). */
function hashTree(dir: string): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    const st = fs.lstatSync(p);
    h.update(`${path.relative(work, p)}:${st.mode}\n`);
    if (st.isSymbolicLink()) h.update(fs.readlinkSync(p));
    else if (st.isDirectory()) for (const e of fs.readdirSync(p).sort()) walk(path.join(p, e));
    else h.update(fs.readFileSync(p));
  };
  walk(dir);
  return h.digest('hex');
}

priceCsv(path.join(work, 'nab', 's', 'a.csv'), { rows: 120, shock: 30 });
priceCsv(path.join(work, 'nab', 's', 'b.csv'), { rows: 120, phase: 1 });
const LABELS = path.join(work, 'nab', 'windows.json');
fs.writeFileSync(LABELS, JSON.stringify({ 's/a.csv': [['2020-04-12', '2020-04-18']], 's/b.csv': [] }));
fs.mkdirSync(path.join(work, 'foreign'));
fs.writeFileSync(path.join(work, 'foreign', 'thesis.txt'), 'years of work\n');
fs.writeFileSync(path.join(work, 'notes.txt'), 'a file\n');
const EVAL = ['evaluate', 'nab', '--labels', LABELS, ...FAST];

/** Assert a refused run: `code`, one error line matching `msg`, no stack, and the work folder unchanged. */
async function refused(args: string[], msg: RegExp, cwd = work, code = 2): Promise<string> {
  // exit 2: refused before any file ran; exit 1: every file ran and failed
  const before = hashTree(work);
  const r = await runCli(args, cwd);
  assert.equal(r.code, code, r.err);
  const errors = r.err.split('\n').filter((l) => l.startsWith('error: '));
  assert.equal(errors.length, 1, r.err);
  assert.match(errors[0], msg);
  assert.doesNotMatch(r.err, code === 2 ? /\n\s+at |\[#/ : /\n\s+at /, 'no stack (exit 2: before any file ran)');
  assert.equal(hashTree(work), before, 'nothing existing changed, nothing new left');
  return errors[0];
}

for (const cmp of [[], ['--compare', 'zscore,pca']]) {
  const name = cmp.length ? 'evaluate --compare' : 'evaluate';
  test(`${name} --out: a foreign folder, the data folder, a file, the current folder are refused`, async () => {
    await refused([...EVAL, ...cmp, '--out', 'foreign'], /--out foreign: is not empty and not an output/);
    await refused([...EVAL, ...cmp, '--out', 'foreign', '--force'], /--out foreign: is not empty and not an output/);
    await refused([...EVAL, ...cmp, '--out', 'nab'], /--out nab: holds the input/);
    await refused([...EVAL, ...cmp, '--out', 'nab/s/run'], /--out nab\/s\/run: lies inside the input folder nab/);
    await refused([...EVAL, ...cmp, '--out', 'notes.txt'], /--out notes\.txt: is a file/);
    await refused([...EVAL, ...cmp, '--out', '.'], /--out \.: is the current directory/);
    await refused([...EVAL, ...cmp, '--out', 'notes.txt/run'], /notes\.txt is a file, not a directory/);
  });
}

test('evaluate --out in a read-only place is refused before any file runs', async (t) => {
  if (process.getuid?.() === 0) {
    // As root a mode of 555 does not stop writing: /sys (read-only in containers) is the read-only place.
    try {
      fs.mkdirSync('/sys/lstm-anomaly-probe');
      fs.rmdirSync('/sys/lstm-anomaly-probe');
      return t.skip('running as root with a writable /sys: no read-only place to test');
    } catch {
      return void (await refused([...EVAL, '--out', '/sys/lstm-anomaly-run'], /cannot write in \/sys/));
    }
  }
  const ro = path.join(work, 'ro');
  fs.mkdirSync(ro, { mode: 0o555 });
  t.after(() => fs.rmSync(ro, { recursive: true, force: true }));
  await refused([...EVAL, '--out', 'ro/run'], /--out ro\/run: cannot write in .*ro \(EACCES\)/);
});

test('evaluate: a new default folder per run (-2), --force for its own earlier output only', async () => {
  const cwd = fs.mkdtempSync(path.join(work, 'def-'));
  fs.symlinkSync(path.join(work, 'nab'), path.join(cwd, 'nab'));
  for (let i = 0; i < 2; i++) assert.equal((await runCli([...EVAL, '--quiet'], cwd)).code, 0);
  const made = fs.readdirSync(path.join(cwd, 'reports')).sort();
  assert.match(made[0], /^evaluation-\d{4}-\d\d-\d\d$/);
  assert.deepEqual(made, [made[0], `${made[0]}-2`]);
  const first = path.join(cwd, 'reports', made[0]);
  const marker = JSON.parse(fs.readFileSync(path.join(first, '.lstm-anomaly'), 'utf8'));
  assert.deepEqual(marker.files, ['evaluation.csv', 'evaluation.html', 'evaluation.json']);
  assert.equal(marker.command, 'evaluate');
  const out = path.join('reports', made[0]);
  await refused([...EVAL, '--out', out], /holds an earlier output of lstm-anomaly; --force replaces/, cwd);
  const f = await runCli([...EVAL, '--out', out, '--force'], cwd);
  assert.equal(f.code, 0, f.err);
  assert.match(f.err, /--force: replacing the earlier output/);
  // a file the user added makes it another folder: --force no longer replaces it
  fs.writeFileSync(path.join(first, 'my-notes.txt'), 'mine\n');
  await refused(
    [...EVAL, '--out', out, '--force'],
    /holds files lstm-anomaly did not write \(my-notes\.txt\); choose a new folder/,
    cwd,
  );
});

test('scan, detect and score: --force never replaces an earlier output holding files the user added', async () => {
  fs.mkdirSync(path.join(work, 'old', 'AAA'), { recursive: true });
  const files = ['AAA/', 'AAA/result.json', 'summary.csv'];
  fs.writeFileSync(path.join(work, 'old', 'AAA', 'result.json'), '{}');
  fs.writeFileSync(path.join(work, 'old', 'summary.csv'), 'series\n');
  fs.writeFileSync(
    path.join(work, 'old', '.lstm-anomaly'),
    JSON.stringify({ tool: 'lstm-anomaly', command: 'scan', files }),
  );
  fs.writeFileSync(path.join(work, 'old', 'AAA', 'added.txt'), 'mine\n');
  const why = /--out old: holds files lstm-anomaly did not write \(AAA\/added\.txt\)/;
  await refused(['scan', '--csv-dir', 'nab/s', '--out', 'old', '--epochs', '1'], why);
  await refused(['scan', '--csv-dir', 'nab/s', '--out', 'old', '--force', '--epochs', '1'], why);
  await refused(['--csv', 'nab/s/a.csv', '--out', 'old', '--force', '--epochs', '1'], why);
  await refused(['score', '--model', 'm', '--csv', 'nab/s/a.csv', '--out', 'old', '--force'], why);
  fs.rmSync(path.join(work, 'old', 'AAA', 'added.txt'));
  await refused(
    ['scan', '--csv-dir', 'nab/s', '--out', 'old', '--epochs', '1'],
    /--out old: holds an earlier output of lstm-anomaly; --force replaces/,
  );
});

test('evaluate: malformed labels, a JSON array, a folder as --labels: exit 2, one line, nothing written', async () => {
  fs.writeFileSync(path.join(work, 'bad.json'), '{"s/a.csv": [[');
  fs.writeFileSync(path.join(work, 'array.json'), '[["2020-01-01", "2020-01-02"]]');
  const ev = (labels: string) => ['evaluate', 'nab', '--labels', labels, ...FAST, '--out', 'lab'];
  await refused(ev('bad.json'), /^error: bad\.json: malformed JSON \(/);
  await refused(
    ev('array.json'),
    /^error: array\.json: expected an object \{"file\.csv": \[\[start, end\], \.\.\.\]\}$/,
  );
  await refused(ev('nab'), /^error: --labels nab: is a folder, not a label file/);
  await refused(ev('none.json'), /^error: --labels: cannot read none\.json \(ENOENT\)$/);
});

test('evaluate: label keys that match no file are named; every file failing exits 1 with the count', async () => {
  fs.writeFileSync(path.join(work, 'extra.json'), JSON.stringify({ 's/a.csv': [], 'b.csv': [], 'gone.csv': [] }));
  const r = await runCli(['evaluate', 'nab', '--labels', 'extra.json', ...FAST, '--out', 'extra'], work);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /^warning: --labels extra\.json: 1 key matches no CSV file under nab: gone\.csv$/m);
  // duplicate dates in every file (as NAB's files without --order keep): each fails, exit 1, nothing written
  for (const n of ['x', 'y']) {
    fs.mkdirSync(path.join(work, 'dup', n), { recursive: true });
    fs.writeFileSync(path.join(work, 'dup', n, 'd.csv'), 'Date,Close\n2020-01-01,1\n2020-01-01,2\n');
  }
  fs.writeFileSync(path.join(work, 'dup.json'), JSON.stringify({ 'x/d.csv': [], 'y/d.csv': [] }));
  const line = await refused(
    ['evaluate', 'dup', '--labels', 'dup.json', ...FAST, '--out', 'dupout'],
    /^error: evaluate: every file failed \(2 of 2\); nothing written; first: x\/d\.csv: .*duplicate dates/,
    work,
    1,
  );
  assert.match(line, /--order keep/);
});

test('evaluate: file names reach the terminal without escapes and summary cells are no formulas', async () => {
  const dir = path.join(work, 'odd');
  priceCsv(path.join(dir, 's', '\u001b[31mred.csv'), { rows: 120, shock: 30 });
  priceCsv(path.join(dir, '=HYPERLINK(x).csv'), { rows: 120 });
  const keys = { 's/\u001b[31mred.csv': [], '=HYPERLINK(x).csv': [] };
  fs.writeFileSync(path.join(work, 'odd.json'), JSON.stringify(keys));
  const r = await runCli(['evaluate', 'odd', '--labels', 'odd.json', ...FAST, '--out', 'oddout'], work);
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.err, /\u001b/);
  assert.match(r.err, /\] \d\/2 s\/red\.csv: tp 0/);
  const csv = fs.readFileSync(path.join(work, 'oddout', 'evaluation.csv'), 'utf8');
  assert.match(csv, /^'=HYPERLINK\(x\)\.csv,\.,/m);
});

test("scan's progress and detect's report line carry no escape from a file or folder name", async () => {
  const { ScanProgressView } = await import('../scan/scan-progress');
  let text = '';
  const sink = { write: (t: string) => (text += t) } as unknown as NodeJS.WritableStream;
  const view = new ScanProgressView('lines', 1, 0, sink);
  view.info('\u001b]0;title\u0007loading \u001b[31mRED');
  const item = { id: 'x', name: '\u001b[2JRED', ok: false as const, error: 'bad\u001b[0m\nrow', seconds: 0 };
  view.update({ total: 1, done: 0, failed: 1, running: 0, etaSeconds: 0, last: item });
  assert.doesNotMatch(text, /\u001b|\u0007/);
  assert.match(text, /^loading RED\n\[1\/1 .*\] RED: failed: bad row\n$/);
  const r = await runCli(['--csv', 'nab/s/a.csv', ...FAST, '--out', '\u001b[31mred-run'], work);
  assert.equal(r.code, 0, r.err);
  assert.doesNotMatch(r.err, /\u001b/);
  assert.match(r.err, /^report: red-run\/report\.html$/m);
});

for (const [sig, exit] of [
  ['SIGTERM', 143],
  ['SIGINT', 130],
] as const) {
  test(`${sig} to evaluate --jobs 2: children stopped first, finished files written, exit ${exit}`, async () => {
    const dir = path.join(work, `slow-${sig}`, 's');
    priceCsv(path.join(dir, 'a.csv'), { rows: 60, shock: 30 });
    priceCsv(path.join(dir, 'b.csv'), { rows: 3000 });
    priceCsv(path.join(dir, 'c.csv'), { rows: 3000, phase: 1 });
    fs.writeFileSync(path.join(work, 'slow.json'), JSON.stringify({ 's/a.csv': [], 's/b.csv': [], 's/c.csv': [] }));
    const out = `sig-${sig}`;
    const train = ['--window', '10', '--units', '8', '--epochs', '1000', '--patience', '0'];
    const p = startCli(
      ['evaluate', `slow-${sig}`, '--labels', 'slow.json', ...train, '--jobs', '2', '--out', out],
      work,
    );
    await p.waitFor(/1\/3 s\/a\.csv: tp/, 'err', 120000);
    const children = execFileSync('ps', ['-o', 'pid=', '--ppid', String(p.proc.pid)], { encoding: 'utf8' })
      .split('\n')
      .filter((s) => s.trim())
      .map(Number);
    assert.ok(children.length >= 1, 'a child still training');
    p.proc.kill(sig);
    const r = await p.done;
    assert.equal(r.code, exit, r.err);
    assert.doesNotMatch(r.err, /ERR_IPC|Error \[|\n\s+at /);
    const alive = children.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    assert.deepEqual(alive, [], 'no child left training');
    const j = JSON.parse(fs.readFileSync(path.join(work, out, 'evaluation.json'), 'utf8'));
    assert.equal(j.stopped, sig);
    assert.deepEqual(
      j.files.map((f: { file: string }) => f.file),
      ['s/a.csv'],
    );
    assert.ok(!fs.readdirSync(work).some((n) => n.startsWith(`.${out}.tmp`)), 'no temporary folder left');
  });
}
