#!/usr/bin/env node
// Build: `tsc -p tsconfig.json` unless dist/.tsbuildinfo is newer than every file under src/, tools/, bench/ and
// tsconfig.json (then nothing changed and the compile is skipped), then the native kernels (build-native.js).

const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const info = path.join(root, 'dist', '.tsbuildinfo');

/** Newest modification time (ms) of a file, or of every file under a directory (0 when absent). */
function newest(p) {
  let st;
  try {
    st = fs.statSync(p);
  } catch {
    return 0;
  }
  if (!st.isDirectory()) return st.mtimeMs;
  let t = st.mtimeMs;
  for (const e of fs.readdirSync(p)) if (e !== 'node_modules') t = Math.max(t, newest(path.join(p, e)));
  return t;
}

function run(cmd, args) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.error) throw r.error;
  if (r.status !== 0) process.exit(r.status ?? 1);
}

/**
 * The compiler of the `typescript` devDependency. Not node_modules/.bin/tsc: tslab's own TypeScript (5.0) takes that
 * name, and its lib types differ (typed arrays are not generic there).
 */
function tscPath() {
  return require.resolve('typescript/bin/tsc', { paths: [root] });
}

// The compile counts as done only when its outputs exist too (a type-check writes no JavaScript).
const outputs = ['src/index.js', 'src/cli/main.js', 'tools/notebook/setup.js'].map((f) => path.join(root, 'dist', f));
const built = fs.existsSync(info) && outputs.every((f) => fs.existsSync(f)) ? fs.statSync(info).mtimeMs : 0;
const sources = Math.max(...['src', 'tools', 'bench', 'tsconfig.json'].map((p) => newest(path.join(root, p))));
if (built > sources) {
  if (process.env.LSTM_ANOMALY_BUILD_VERBOSE) process.stderr.write('build: dist is up to date, tsc skipped\n');
} else {
  run(process.execPath, [tscPath(), '-p', 'tsconfig.json']);
  // tsc leaves .tsbuildinfo untouched when its own check finds nothing to emit: mark this build as current.
  if (fs.existsSync(info)) fs.utimesSync(info, new Date(), new Date());
}
run(process.execPath, [path.join(__dirname, 'build-native.js')]);
