// The opt-in bf16 products (LSTM_ANOMALY_BF16=1) against the fp32 AVX-512 ones: the products alone on the model's
// shapes (productRates: each call converts its left operand to bf16; gemm_tn converts both), the packing of a
// weight (once per batch), then training seq/s of the contender on 1 and 2 threads, each build in its own process,
// alternating. Rounds give medians: on shared cores single runs vary by 2x. Needs a CPU with avx512_bf16.
// Usage: node dist/bench/bf16.js [--rounds 5] [--windows 1024] [--epochs 3]
import { spawnSync } from 'child_process';
import * as path from 'path';
import { instantiateKernels, nativeKernelsStatus } from '../src/model/kernels';
import { runScript } from '../tools/script';
import { productRates } from './profile';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const builds = ['avx512', 'avx512bf16'] as const;

/** Milliseconds of one pack_panels of a K x N weight (the best of 50 tries of 20). */
function packMs(build: (typeof builds)[number], K: number, N: number): number {
  const memory = new WebAssembly.Memory({ initial: 64 });
  new Float32Array(memory.buffer).fill(0.25);
  const k = instantiateKernels(memory, build);
  let best = Infinity;
  for (let t = 0; t < 50; t++) {
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) k.pack_panels(K, N, 64, N, 1 << 20);
    best = Math.min(best, (performance.now() - t0) / 20);
  }
  return best;
}

function main(): void {
  if (!nativeKernelsStatus().bf16) throw new Error('this CPU (or install) has no bf16 products (avx512_bf16)');
  const rounds = arg('--rounds', 5);
  const rates: Record<string, number[]> = {};
  for (let r = 0; r < rounds; r++)
    for (const b of builds) {
      const { all, ops } = productRates(b);
      for (const [op, v] of [['all', all], ...ops.map((o) => [o.op, o.gflops] as const)] as const)
        (rates[`${b} ${op}`] ??= []).push(v);
    }
  console.log(`products, GFLOP/s (median of ${rounds} rounds, each the best of 7):`);
  for (const [key, v] of Object.entries(rates)) console.log(`  ${key}: ${median(v).toFixed(1)}`);
  for (const b of builds) console.log(`  ${b} pack_panels 128x512: ${(packMs(b, 128, 512) * 1000).toFixed(1)} us`);
  const contender = path.join(__dirname, 'contender.js');
  const n = String(arg('--windows', 1024)),
    epochs = String(arg('--epochs', 3));
  for (const kind of ['engine1', 'engine2']) {
    const seq: Record<string, number[]> = { '0': [], '1': [] };
    for (let r = 0; r < rounds; r++)
      for (const bf of ['0', '1']) {
        const env = { ...process.env, LSTM_ANOMALY_BF16: bf };
        const out = spawnSync(process.execPath, [contender, kind, n, epochs, 'wasm', 'native'], {
          env,
          encoding: 'utf8',
        });
        if (out.status !== 0) throw new Error(`contender failed: ${out.stderr.trim().split('\n')[0]}`);
        seq[bf].push(JSON.parse(out.stdout.trim().split('\n').pop() as string).trainSeqPerSec);
      }
    const [off, on] = [median(seq['0']), median(seq['1'])];
    const list = (v: number[]) => v.map((x) => Math.round(x)).join(', ');
    console.log(
      `${kind} train seq/s: fp32 ${Math.round(off)} (${list(seq['0'])}), bf16 ${Math.round(on)} (${list(seq['1'])}): ${(on / off).toFixed(2)}x`,
    );
  }
}

if (require.main === module) runScript('bf16', main);
