import type { Rng } from '../../util/random';
import type { BaseParts } from './bases';

/**
 * The labeled anomaly kinds of synthetic series (see {@link ANOMALIES}).
 *
 * @example
 * ANOMALY_KINDS.length; // 10
 */
export const ANOMALY_KINDS = [
  'spike',
  'dip',
  'level-shift',
  'trend-change',
  'frequency-change',
  'amplitude-change',
  'flatline',
  'noise-burst',
  'missing-cycle',
  'drift',
] as const;

/**
 * An anomaly kind.
 *
 * @example
 * const kind: AnomalyKind = 'missing-cycle';
 */
export type AnomalyKind = (typeof ANOMALY_KINDS)[number];

/**
 * How one kind is drawn and injected.
 *
 * @example
 * const spec: AnomalySpec = ANOMALIES.spike; // spec.about: 'a jump up of 4-6 x scale for 1-3 steps'
 */
export interface AnomalySpec {
  /** One line for `--help` and the README. */
  about: string;
  /** True when the kind changes the wave (a base without a cycle, random-walk, cannot take it). */
  cyclic: boolean;
  /** True when the anomaly starts at the start of a cycle (its length is then whole cycles). */
  aligned: boolean;
  /** A seeded length in steps for a series of `n` steps and this period. */
  length(n: number, period: number, rng: Rng): number;
  /** Edit the parts on steps `[start, start + length)`; every step there changes, no other. */
  apply(p: BaseParts, start: number, length: number, rng: Rng): void;
}

const sign = (rng: Rng): number => (rng.next() < 0.5 ? -1 : 1);
const between = (rng: Rng, lo: number, hi: number): number => lo + rng.int(hi - lo + 1);
const addOver = (p: BaseParts, s: number, len: number, f: (k: number) => number): void => {
  for (let k = 0; k < len; k++) p.add[s + k] += f(k);
};

function bump(up: number) {
  return (p: BaseParts, s: number, len: number, rng: Rng): void => {
    const h = up * rng.uniform(4, 6) * p.scale;
    addOver(p, s, len, () => h);
  };
}

/**
 * Every anomaly kind: its length and how it edits a base. Magnitudes are multiples of the base's scale; a kind
 * that lasts (level shift, trend change, drift, ...) ends inside its label and the series returns to its base.
 *
 * @example
 * ANOMALIES['missing-cycle'].cyclic; // true: random-walk cannot take it
 */
export const ANOMALIES = {
  spike: {
    about: 'a jump up of 4-6 x scale for 1-3 steps',
    cyclic: false,
    aligned: false,
    length: (_n, _p, rng) => between(rng, 1, 3),
    apply: bump(1),
  },
  dip: {
    about: 'a drop of 4-6 x scale for 1-3 steps',
    cyclic: false,
    aligned: false,
    length: (_n, _p, rng) => between(rng, 1, 3),
    apply: bump(-1),
  },
  'level-shift': {
    about: 'the level moves by 1.5-3 x scale for 2-6 cycles, then back',
    cyclic: false,
    aligned: false,
    length: (_n, per, rng) => between(rng, 2 * per, 6 * per),
    apply: (p, s, len, rng) => {
      const h = sign(rng) * rng.uniform(1.5, 3) * p.scale;
      addOver(p, s, len, () => h);
    },
  },
  'trend-change': {
    about: 'the slope turns to reach 2-3 x scale halfway, then turns back to the base path',
    cyclic: false,
    aligned: false,
    length: (n, per, rng) => Math.min(between(rng, 4 * per, 10 * per), Math.floor(n / 12)),
    apply: (p, s, len, rng) => {
      const h = (sign(rng) * rng.uniform(2, 3) * p.scale) / Math.ceil(len / 2);
      addOver(p, s, len, (k) => h * Math.min(k + 1, len - k));
    },
  },
  'frequency-change': {
    about: 'the cycle runs twice as fast or half as fast for 2-6 cycles',
    cyclic: true,
    aligned: true,
    length: (_n, per, rng) => 2 * per * between(rng, 1, 3),
    apply: (p, s, len, rng) => {
      // from step s - 1 the phase moves f / period a step; after len steps (a multiple of 2 periods) it is a
      // whole number of cycles off the base, so the wave goes on from where the base is
      const f = rng.next() < 0.5 ? 2 : 0.5;
      const from = p.phase[s];
      for (let k = 0; k < len; k++) p.phase[s + k] = from + (f * (k + 1) - 1) / p.period;
    },
  },
  'amplitude-change': {
    about: 'the cycle grows 2.5x or shrinks to 0.25x for 2-5 cycles',
    cyclic: true,
    aligned: true,
    length: (_n, per, rng) => per * between(rng, 2, 5),
    apply: (p, s, len, rng) => {
      const g = rng.next() < 0.5 ? 2.5 : 0.25;
      for (let k = 0; k < len; k++) p.gain[s + k] = g;
    },
  },
  flatline: {
    about: 'the value sticks (a stuck sensor) for 1-2 cycles',
    cyclic: false,
    aligned: false,
    length: (_n, per, rng) => between(rng, per, 2 * per),
    apply: (p, s, len) => {
      for (let k = 0; k < len; k++) p.hold[s + k] = 1;
    },
  },
  'noise-burst': {
    about: 'Gaussian noise of 0.5-1 x scale on top for 1-3 cycles',
    cyclic: false,
    aligned: false,
    length: (_n, per, rng) => between(rng, per, 3 * per),
    apply: (p, s, len, rng) => {
      const sd = rng.uniform(0.5, 1) * p.scale;
      addOver(p, s, len, () => sd * rng.normal());
    },
  },
  'missing-cycle': {
    about: 'one whole cycle is missing (contextual: values stay in range, e.g. a holiday in daily data)',
    cyclic: true,
    aligned: true,
    length: (_n, per) => per,
    apply: (p, s, len) => {
      for (let k = 0; k < len; k++) p.gain[s + k] = 0;
    },
  },
  drift: {
    about: 'a slow ramp to 1.5-2.5 x scale over a twelfth to an eighth of the series, then a reset',
    cyclic: false,
    aligned: false,
    length: (n, _p, rng) => between(rng, Math.floor(n / 12), Math.floor(n / 8)),
    apply: (p, s, len, rng) => {
      const h = (sign(rng) * rng.uniform(1.5, 2.5) * p.scale) / len;
      addOver(p, s, len, (k) => h * (k + 1));
    },
  },
} satisfies Record<AnomalyKind, AnomalySpec>;
