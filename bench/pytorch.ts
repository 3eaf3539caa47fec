import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { ContenderResult } from './contender';
import { benchWindows } from './data';
import { type PythonChoice, probeTorch, torchMajor } from './python';

/** Windows PyTorch scores one at a time, for the per-window latency beside `watch`'s. */
export const ONE_BY_ONE = 300;

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
 * PyTorch's CPU LSTM (bench/pytorch_lstm.py) on the bench's model and windows, on every Python of `pythons` that has
 * torch (one per torch version; PyTorch 2.x first, the anchor, then 1.13): one thread, two threads with OpenMP
 * spinning, and two with it passive, each in its own process (at most `timeoutS` seconds each). The first run of
 * each also scores ONE_BY_ONE windows one at a time (latency).
 * @example
 * pytorchContenders(root, pythons, 1024, 3).contenders.length; // 3 per torch found
 */
export function pytorchContenders(
  root: string,
  pythons: PythonChoice[],
  n: number,
  epochs: number,
  timeoutS = 240,
): PytorchRun {
  const found: { python: PythonChoice; version: string }[] = [];
  const why: string[] = [];
  for (const p of pythons) {
    const t = probeTorch(p.path);
    if (t.version === null) why.push(`${t.reason} (${p.source})`);
    else if (!found.some((f) => f.version === t.version)) found.push({ python: p, version: t.version });
  }
  found.sort((a, b) => torchMajor(b.version) - torchMajor(a.version));
  if (found.length && why.length) console.log(`  no torch: ${why.join('; ')}`);
  if (!found.length)
    return { contenders: [], skipped: `no PyTorch: ${why.join('; ')}; npm run bench -- --setup-torch makes one` };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-bench-'));
  try {
    const w = benchWindows(n);
    const file = path.join(dir, 'windows.f32');
    fs.writeFileSync(file, Buffer.from(Float32Array.from(w.x).buffer));
    const runs: [number, boolean][] = [
      [1, false],
      [2, false],
      [2, true],
    ];
    const contenders = found.flatMap(({ python, version }) =>
      runs.map(([threads, passive], k) => {
        const name = `PyTorch ${version} ${threads === 1 ? '1 thread' : `2 threads${passive ? ', OMP_WAIT_POLICY=PASSIVE' : ''}`}`;
        process.stdout.write(`  ${name} ...`);
        const r = spawnSync(
          python.path,
          [
            path.join(root, 'bench', 'pytorch_lstm.py'),
            file,
            String(n),
            String(w.window),
            String(epochs),
            String(threads),
            String(k === 0 ? ONE_BY_ONE : 0),
          ],
          { encoding: 'utf8', env: pytorchEnv(process.env, passive), timeout: timeoutS * 1000 },
        );
        if (r.status !== 0) {
          console.log(
            r.error ? ` gave up after ${timeoutS} s` : ` failed: ${(r.stderr || '').trim().split('\n').pop()}`,
          );
          return null;
        }
        const o = JSON.parse(r.stdout.trim().split('\n').pop() ?? '');
        const c: ContenderResult = {
          name,
          backend: 'cpu',
          provider: `torch ${o.torch}${o.mkldnn ? ', oneDNN' : ''}`,
          threads,
          trainSeqPerSec: o.trainSeqPerSec,
          inferSeqPerSec: o.inferSeqPerSec,
          trainSeconds: o.trainSeconds,
          epochs: o.epochs,
          peakRssMiB: o.peakRssMiB,
          finalLoss: o.finalLoss,
          torch: o.torch,
          latencyP50Ms: o.latencyP50Ms,
          latencyP99Ms: o.latencyP99Ms,
        };
        console.log(
          ` train ${c.trainSeqPerSec.toFixed(0)} seq/s, infer ${c.inferSeqPerSec.toFixed(0)} seq/s` +
            (c.latencyP99Ms !== undefined
              ? `, one window p50 ${o.latencyP50Ms.toFixed(2)} ms, p99 ${o.latencyP99Ms.toFixed(2)} ms`
              : ''),
        );
        return c;
      }),
    );
    return { contenders: contenders.filter((c): c is ContenderResult => c !== null) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
