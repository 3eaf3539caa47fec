#!/usr/bin/env node
import { selectBackend } from '../src/backend/select';
import {
  type Autoencoder,
  aerParameterCount,
  createAerModel,
  createAutoencoder,
  parameterCount,
  resolveSpec,
} from '../src/model';
import { Rng } from '../src/util/random';
import { runScript } from '../tools/script';
import type { AerSpeed } from './targets';

const USAGE = `Usage: node dist/bench/aer.js [--window 100] [--units 30] [--lstm-units 60] [--windows 2000] [--epochs 3]
Training speed of the AER model (Orion's defaults: window 100, 30 units per direction, batch 64) against the LSTM
autoencoder (window 100, --lstm-units, batch 64, one thread as AER), both on the engine's kernels (wasm backend),
on --windows seeded random-walk windows: windows per second (median epoch after one warm-up epoch, the two models' epochs interleaved), and windows
per second x parameters, the engine's speed per parameter (issue 27's target: AER within 20% of the LSTM's), and\nforward multiply-adds per second (a decoder's input projection counts once per window: its input repeats).
--json: also a last line of JSON (what npm run bench reads).`;

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

/**
 * Median seconds per epoch of each model, `epochs` epochs each after one warm-up epoch, the models' epochs
 * interleaved (a load on the machine meanwhile slows both alike).
 */
async function epochSeconds(models: Autoencoder[], x: Float32Array, n: number, epochs: number): Promise<number[]> {
  const rng = new Rng(1);
  for (const m of models) await m.trainEpoch(x, n, rng.permutation(n), 64);
  const s: number[][] = models.map(() => []);
  for (let e = 0; e < epochs; e++) {
    const order = rng.permutation(n);
    for (const [i, m] of models.entries()) {
      const t0 = performance.now();
      await m.trainEpoch(x, n, order, 64);
      s[i].push((performance.now() - t0) / 1000);
    }
  }
  return s.map((v) => v.sort((a, b) => a - b)[v.length >> 1]);
}

/**
 * Multiply-adds of one forward pass over a window of W steps: per LSTM step its recurrent product (u x 4u) and
 * its input projection (d x 4u; once per window for a decoder, whose input repeats), and the dense layer per step.
 */
function aerMacs(W: number, F: number, u: number): number {
  return 2 * (W - 2) * (F + u) * 4 * u + 2 * (2 * u * 4 * u + W * u * 4 * u) + W * 2 * u * F;
}

function lstmMacs(W: number, F: number, u: number): number {
  return W * (F + u) * 4 * u + (u * 4 * u + W * u * 4 * u) + W * u * F;
}

runScript('bench/aer', async () => {
  const argv = process.argv.slice(2);
  if (argv.includes('--help')) {
    console.log(USAGE);
    return;
  }
  const window = Number(arg(argv, '--window', '100'));
  const units = Number(arg(argv, '--units', '30'));
  const lstmUnits = Number(arg(argv, '--lstm-units', '60'));
  const n = Number(arg(argv, '--windows', '2000'));
  const epochs = Number(arg(argv, '--epochs', '3'));
  await selectBackend('wasm');
  const rng = new Rng(7);
  const x = new Float32Array(n * window);
  for (let i = 0; i < n; i++) {
    let v = 0;
    for (let t = 0; t < window; t++) x[i * window + t] = v += 0.1 * rng.normal();
  }
  const aerSpec = { window, features: 1, units, regRatio: 0.5, learningRate: 1e-3, seed: 42 };
  const aer = await createAerModel(aerSpec);
  const lstmSpec = resolveSpec({ window, features: 1, encoder: [lstmUnits], dropout: 0.2, seed: 42 });
  const lstm = await createAutoencoder(lstmSpec, { threads: 1 });
  let seconds: number[];
  try {
    seconds = await epochSeconds([aer, lstm], x, n, epochs);
  } finally {
    aer.dispose();
    lstm.dispose();
  }
  const rows: [string, number, number, string][] = [
    [`AER (${units} units per direction)`, aerParameterCount(aerSpec), seconds[0], aer.engine],
    [`LSTM autoencoder (${lstmUnits} units)`, parameterCount(lstmSpec), seconds[1], lstm.engine ?? ''],
  ];
  const macs = [aerMacs(window, 1, units), lstmMacs(window, 1, lstmUnits)].map((m, i) => (m * n) / seconds[i]);
  const rate = rows.map(([, p, s]) => (n / s) * p);
  for (const [i, [name, p, s, engine]] of rows.entries()) {
    console.log(
      `${name}: ${p} parameters, ${(n / s).toFixed(0)} windows/s, ${(rate[i] / 1e6).toFixed(1)} M windows x parameters/s (${engine})`,
    );
  }
  console.log(`AER / LSTM, windows x parameters per second: ${(rate[0] / rate[1]).toFixed(2)} (target >= 0.80)`);
  const gmacs = macs.map((m) => (m / 1e9).toFixed(2));
  console.log(
    `AER / LSTM, forward multiply-adds per second (${gmacs[0]} vs ${gmacs[1]} G/s): ${(macs[0] / macs[1]).toFixed(2)}`,
  );
  if (argv.includes('--json')) {
    const model = (i: number) => ({ parameters: rows[i][1], windowsPerSec: n / rows[i][2], engine: rows[i][3] });
    const speed: AerSpeed = {
      windows: n,
      window,
      aer: { units, ...model(0) },
      lstm: { units: lstmUnits, ...model(1) },
      ratio: rate[0] / rate[1],
      macsRatio: macs[0] / macs[1],
    };
    console.log(JSON.stringify(speed));
  }
});
