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

const USAGE = `Usage: node dist/bench/aer.js [--window 100] [--units 30] [--lstm-units 60] [--windows 2000] [--epochs 3]
Training speed of the AER model (Orion's defaults: window 100, 30 units per direction, batch 64) against the LSTM
autoencoder (window 100, --lstm-units, batch 64, one thread as AER), both on the engine's kernels (wasm backend),
on --windows seeded random-walk windows: windows per second (median epoch after one warm-up epoch), and windows
per second x parameters, the engine's speed per parameter (issue 27's target: AER within 20% of the LSTM's).`;

function arg(argv: string[], name: string, fallback: string): string {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
}

/** Median seconds of `epochs` epochs after one warm-up epoch. */
async function epochSeconds(m: Autoencoder, x: Float32Array, n: number, epochs: number): Promise<number> {
  const rng = new Rng(1);
  await m.trainEpoch(x, n, rng.permutation(n), 64);
  const s: number[] = [];
  for (let e = 0; e < epochs; e++) {
    const order = rng.permutation(n);
    const t0 = performance.now();
    await m.trainEpoch(x, n, order, 64);
    s.push((performance.now() - t0) / 1000);
  }
  s.sort((a, b) => a - b);
  return s[s.length >> 1];
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
  const rows: [string, number, number, string][] = [];
  try {
    rows.push([
      `AER (${units} units per direction)`,
      aerParameterCount(aerSpec),
      await epochSeconds(aer, x, n, epochs),
      aer.engine,
    ]);
    rows.push([
      `LSTM autoencoder (${lstmUnits} units)`,
      parameterCount(lstmSpec),
      await epochSeconds(lstm, x, n, epochs),
      lstm.engine ?? '',
    ]);
  } finally {
    aer.dispose();
    lstm.dispose();
  }
  const rate = rows.map(([, p, s]) => (n / s) * p);
  for (const [i, [name, p, s, engine]] of rows.entries()) {
    console.log(
      `${name}: ${p} parameters, ${(n / s).toFixed(0)} windows/s, ${(rate[i] / 1e6).toFixed(1)} M windows x parameters/s (${engine})`,
    );
  }
  console.log(`AER / LSTM, windows x parameters per second: ${(rate[0] / rate[1]).toFixed(2)} (target >= 0.80)`);
});
