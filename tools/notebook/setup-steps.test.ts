import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { jupyterEnv, pythonCandidates } from './jupyter-env';
import { ensureKernelSpec, ensureSelfLink, kernelSpecFile } from './kernelspec';

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
