#!/usr/bin/env node
// `npm test` (after the build): execute the notebooks in fast mode on tslab (reports/*.html) and on Deno
// (reports/deno/*.html; `--no-deno` skips that pass), then run every compiled
// test file (dist/**/*.test.js) in one `node --test` run, the browser checks of those reports included.
// Node 20's test runner takes no glob, hence this script. Where Jupyter is missing the notebooks are skipped
// with a message; under CI (CI=true) that, like a missing Chromium, is a failure. The terminal gets a short
// summary (scripts/test-summary.js: each failure as it happens, the counts, the failures again with the first
// line of their error, then `N passed, N failed, N skipped`); the full spec report goes to reports/tests.log.
// The test files run with TMPDIR set to a new empty folder; whatever a test leaves there fails the run (a test
// cleans up after itself), and the folder is removed either way.

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = path.resolve(__dirname, '..');
const ci = !!process.env.CI && process.env.CI !== 'false';
const node = process.execPath;
const run = (args, env = process.env) => spawnSync(node, args, { cwd: root, stdio: 'inherit', env }).status;

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return testFiles(p);
    return e.name.endsWith('.test.js') ? [path.relative(root, p)] : [];
  });
}

let failed = 0;
if (process.argv.includes('--no-notebooks')) {
  console.log('notebooks: skipped (--no-notebooks)');
} else if (run(['dist/tools/notebook/setup.js', '--headless', '--no-install']) !== 0) {
  console.log('notebooks: skipped, Jupyter is not installed (see notebooks/README.md)');
  if (ci) failed++;
} else {
  console.log('notebooks: executing in fast mode on tslab -> reports/*.html');
  if (run(['dist/tools/notebook/report.js', '--fast']) !== 0) failed++;
  let deno = '';
  try {
    require(path.join(root, 'dist', 'tools', 'notebook', 'deno.js')).denoBinary(root);
  } catch (e) {
    deno = e.message;
  }
  if (process.argv.includes('--no-deno')) console.log('notebooks on Deno: skipped (--no-deno)');
  else if (deno) {
    console.log(`notebooks on Deno: skipped, ${deno}`);
    if (ci) failed++;
  } else {
    console.log('notebooks: executing in fast mode on Deno -> reports/deno/*.html');
    if (run(['dist/tools/notebook/report.js', '--fast', '--kernel', 'deno', '--out', 'reports/deno']) !== 0) failed++;
  }
}
const files = testFiles(path.join(root, 'dist')).sort();
const log = path.join('reports', 'tests.log');
fs.mkdirSync(path.join(root, 'reports'), { recursive: true });
console.log(`tests: ${files.length} files; full report -> ${log}`);
const reporters = ['--test-reporter=./scripts/test-summary.js', '--test-reporter-destination=stdout'];
reporters.push('--test-reporter=spec', `--test-reporter-destination=${log}`);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-tests-'));
if (run(['--test', '--test-concurrency=1', ...reporters, ...files], { ...process.env, TMPDIR: tmp }) !== 0) failed++;
const left = fs.readdirSync(tmp);
if (left.length) {
  const shown = left.slice(0, 10).join(', ') + (left.length > 10 ? ', ...' : '');
  console.log(`tests: ${left.length} temporary file(s) left behind in TMPDIR: ${shown}`);
  failed++;
}
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(failed ? 1 : 0);
