import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { denoPlatformPackage } from './deno';
import { jupyterEnv, pythonCandidates } from './jupyter-env';
import { ensureKernelSpec, ensureSelfLink, kernelSpecFile, SPEC_MARK } from './kernelspec';
import { jupyterPathLine, userDataDir } from './setup';

function tempRoot(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-setup-'));
}

test('ensureKernelSpec writes the tslab kernelspec under .jupyter once, then leaves it alone', () => {
  const root = tempRoot();
  try {
    assert.equal(ensureKernelSpec(root), 'created');
    const spec = JSON.parse(fs.readFileSync(kernelSpecFile(root), 'utf8'));
    assert.equal(spec.language, 'typescript');
    assert.deepEqual(spec.argv.slice(-3), ['kernel', '--config-path', '{connection_file}']);
    assert.equal(spec.argv[1], path.join(root, 'node_modules', 'tslab', 'bin', 'tslab'));
    assert.equal(ensureKernelSpec(root), 'unchanged');
    fs.writeFileSync(kernelSpecFile(root), '{}');
    assert.equal(ensureKernelSpec(root), 'updated');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('the Deno kernelspec starts the binary of the deno package; a data dir keeps a kernelspec not ours', () => {
  const root = tempRoot();
  try {
    assert.throws(() => ensureKernelSpec(root, 'deno'), /^Error: Deno is not installed \(.*\): run `npm install`$/);
    const pkg = denoPlatformPackage() ?? '@deno/none';
    const bin = path.join(root, 'node_modules', pkg, process.platform === 'win32' ? 'deno.exe' : 'deno');
    fs.mkdirSync(path.dirname(bin), { recursive: true });
    fs.writeFileSync(path.join(path.dirname(bin), 'package.json'), JSON.stringify({ name: pkg }));
    fs.writeFileSync(bin, '');
    fs.mkdirSync(path.join(root, 'node_modules', 'deno'));
    fs.writeFileSync(path.join(root, 'node_modules', 'deno', 'package.json'), JSON.stringify({ name: 'deno' }));
    assert.equal(ensureKernelSpec(root, 'deno'), 'created');
    const spec = JSON.parse(fs.readFileSync(kernelSpecFile(root, 'deno'), 'utf8'));
    assert.deepEqual(spec.argv, [bin, 'jupyter', '--kernel', '--conn', '{connection_file}']);
    assert.equal(spec.metadata[SPEC_MARK], root);
    const data = path.join(root, 'user-jupyter');
    const theirs = kernelSpecFile(root, 'deno', data);
    fs.mkdirSync(path.dirname(theirs), { recursive: true });
    fs.writeFileSync(theirs, '{"argv": ["deno"]}');
    assert.equal(ensureKernelSpec(root, 'deno', data), 'kept');
    assert.equal(fs.readFileSync(theirs, 'utf8'), '{"argv": ["deno"]}');
    fs.rmSync(theirs);
    assert.equal(ensureKernelSpec(root, 'deno', data), 'created');
    assert.equal(ensureKernelSpec(root, 'deno', data), 'unchanged');
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('denoPlatformPackage names the npm package of each platform with a Deno build', () => {
  assert.equal(denoPlatformPackage('linux', 'x64'), '@deno/linux-x64-glibc');
  assert.equal(denoPlatformPackage('darwin', 'arm64'), '@deno/darwin-arm64');
  assert.equal(denoPlatformPackage('win32', 'x64'), '@deno/win32-x64');
  assert.equal(denoPlatformPackage('freebsd', 'x64'), undefined);
});

test('ensureSelfLink links node_modules/lstm-anomaly to the root and refuses to replace anything else', () => {
  const root = tempRoot();
  try {
    assert.equal(ensureSelfLink(root), 'created');
    assert.equal(fs.realpathSync(path.join(root, 'node_modules', 'lstm-anomaly')), fs.realpathSync(root));
    assert.equal(ensureSelfLink(root), 'unchanged');
    fs.unlinkSync(path.join(root, 'node_modules', 'lstm-anomaly'));
    fs.mkdirSync(path.join(root, 'node_modules', 'lstm-anomaly'));
    assert.throws(() => ensureSelfLink(root), /exists and is not a link/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('jupyterEnv puts the project kernelspecs first on JUPYTER_PATH; pythonCandidates honours JUPYTER_PYTHON', () => {
  const env = jupyterEnv('/p', { JUPYTER_PATH: '/other' });
  assert.equal(env.JUPYTER_PATH, [path.join('/p', '.jupyter', 'share', 'jupyter'), '/other'].join(path.delimiter));
  const dir = tempRoot();
  try {
    const py = path.join(dir, 'python3');
    fs.writeFileSync(py, '#!/bin/sh\n', { mode: 0o755 });
    assert.deepEqual(pythonCandidates({ JUPYTER_PYTHON: py, PATH: dir }), [py]);
    assert.deepEqual(pythonCandidates({ PATH: `${dir}${path.delimiter}/nonexistent` }), [py]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('userDataDir is where Jupyter looks without JUPYTER_PATH; jupyterPathLine is the line to add instead', () => {
  assert.equal(userDataDir({ HOME: '/h' }, 'linux'), path.join('/h', '.local', 'share', 'jupyter'));
  assert.equal(userDataDir({ HOME: '/h', XDG_DATA_HOME: '/x' }, 'linux'), path.join('/x', 'jupyter'));
  assert.equal(userDataDir({ HOME: '/h' }, 'darwin'), path.join('/h', 'Library', 'Jupyter'));
  assert.equal(userDataDir({ APPDATA: 'C:\\A' }, 'win32'), path.join('C:\\A', 'jupyter'));
  assert.equal(userDataDir({ HOME: '/h', JUPYTER_DATA_DIR: '/j' }, 'linux'), '/j');
  assert.equal(
    jupyterPathLine('/p', 'linux'),
    `export JUPYTER_PATH="${path.join('/p', '.jupyter', 'share', 'jupyter')}"`,
  );
});
