import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type SpawnSyncReturns, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { sineSeries } from '../src/data';
import { packageRoot } from '../src/util/paths';
import { formatNotebook, readNotebook } from './notebook/ipynb';
import { findJupyterPython, HEADLESS_MODULES } from './notebook/jupyter-env';
import { injectParameters } from './notebook/params';

// The package as a user gets it: `npm pack`, installed from the tarball into an empty folder (the registry
// supplies the dependencies), then the CLI, the README's library example and a notebook run from that folder.
const root = packageRoot();
const ci = !!process.env.CI && process.env.CI !== 'false';
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-pack-'));
const app = path.join(work, 'app');
// npm and the packages' install scripts (core-js writes a banner marker) keep their temporary files under `work`
const tmp = path.join(work, 'tmp');
fs.mkdirSync(tmp);
const env = { ...process.env, LSTM_ANOMALY_OFFLINE: '1', npm_config_update_notifier: 'false', TMPDIR: tmp };

function sh(cmd: string, args: string[], cwd: string, timeout = 120_000): SpawnSyncReturns<string> {
  return spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout });
}

function ok(r: SpawnSyncReturns<string>, what: string): string {
  const tail = `${r.stderr ?? ''}${r.error ? String(r.error) : ''}`.trim().split('\n').slice(-5).join('\n');
  assert.equal(r.status, 0, `${what} failed (exit ${r.status}):\n${tail}`);
  return r.stdout;
}

test.after(() => fs.rmSync(work, { recursive: true, force: true }));

