#!/usr/bin/env node
// `npm run build:native` (also run by `npm install` and `npm run build`): compile the engine's kernels as a
// native Node addon, src/model/kernels/kernels-native.c (with kernels-avx512.h and the opt-in bf16 products of
// kernels-avx512-bf16.h: every build of the products in one file, by target attribute; its Node-API glue in
// kernels-napi.h, generated from the list of the kernels, kernels-list.h) ->
// build/kernels-native.node, with the system's C compiler (cc, gcc or clang; $CC first) and Node's own C headers
// (node_api.h). No node-gyp, no download.
//
// Optional by design: where there is no compiler, no headers, or the CPU is not x86-64, it prints why and exits
// 0, and the engine runs its WebAssembly kernels (the same bits, slower). `--strict` exits 1 instead (CI, where
// the native build must work). Up to date (the SHA-256 of the sources matches build/kernels-native.sha256): a
// no-op. Written to a temporary file, then renamed: a failed build never leaves half an addon.

const { spawnSync } = require('child_process');
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');
const srcDir = path.join(root, 'src', 'model', 'kernels');
const sources = [
  'kernels-native.c',
  'kernels-avx512.h',
  'kernels-avx512-bf16.h',
  'kernels-wide.h',
  'kernels-tn.h',
  'wasm-shim.h',
  'kernels-list.h',
  'kernels-napi.h',
  'kernels.c',
].map((f) => path.join(srcDir, f));
const outDir = path.join(root, 'build');
const out = path.join(outDir, 'kernels-native.node');
const stamp = path.join(outDir, 'kernels-native.sha256');
const strict = process.argv.includes('--strict');

function skip(reason) {
  console.log(`build:native: skipped (${reason}); the engine uses its WebAssembly kernels`);
  process.exit(strict ? 1 : 0);
}

const hash = crypto.createHash('sha256');
for (const s of sources) hash.update(fs.readFileSync(s));
const digest = hash.digest('hex');
if (fs.existsSync(out) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8').trim() === digest) {
  if (strict) console.log(`build:native: ${path.relative(process.cwd(), out)} is up to date`);
  process.exit(0);
}

if (process.arch !== 'x64') skip(`the native kernels are x86-64 (AVX2 + FMA); this is ${process.arch}`);
if (process.platform === 'win32') skip('no build on Windows yet');

const compilers = [process.env.CC, 'cc', 'gcc', 'clang'].filter(Boolean);
const cc = compilers.find((c) => spawnSync(c, ['--version']).status === 0);
if (!cc) skip('no C compiler: install gcc or clang');

const headerDirs = [
  process.env.npm_config_nodedir && path.join(process.env.npm_config_nodedir, 'include', 'node'),
  path.resolve(path.dirname(process.execPath), '..', 'include', 'node'),
  '/usr/include/node',
  '/usr/local/include/node',
].filter(Boolean);
const include = headerDirs.find((d) => fs.existsSync(path.join(d, 'node_api.h')));
if (!include) skip(`Node's C headers (node_api.h) not found in ${headerDirs.join(', ')}`);

fs.mkdirSync(outDir, { recursive: true });
const tmp = `${out}.${process.pid}.tmp`;
const args = [
  '-O3',
  '-std=gnu11',
  '-ffp-contract=off',
  '-fno-math-errno',
  '-fPIC',
  '-shared',
  '-Wall',
  '-Wno-unused-function',
  `-I${include}`,
  ...(process.platform === 'darwin' ? ['-undefined', 'dynamic_lookup'] : []),
  '-o',
  tmp,
  sources[0],
];
const r = spawnSync(cc, args, { encoding: 'utf8' });
if (r.status !== 0) {
  fs.rmSync(tmp, { force: true });
  skip(`${cc} failed: ${(r.stderr || r.error?.message || '').trim().split('\n').slice(0, 3).join(' | ')}`);
}
fs.renameSync(tmp, out);
fs.writeFileSync(`${stamp}.tmp`, `${digest}\n`);
fs.renameSync(`${stamp}.tmp`, stamp);
console.log(
  `build:native: ${path.relative(process.cwd(), out)} (${cc}, x86-64: AVX2 + FMA and AVX-512 products, picked at load)`,
);
