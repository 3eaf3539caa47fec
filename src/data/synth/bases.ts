import { Rng } from '../../util/random';

/**
 * The base shapes of synthetic series (see {@link makeBase}).
 *
 * @example
 * BASE_SHAPES.includes('seasonal'); // true
 */
export const BASE_SHAPES = [
  'sine',
  'harmonics',
  'seasonal',
  'random-walk',
  'trend',
  'square',
  'sawtooth',
  'noisy',
  'quiet',
] as const;

/**
 * A base shape: what a synthetic series looks like before any anomaly.
 *
 * @example
 * const base: BaseShape = 'random-walk';
 */
export type BaseShape = (typeof BASE_SHAPES)[number];

/**
 * A base signal in parts, which anomalies edit before {@link renderParts} adds them up:
 * `value[t] = offset + level[t] + amplitude * gain[t] * wave(phase[t]) + noise[t] + add[t]`, or the previous
 * value where `hold[t]` is 1 (a stuck sensor).
 */
export interface BaseParts {
  shape: BaseShape;
  /** Steps per cycle of the wave (an integer); random-walk has no wave but keeps a period for lengths. */
  period: number;
  /** Seconds between two steps: 3600 for `seasonal` (a daily cycle of 24), 300 otherwise (NAB's 5 minutes). */
  intervalSeconds: number;
  /** The typical size of the signal; anomaly magnitudes are multiples of it. */
  scale: number;
  amplitude: number;
  /**
   * A whole number lifting the base so its lowest point is at least 8 scales above 0: every value stays positive
   * with any anomaly (none goes lower than 6 scales), so log returns, the CLI's default transform, apply.
   */
  offset: number;
  /** One cycle of the wave, for a phase in cycles; null for a base without a cycle (random-walk). */
  wave: ((cycles: number) => number) | null;
  level: Float64Array;
  /** Cycles elapsed at each step: `t / period`, unless an anomaly changes the frequency. */
  phase: Float64Array;
  gain: Float64Array;
  noise: Float64Array;
  add: Float64Array;
  hold: Uint8Array;
}

const frac = (c: number): number => c - Math.floor(c);
const TWO_PI = 2 * Math.PI;

/** Each shape's wave, amplitude, noise and scale; `level` adds the shape's slow part (walk, trend, week). */
interface ShapeDef {
  wave: ((c: number) => number) | null;
  amplitude: number;
  noise: number;
  scale: number;
  seasonal?: boolean;
  level?: (n: number, period: number, rng: Rng) => Float64Array;
}

const sine = (c: number): number => Math.sin(TWO_PI * c);

const SHAPES = {
  sine: { wave: sine, amplitude: 1, noise: 0.05, scale: 1 },
  harmonics: {
    wave: (c) => (Math.sin(TWO_PI * c) + 0.5 * Math.sin(2 * TWO_PI * c + 0.6) + 0.3 * Math.sin(3 * TWO_PI * c)) / 1.3,
    amplitude: 1,
    noise: 0.05,
    scale: 1,
  },
  seasonal: {
    // a daily cycle (24 hourly steps) with a busy afternoon, and quieter weekends (days 5 and 6 of each week)
    wave: (c) => 0.7 * Math.sin(TWO_PI * (c - 0.25)) + 0.3 * Math.sin(2 * TWO_PI * c),
    amplitude: 1,
    noise: 0.08,
    scale: 1,
    seasonal: true,
    level: (n, period) => Float64Array.from({ length: n }, (_, t) => (Math.floor(t / period) % 7 >= 5 ? -0.8 : 0)),
  },
  'random-walk': {
    wave: null,
    amplitude: 0,
    noise: 0.05,
    scale: 1,
    level: (n, _p, rng) => {
      const out = new Float64Array(n);
      for (let t = 1; t < n; t++) out[t] = out[t - 1] + 0.04 * rng.normal();
      return out;
    },
  },
  trend: {
    wave: sine,
    amplitude: 1,
    noise: 0.05,
    scale: 1,
    level: (n, _p, rng) => {
      const rise = (rng.next() < 0.5 ? -1 : 1) * rng.uniform(3, 6);
      return Float64Array.from({ length: n }, (_, t) => (rise * t) / n);
    },
  },
  square: { wave: (c) => (frac(c) < 0.5 ? 1 : -1), amplitude: 1, noise: 0.05, scale: 1 },
  sawtooth: { wave: (c) => 2 * frac(c) - 1, amplitude: 1, noise: 0.05, scale: 1 },
  noisy: { wave: sine, amplitude: 1, noise: 0.4, scale: 1 },
  quiet: { wave: sine, amplitude: 0.1, noise: 0.01, scale: 0.1 },
} satisfies Record<BaseShape, ShapeDef>;

/**
 * The period of a base of `n` steps: 24 (hourly, daily cycle) for `seasonal`, else a seeded integer between 20
 * and `n / 50` (at most 300), so every series holds at least 50 cycles.
 *
 * @throws Nothing.
 * @example
 * basePeriod('seasonal', 5000, new Rng(1)); // 24
 */
export function basePeriod(shape: BaseShape, n: number, rng: Rng): number {
  if (shape === 'seasonal') return 24;
  const hi = Math.max(20, Math.min(300, Math.floor(n / 50)));
  return 20 + rng.int(hi - 20 + 1);
}

/**
 * The parts of a base signal of `n` steps, from `seed` alone (so a series with and without anomalies shares
 * its base to the bit).
 *
 * @throws Nothing (callers check `n`).
 * @example
 * const parts = makeBase('harmonics', 2000, 7); // parts.period in 20..40
 */
export function makeBase(shape: BaseShape, n: number, seed: number): BaseParts {
  const def: ShapeDef = SHAPES[shape];
  const rng = new Rng(seed);
  const period = basePeriod(shape, n, rng);
  const level = def.level ? def.level(n, period, rng) : new Float64Array(n);
  const noise = new Float64Array(n);
  for (let t = 0; t < n; t++) noise[t] = def.noise * rng.normal();
  const phase = Float64Array.from({ length: n }, (_, t) => t / period);
  let low = Infinity;
  for (let t = 0; t < n; t++)
    low = Math.min(low, level[t] + (def.wave ? def.amplitude * def.wave(phase[t]) : 0) + noise[t]);
  return {
    shape,
    period,
    intervalSeconds: def.seasonal ? 3600 : 300,
    scale: def.scale,
    amplitude: def.amplitude,
    offset: Math.ceil(8 * def.scale - low),
    wave: def.wave,
    level,
    phase,
    gain: new Float64Array(n).fill(1),
    noise,
    add: new Float64Array(n),
    hold: new Uint8Array(n),
  };
}

/**
 * Add the parts up into values, rounded to 5 decimals (what the CSV holds, so a written series reads back to
 * the same numbers); a held step repeats the value before it.
 *
 * @throws Nothing.
 * @example
 * const values = renderParts(makeBase('sine', 1000, 1)); // 1000 numbers
 */
export function renderParts(p: BaseParts): Float64Array {
  const n = p.level.length;
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) {
    if (p.hold[t] && t > 0) {
      out[t] = out[t - 1];
      continue;
    }
    const w = p.wave ? p.amplitude * p.gain[t] * p.wave(p.phase[t]) : 0;
    out[t] = Math.round((p.offset + p.level[t] + w + p.noise[t] + p.add[t]) * 1e5) / 1e5;
  }
  return out;
}