test('npm pack ships the library: no tests, no tooling, the C sources and the install script', () => {
  const out = ok(sh(npm, ['pack', '--dry-run', '--json', '--ignore-scripts'], root), 'npm pack --dry-run');
  const files: string[] = JSON.parse(out)[0].files.map((f: { path: string }) => f.path);
  assert.deepEqual(
    files.filter((f) => f.includes('.test.')),
    [],
  );
  assert.deepEqual(
    files.filter((f) => /^(dist\/(tools|bench)|tools|bench)\//.test(f)),
    [],
  );
  assert.deepEqual(
    files.filter((f) => f.startsWith('scripts/')),
    ['scripts/build-native.js'],
  );
  assert.deepEqual(files.filter((f) => !/^(dist\/src|src\/model\/kernels|scripts)\//.test(f)).sort(), [
    'LICENSE',
    'README.md',
    'package.json',
  ]);
  for (const f of ['dist/src/index.js', 'dist/src/index.d.ts', 'dist/src/cli/main.js', 'dist/src/notebook/index.js']) {
    assert.ok(files.includes(f), `${f} is not in the package`);
  }
  for (const f of ['kernels-native.c', 'kernels.c', 'wasm-shim.h']) assert.ok(files.includes(`src/model/kernels/${f}`));
});

test('installed from the tarball into an empty folder: CLI, library example and a notebook work', async (t) => {
  const tgz = ok(sh(npm, ['pack', '--pack-destination', work, '--ignore-scripts'], root), 'npm pack').trim();
  fs.mkdirSync(app);
  const tarball = path.join(work, tgz.split('\n').pop() as string);
  ok(sh(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], app, 300_000), 'npm install');
  const pkg = path.join(app, 'node_modules', 'lstm-anomaly');
  assert.ok(fs.existsSync(path.join(pkg, 'dist', 'src', 'index.js')));

  const s = sineSeries({ n: 200, period: 20, noise: 0.05, seed: 3 });
  const rows = s.dates.map((d, i) => `${d},${(100 + 10 * s.values[i][0]).toFixed(4)}`);
  fs.writeFileSync(path.join(app, 'prices.csv'), `Date,Close\n${rows.join('\n')}\n`);

  await t.test('npx lstm-anomaly --help', () => {
    assert.match(
      ok(sh(npx, ['--no', '--', 'lstm-anomaly', '--help'], app), 'npx lstm-anomaly --help'),
      /^Usage: lstm-anomaly/,
    );
  });

  await t.test('a small detect run writes result.json', () => {
    const args = ['--csv', 'prices.csv', '--epochs', '2', '--window', '10', '--units', '8', '--out', 'run', '--quiet'];
    ok(sh(npx, ['--no', '--', 'lstm-anomaly', ...args], app), 'lstm-anomaly detect');
    const res = JSON.parse(fs.readFileSync(path.join(app, 'run', 'result.json'), 'utf8'));
    assert.equal(res.data.rows, 200);
    assert.equal(res.training.history.length, 2);
    assert.ok(res.test.length > 0);
    // The install script compiled the native kernels from the package's own C sources (CI has a compiler).
    const addon = fs.existsSync(path.join(pkg, 'build', 'kernels-native.node'));
    if (ci) assert.ok(addon, 'the install script did not build build/kernels-native.node');
    // LSTM_ANOMALY_NATIVE=0 (CI's second run) turns the addon off: the WebAssembly kernels then run
    const native = addon && process.env.LSTM_ANOMALY_NATIVE !== '0';
    assert.match(res.training.engine, native ? /^native-/ : /^wasm-/);
  });

  await t.test("the README's library example, on a small CSV, disposing its detectors", () => {
    const script = [
      "const { loadCsvSeries, runPipeline, LstmAutoencoderDetector, timeSplit } = require('lstm-anomaly');",
      '(async () => {',
      "  const series = loadCsvSeries('prices.csv', { dateCol: 'Date', valueCols: ['Close'] });",
      "  const small = { window: 10, epochs: 2, backend: 'wasm' };",
      "  const run = await runPipeline(series, { transform: 'logret', threshold: 'p95', encoder: [8], ...small });",
      '  run.detector.dispose();',
      '  const { train, test } = timeSplit(series, { trainFrac: 0.8 });',
      "  const det = new LstmAutoencoderDetector({ transform: 'logret', encoder: [8, 4], scaler: 'minmax', ...small });",
      '  const epochs = [];',
      '  await det.fit(train, { onEpoch: (e) => epochs.push(e.epoch) });',
      '  const scores = await det.score(series, { from: test.dates[0] });',
      "  await det.save('my-model');",
      '  det.dispose();',
      "  const again = await LstmAutoencoderDetector.load('my-model');",
      '  const same = (await again.score(series, { from: test.dates[0] })).mae.every((v, i) => v === scores.mae[i]);',
      '  again.dispose();',
      '  const out = { anomalies: run.result.anomalies.length, events: run.result.events.length, epochs, same };',
      '  console.log(JSON.stringify({ ...out, scored: scores.mae.length }));',
      '})().catch((e) => { console.error(e); process.exit(1); });',
    ];
    fs.writeFileSync(path.join(app, 'example.js'), `${script.join('\n')}\n`);
    const out = JSON.parse(ok(sh(process.execPath, ['example.js'], app), 'node example.js').trim());
    assert.deepEqual(out.epochs, [1, 2]);
    assert.ok(out.scored > 0 && out.anomalies >= 0 && out.events >= 0);
    assert.equal(out.same, true, 'the loaded detector scores exactly as the saved one');
    assert.ok(fs.existsSync(path.join(app, 'my-model', 'model.json')));
  });

  await t.test('notebook 04 (fast mode) against the installed package', (st) => {
    const py = findJupyterPython([...HEADLESS_MODULES, 'jinja2']);
    const tslab = path.join(root, 'node_modules', 'tslab', 'bin', 'tslab');
    const missing = !py ? 'no Python with nbclient, nbconvert and jinja2' : !fs.existsSync(tslab) ? 'no tslab' : '';
    if (missing) {
      assert.ok(!ci, `notebook check: ${missing} (required under CI)`);
      st.skip(`${missing}: npm run setup:jupyter`);
      return;
    }
    // The project's tslab as the kernel, registered in a Jupyter path of this test's own; the notebook's cells
    // resolve `lstm-anomaly` from the folder it runs in, i.e. the installed package. A user installs tslab
    // beside it; here the folder links the kernel's own copy, so `require('tslab')` finds the running kernel.
    fs.symlinkSync(path.dirname(path.dirname(tslab)), path.join(app, 'node_modules', 'tslab'), 'dir');
    const jupyter = path.join(work, 'jupyter');
    const spec = {
      argv: [process.execPath, tslab, 'kernel', '--config-path', '{connection_file}'],
      language: 'typescript',
    };
    fs.mkdirSync(path.join(jupyter, 'kernels', 'tslab'), { recursive: true });
    fs.writeFileSync(
      path.join(jupyter, 'kernels', 'tslab', 'kernel.json'),
      JSON.stringify({ ...spec, display_name: 'TS' }),
    );
    const name = '04-synthetic-sine';
    const nb = injectParameters(readNotebook(path.join(root, 'notebooks', `${name}.ipynb`)), {}, true, name);
    fs.writeFileSync(path.join(app, `${name}.ipynb`), formatNotebook(nb));
    const driver = path.join(root, 'scripts', 'execute_notebook.py');
    const html = path.join(app, `${name}.html`);
    const r = spawnSync(py!.python, [driver, path.join(app, `${name}.ipynb`), html, '--cwd', app, '--timeout', '120'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...env, JUPYTER_PATH: jupyter, PYTHONUNBUFFERED: '1' },
      timeout: 180_000,
    });
    const errors = r.stdout.split('\n').filter((l) => l.includes('"event": "error"'));
    assert.equal(r.status, 0, `notebook failed: ${errors.join(' ') || r.stderr.trim().split('\n').pop()}`);
    assert.ok(fs.statSync(html).size > 0);
  });
});
