import { InputError, invalid } from '../../util/errors';
import { Rng } from '../../util/random';
import type { Series } from '../series';
import { ANOMALIES, ANOMALY_KINDS, type AnomalyKind } from './anomalies';
import { BASE_SHAPES, type BaseShape, makeBase, renderParts } from './bases';

/**
 * Shortest synthetic series, in steps.
 *
 * @example
 * MIN_SYNTH_LENGTH; // 1000
 */
export const MIN_SYNTH_LENGTH = 1000;
/**
 * Longest synthetic series, in steps.
 *
 * @example
 * MAX_SYNTH_LENGTH; // 50000
 */
export const MAX_SYNTH_LENGTH = 50000;

/**
 * What to make: a base shape, a length and the anomaly kinds to inject.
 *
 * @example
 * const spec: SynthSpec = { base: 'square', length: 3000, kinds: ['flatline'], seed: 4 };
 */
export interface SynthSpec {
  base: BaseShape;
  /** Steps, 1000..50000. */
  length: number;
  /** Kinds to inject, each at its own seeded place (a kind may repeat). */
  kinds: readonly AnomalyKind[];
  /** Seed of the base and of the anomalies' places and sizes. */
  seed: number;
  /** File name without `.csv`. Default `<base>-<length>`. */
  name?: string;
  /** Sub-folder (NAB's "subset"). Default the base shape. */
  subset?: string;
  /** Anomalies start at or after this share of the series (the part before is clean, to train on). Default 0.5. */
  from?: number;
  /** Timestamp of the first step, UTC. Default `2021-01-01T00:00:00`. */
  start?: string;
}

/**
 * One injected anomaly: its kind and its inclusive span of steps and timestamps.
 *
 * @example
 * synthSeries(spec).labels[0]; // { kind: 'flatline', start, end, startDate, endDate }
 */
export interface SynthLabel {
  kind: AnomalyKind;
  start: number;
  end: number;
  startDate: string;
  endDate: string;
}

/**
 * A labeled synthetic series.
 *
 * @example
 * const { series, labels } = synthSeries(spec);
 */
export interface SynthSeries {
  name: string;
  subset: string;
  base: BaseShape;
  /** Steps per cycle of the base. */
  period: number;
  intervalSeconds: number;
  /** Column `value`, ISO timestamps `YYYY-MM-DDTHH:MM:SS`, source `synthetic:<subset>/<name>`. */
  series: Series;
  /** The anomalies in time order; each changes the series inside its span and nowhere else. */
  labels: SynthLabel[];
}

/**
 * Check a spec's base, length, kinds and `from`.
 *
 * @throws InputError one line naming the bad value.
 * @example
 * checkSynthSpec({ base: 'sine', length: 500, kinds: [], seed: 1 }); // throws: invalid length: 500 (...)
 */
export function checkSynthSpec(spec: SynthSpec): void {
  if (!BASE_SHAPES.includes(spec.base)) throw invalid('base', spec.base, `one of ${BASE_SHAPES.join(', ')}`);
  const n = spec.length;
  if (!Number.isInteger(n) || n < MIN_SYNTH_LENGTH || n > MAX_SYNTH_LENGTH) {
    throw invalid('length', n, `an integer from ${MIN_SYNTH_LENGTH} to ${MAX_SYNTH_LENGTH}`);
  }
  for (const k of spec.kinds) {
    if (!ANOMALY_KINDS.includes(k)) throw invalid('anomaly kind', k, `one of ${ANOMALY_KINDS.join(', ')}`);
    if (ANOMALIES[k].cyclic && spec.base === 'random-walk') {
      throw new InputError(`anomaly kind ${k} needs a cycle; base random-walk has none`);
    }
  }
  const from = spec.from ?? 0.5;
  if (!(from >= 0 && from <= 0.9)) throw invalid('from', from, 'a share from 0 to 0.9');
  if (!Number.isFinite(spec.seed)) throw invalid('seed', spec.seed, 'an integer');
}

/** Seeded non-negative parts of `total` (k + 1 of them, summing to at most `total`). */
function slacks(total: number, k: number, rng: Rng): number[] {
  const w = Array.from({ length: k + 1 }, () => rng.next());
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => Math.floor((total * x) / sum));
}

function isoAt(startMs: number, t: number, seconds: number): string {
  return new Date(startMs + t * seconds * 1000).toISOString().slice(0, 19);
}

/**
 * Make a labeled synthetic series: the base from the seed, then each kind at a seeded place after `from`, at
 * least one period from the next and from the end, never overlapping. Same spec, same values to the bit.
 *
 * @throws InputError for a bad spec, or kinds that do not fit in the series after `from`.
 * @example
 * const s = synthSeries({ base: 'sine', length: 2000, kinds: ['spike', 'level-shift'], seed: 1 });
 * s.labels.map((l) => l.kind); // the two kinds, in time order
 */
export function synthSeries(spec: SynthSpec): SynthSeries {
  checkSynthSpec(spec);
  const n = spec.length;
  const rng = new Rng(spec.seed);
  const parts = makeBase(spec.base, n, rng.seed());
  const place = new Rng(rng.seed());
  const per = parts.period;
  const kinds = place.permutation(spec.kinds.length).map((i) => spec.kinds[i]);
  const lengths = kinds.map((k) => ANOMALIES[k].length(n, per, place));
  const slots = kinds.map((k, i) => lengths[i] + (ANOMALIES[k].aligned ? per : 0) + per);
  const lo = Math.ceil((spec.from ?? 0.5) * n);
  const free = n - per - lo - slots.reduce((a, b) => a + b, 0);
  if (free < 0) {
    throw new InputError(
      `anomalies ${spec.kinds.join(',')} need ${n - lo - per - free} steps; a ${n}-step ${spec.base} series has ` +
        `${n - lo - per} after step ${lo} (use a longer series or fewer kinds)`,
    );
  }
  const slack = slacks(free, kinds.length, place);
  const spans: { kind: AnomalyKind; start: number; len: number }[] = [];
  let pos = lo;
  kinds.forEach((kind, i) => {
    pos += slack[i];
    const s = ANOMALIES[kind].aligned ? Math.ceil((pos + per) / per) * per : pos + per;
    ANOMALIES[kind].apply(parts, s, lengths[i], place);
    spans.push({ kind, start: s, len: lengths[i] });
    pos += slots[i];
  });
  const startMs = Date.parse(`${spec.start ?? '2021-01-01T00:00:00'}Z`);
  if (!Number.isFinite(startMs)) throw invalid('start', spec.start, 'a timestamp YYYY-MM-DDTHH:MM:SS');
  const sec = parts.intervalSeconds;
  const values = renderParts(parts);
  const name = spec.name ?? `${spec.base}-${n}`;
  const subset = spec.subset ?? spec.base;
  return {
    name,
    subset,
    base: spec.base,
    period: per,
    intervalSeconds: sec,
    series: {
      dates: Array.from({ length: n }, (_, t) => isoAt(startMs, t, sec)),
      values: Array.from(values, (v) => [v]),
      columns: ['value'],
      source: `synthetic:${subset}/${name}`,
    },
    labels: spans.map(({ kind, start, len }) => ({
      kind,
      start,
      end: start + len - 1,
      startDate: isoAt(startMs, start, sec),
      endDate: isoAt(startMs, start + len - 1, sec),
    })),
  };
}
