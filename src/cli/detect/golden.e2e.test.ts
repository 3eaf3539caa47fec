import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { injectAnomalies, sineSeries } from '../../data';

// Golden numbers of one small seeded CLI run. The engine gives the same bits on its native and WebAssembly
// kernels and on every supported Node, so these are exact (to the 10 digits printed): a change here is a change
// in the numbers a user gets, to be made on purpose (rerun, check, paste the new values) or found as a bug.
// `--backend wasm` runs the engine (native kernels where built, else WebAssembly); `cpu` would be stock tfjs.
const MAIN = path.join(__dirname, '..', 'main.js');
const ARGS = ['--transform', 'none', '--scaler', 'minmax', '--window', '10', '--units', '8', '--epochs', '3'];
const MORE = ['--batch-size', '16', '--patience', '0', '--seed', '7', '--backend', 'wasm', '--quiet'];

const GOLDEN = {
  rows: 300,
  windows: { train: 231, test: 51 },
  parameters: 873,
  losses: ['0.3915860614', '0.3041109621'],
  threshold: '0.3711890161',
  flaggedEnds: ['2020-10-16', '2020-10-17', '2020-10-18'],
};

const p10 = (x: number): string => x.toPrecision(10);

function goldenRun(): { result: Record<string, any>; err: string } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-golden-'));
  try {
    const base = sineSeries({ n: 300, period: 25, amplitude: 1, noise: 0.05, seed: 11 });
    const { series } = injectAnomalies(base, { count: 3, magnitude: 2, seed: 5, from: 250, minGap: 10 });
    const lines = series.dates.map((d, i) => `${d},${series.values[i][0].toFixed(6)}`);
    fs.writeFileSync(path.join(work, 'sine.csv'), `date,value\n${lines.join('\n')}\n`);
    const r = spawnSync(process.execPath, [MAIN, '--csv', 'sine.csv', '--out', 'out', ...ARGS, ...MORE], {
      cwd: work,
      encoding: 'utf8',
      env: { ...process.env, LSTM_ANOMALY_OFFLINE: '1' },
    });
    assert.equal(r.status, 0, r.stderr);
    return { result: JSON.parse(fs.readFileSync(path.join(work, 'out', 'result.json'), 'utf8')), err: r.stderr };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

test('a small seeded run gives the committed numbers: windows, parameters, losses, threshold, flags', () => {
  const { result } = goldenRun();
  const got = {
    rows: result.data.rows,
    windows: { train: result.trainScores.length, test: result.test.length },
    parameters: result.training.parameters,
    losses: result.training.history.slice(0, 2).map((e: { loss: number }) => p10(e.loss)),
    threshold: p10(result.threshold.value),
    flaggedEnds: result.test.filter((w: { anomaly: boolean }) => w.anomaly).map((w: { end: string }) => w.end),
  };
  assert.match(result.training.engine, /^(native|wasm)-/, 'the run must use the engine, not a tfjs backend');
  assert.deepEqual(got, GOLDEN);
});
