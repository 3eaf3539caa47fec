/**
 * The machine's limit (issue 27): the model's FLOPs per sequence, an FMA loop on one thread and on two at once
 * (two physical cores, or siblings sharing one core's FMA units?), and training as a share of what two threads can do.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The bench model's shape: windows of `window` steps with `features` values, LSTM(units) -> LSTM(units) -> Dense. */
export interface ModelShape {
  window: number;
  features: number;
  units: number;
}

/** The default model: window 30, one feature, 128 units. */
export const DEFAULT_SHAPE: ModelShape = { window: 30, features: 1, units: 128 };

/**
 * FLOPs (2 per multiply-add) of the matrix products one sequence needs, forward only (scoring) and for a whole
 * training step (forward, input gradients, weight gradients). The work is what the model needs, not a naive count:
 * the first step's recurrent product is skipped (h0 = 0, its product and weight gradient are zero), the decoder's
 * repeated input is multiplied once per sequence (RepeatVector), and the encoder's input gradient is not computed.
 * Element-wise work (gates, Adam) is left out: it is a few percent and no FMA loop measures it.
 * @example
 * modelFlops(DEFAULT_SHAPE).train; // 23284224
 */
export function modelFlops(s: ModelShape): { forward: number; train: number } {
  const G = 4 * s.units;
  const T = s.window;
  const encIn = 2 * T * s.features * G;
  const rec = 2 * (T - 1) * s.units * G;
  const decIn = 2 * s.units * G;
  const dense = 2 * T * s.units;
  const forward = encIn + rec + decIn + rec + dense;
  const weightGrads = forward;
  const inputGrads = dense + rec + decIn + rec;
  return { forward, train: forward + weightGrads + inputGrads };
}

/** One FMA-loop figure: GFLOP/s of one thread alone, and of each of two threads at once (their sum is `two`). */
export interface FmaLimit {
  bits: number;
  one: number;
  each: [number, number];
  two: number;
  /** What the two-at-once figure says about the two CPUs (see {@link fmaVerdict}). */
  verdict: string;
  /** The kernel's word, where /sys says it: `thread_siblings_list` of cpu0. */
  siblings?: string;
}

/**
 * What the two-at-once FMA figure says: two physical cores give about twice one thread; siblings (SMT) sharing one
 * core's FMA units give about one thread's rate in all. Between 1.3x and 1.7x it cannot tell (shared or loaded host).
 * @example
 * fmaVerdict(100, 195); // 'two physical cores (2 threads at once: 1.95x one)'
 */
export function fmaVerdict(one: number, two: number): string {
  const r = two / one;
  const said = `2 threads at once: ${r.toFixed(2)}x one`;
  if (!(r > 0)) return 'not measured';
  if (r >= 1.7) return `two physical cores (${said})`;
  if (r <= 1.3) return `siblings sharing one core's FMA units, or one core's worth of host time (${said})`;
  return `unclear, the host is shared or loaded (${said})`;
}

/**
 * Training (or scoring) rate as a share of the rate the 2-thread FMA limit allows: `seqPerSec * flopsPerSeq` over
 * `twoGflops * 1e9`.
 * @example
 * shareOfLimit(4000, 23284224, 200); // 0.466 (93 of 200 GFLOP/s)
 */
export const shareOfLimit = (seqPerSec: number, flopsPerSeq: number, twoGflops: number): number =>
  (seqPerSec * flopsPerSeq) / (twoGflops * 1e9);

/** cpu0's `thread_siblings_list` (e.g. `0` alone, `0-1` for SMT siblings), or undefined. */
function siblings(): string | undefined {
  try {
    return fs.readFileSync('/sys/devices/system/cpu/cpu0/topology/thread_siblings_list', 'utf8').trim();
  } catch {
    return undefined;
  }
}

/**
 * The FMA loop at `bits` (`dist/bench/fma.js`, each in its own process): one process alone, then two at once
 * (started together, timed over the same `seconds`).
 * @throws Error when a loop fails (no addon, no FMA at that width).
 * @example
 * measureFmaLimit(root, 256).two; // about 2x .one on two physical cores
 */
export function measureFmaLimit(root: string, bits: number, seconds = 2): FmaLimit {
  const script = path.join(root, 'dist', 'bench', 'fma.js');
  const one = runFma(process.execPath, [script, String(bits), String(seconds)], 1)[0];
  const both = runFma(
    'sh',
    ['-c', '"$0" "$1" "$2" "$3" & "$0" "$1" "$2" "$3" & wait', process.execPath, script, String(bits), String(seconds)],
    2,
  );
  const two = both[0] + both[1];
  return { bits, one, each: [both[0], both[1]], two, verdict: fmaVerdict(one, two), siblings: siblings() };
}

function runFma(cmd: string, args: string[], n: number): number[] {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  const vals = (r.stdout || '')
    .trim()
    .split('\n')
    .map(Number)
    .filter((v) => v > 0);
  if (r.status !== 0 || vals.length !== n)
    throw new Error(`the FMA loop failed: ${(r.stderr || '').trim().split('\n').pop()}`);
  return vals;
}
