import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ContenderResult } from './contender';
import { benchWindows } from './data';

/** The Python `npm run bench` runs PyTorch with (Debian's python3-torch). */
export const PYTHON = '/usr/bin/python3';

/**
 * PyTorch's environment at its best here: OpenBLAS on one thread (torch.set_num_threads sets the rest), and
 * none of the OpenBLAS tuning this machine sets (OPENBLAS_CORETYPE, OPENBLAS_L2_SIZE: with them PyTorch on two
 * threads collapses). `passive`: OMP_WAIT_POLICY=PASSIVE (OpenMP threads sleep instead of spinning at each
 * barrier, which rescues two threads when the cores are shared).
 * @example
 * pytorchEnv({ OPENBLAS_CORETYPE: 'Haswell' }, false).OPENBLAS_CORETYPE; // undefined
 */
export function pytorchEnv(base: NodeJS.ProcessEnv, passive: boolean): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base, OPENBLAS_NUM_THREADS: '1' };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  delete env.OMP_WAIT_POLICY;
  if (passive) env.OMP_WAIT_POLICY = 'PASSIVE';
  return env;
}

/** PyTorch's figures, or why there are none (`skipped`). */
export type PytorchRun = { contenders: ContenderResult[]; skipped?: string };

/**
 * PyTorch's CPU LSTM (bench/pytorch_lstm.py) on the bench's model and windows: one thread, and two threads with
 * OpenMP spinning and passive, each in its own process (at most `timeoutS` seconds each).
 * @example
 * pytorchContenders(root, 1024, 3).contenders.length; // 3 where /usr/bin/python3 has torch
 */
export function pytorchContenders(root: string, n: number, epochs: number, timeoutS = 240): PytorchRun {
  const probe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
  if (probe.status !== 0) return { contenders: [], skipped: `no PyTorch: ${PYTHON} lacks torch (Debian: apt-get install python3-torch)` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-bench-'));
  try {
    const w = benchWindows(n);
    const file = path.join(dir, 'windows.f32');
    fs.writeFileSync(file, Buffer.from(Float32Array.from(w.x).buffer));
    const runs: [number, boolean][] = [[1, false], [2, false], [2, true]];
    const contenders = runs.map(([threads, passive]) => {
      const name = `PyTorch ${threads === 1 ? '1 thread' : `2 threads${passive ? ', OMP_WAIT_POLICY=PASSIVE' : ''}`}`;
      process.stdout.write(`  ${name} ...`);
      const r = spawnSync(PYTHON, [path.join(root, 'bench', 'pytorch_lstm.py'), file, String(n), String(w.window), String(epochs), String(threads)], {
        encoding: 'utf8', env: pytorchEnv(process.env, passive), timeout: timeoutS * 1000,
      });
      if (r.status !== 0) {
        console.log(r.error ? ` gave up after ${timeoutS} s` : ` failed: ${(r.stderr || '').trim().split('\n').pop()}`);
        return null;
      }
      const o = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
      const c: ContenderResult = { name, backend: 'cpu', provider: `torch ${o.torch}`, threads, trainSeqPerSec: o.trainSeqPerSec,
        inferSeqPerSec: o.inferSeqPerSec, trainSeconds: o.trainSeconds, epochs: o.epochs, peakRssMiB: o.peakRssMiB, finalLoss: o.finalLoss };
      console.log(` train ${c.trainSeqPerSec.toFixed(0)} seq/s, infer ${c.inferSeqPerSec.toFixed(0)} seq/s`);
      return c;
    });
    return { contenders: contenders.filter((c): c is ContenderResult => c !== null) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
