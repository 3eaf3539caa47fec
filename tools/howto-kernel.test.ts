import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { KERNEL_ARITY, KERNEL_NAMES, NATIVE_ADDON_PATH, relaxedSimdAvailable } from '../src/model/kernels';
import { KERNELS_RELAXED_WASM_BASE64, KERNELS_WASM_BASE64 } from '../src/model/kernels/kernels-wasm';
import { packageRoot } from '../src/util/paths';

// docs/ARCHITECTURE.md's "How to add a kernel" stays true: the files it names exist, and the one list of the
// kernels (src/model/kernels/kernels-list.h, as scripts/build-wasm.js reads it) is what every build exposes.

const root = packageRoot();
type Listed = { name: string; group: string; params: { kind: string; name: string }[] };
const wasmBuild = require(path.join(root, 'scripts', 'build-wasm.js')) as {
  readKernelList(): Listed[];
  kernelListTs(): string;
};
const listed = wasmBuild.readKernelList();
const names = listed.map((k) => k.name);

/** The text of one `## title` section of docs/ARCHITECTURE.md. */
function section(title: string): string {
  const doc = fs.readFileSync(path.join(root, 'docs', 'ARCHITECTURE.md'), 'utf8');
  const start = doc.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `docs/ARCHITECTURE.md has no "## ${title}" section`);
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

test('How to add a kernel: every file it names exists, the list first', () => {
  const text = section('How to add a kernel');
  // The steps: from the first numbered line on.
  const steps = text.slice(text.indexOf('\n1. '));
  const files = [...steps.matchAll(/`([\w./-]+\.(?:[ch]|ts|js))`/g)].map((m) => m[1]);
  assert.ok(files.length >= 8, `only ${files.length} files named`);
  assert.equal(files[0], 'src/model/kernels/kernels-list.h');
  for (const f of files) assert.ok(fs.existsSync(path.join(root, f)), `${f} (named in "How to add a kernel")`);
});

test('the list: twelve kernels of known groups, kernels-list.ts generated from it', () => {
  assert.equal(listed.length, 12);
  assert.deepEqual(names.slice(0, 3), ['lstm_step_forward', 'lstm_step_backward', 'transpose']);
  for (const k of listed) assert.ok(['SAME', 'CELL', 'PRODUCT'].includes(k.group), `${k.name}: ${k.group}`);
  const generated = fs.readFileSync(path.join(root, 'src', 'model', 'kernels', 'kernels-list.ts'), 'utf8');
  assert.equal(generated, wasmBuild.kernelListTs(), 'kernels-list.ts is stale: node scripts/build-wasm.js --list');
});

test('every kernel of the list is in KERNEL_NAMES with its arity, and nothing else', () => {
  assert.deepEqual([...KERNEL_NAMES], names);
  for (const k of listed) assert.equal(KERNEL_ARITY[k.name as keyof typeof KERNEL_ARITY], k.params.length, k.name);
});

test('every kernel of the list is exported by both WebAssembly modules', () => {
  const exportsOf = (b64: string) =>
    WebAssembly.Module.exports(new WebAssembly.Module(Buffer.from(b64, 'base64')))
      .filter((e) => e.kind === 'function')
      .map((e) => e.name)
      .sort();
  assert.deepEqual(exportsOf(KERNELS_WASM_BASE64), [...names].sort());
  if (relaxedSimdAvailable()) assert.deepEqual(exportsOf(KERNELS_RELAXED_WASM_BASE64), [...names].sort());
});

test('every kernel of the list is in each table of the built addon', (t) => {
  if (!fs.existsSync(NATIVE_ADDON_PATH)) {
    if (process.env.CI === 'true') assert.fail(`no addon at ${NATIVE_ADDON_PATH}`);
    return t.skip('the native addon is not built (npm run build:native)');
  }
  const addon = require(NATIVE_ADDON_PATH) as { builds: string[] } & Record<string, unknown>;
  const tables = [...addon.builds, ...(addon.avx512bf16 ? ['avx512bf16'] : [])];
  if (tables.length === 0) return t.skip('this CPU runs no native build');
  for (const b of tables) {
    const table = addon[b] as Record<string, unknown>;
    assert.deepEqual(Object.keys(table).sort(), [...names].sort(), b);
    for (const n of names) assert.equal(typeof table[n], 'function', `${b}.${n}`);
  }
});
