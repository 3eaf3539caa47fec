import { decimate, pick } from './decimate';
import type { Figure } from './figure';

/**
 * Buckets of a chart drawn in a notebook cell: about one per 2 px of its plot area (1000-1100 px at a 1280 px
 * window), so a line keeps at most 3 points per bucket (first, lowest, highest) and the exported page stays under
 * its size target. Zoomed in, such a chart shows that resolution; the run report keeps `DECIMATE_BUCKETS`.
 */
export const NOTEBOOK_BUCKETS = 500;

const axesOf = (t: Record<string, unknown>): string => `${t.xaxis ?? 'x'}/${t.yaxis ?? 'y'}`;

/**
 * The figure with each long line trace (`mode: 'lines'`, more than `2 * buckets` points) decimated by
 * {@link decimate}: min/max per bucket, and always through every point whose x a marker trace on the same axes
 * marks (anomalies, flagged windows), so each marker still sits on its line, and through every gap (`null`, NaN)
 * so the line still breaks there. Every per-point array of the trace
 * (`x`, `y`, `customdata`, `text`, `hovertext`) is picked alike; other traces and the layout are shared, not
 * copied. A chart builder already decimates at `DECIMATE_BUCKETS`; this thins it further for a smaller page.
 *
 * @throws never: traces it cannot read (a `y` not of numbers, `x` of another length) are kept as they are.
 * @example
 * decimateFigure(anomalyChart(lineOf(series), anomalies), 500).data[0].x.length; // <= 1501 + anomalies
 */
export function decimateFigure(fig: Figure, buckets = NOTEBOOK_BUCKETS): Figure {
  const marked = new Map<string, Set<unknown>>(); // axes -> x values of marker traces
  for (const t of fig.data) {
    if (typeof t.mode === 'string' && t.mode.includes('markers') && Array.isArray(t.x)) {
      const set = marked.get(axesOf(t)) ?? new Set<unknown>();
      for (const x of t.x) set.add(x);
      marked.set(axesOf(t), set);
    }
  }
  const data = fig.data.map((t) => {
    const { x, y } = t;
    if (t.mode !== 'lines' || !Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return t;
    if (y.length <= 2 * buckets || !y.every((v) => v === null || typeof v === 'number')) return t;
    const values = y.map((v) => (v === null ? Number.NaN : (v as number)));
    const marks = marked.get(axesOf(t)) ?? new Set<unknown>();
    // Marked points stay, and so does every gap (null, NaN), or the line would be drawn across it.
    const keep = values.flatMap((v, i) => (marks.has(x[i]) || !Number.isFinite(v) ? [i] : []));
    const idx = decimate(values, buckets, keep);
    const out: Record<string, unknown> = { ...t };
    for (const key of ['x', 'y', 'customdata', 'text', 'hovertext']) {
      const a = t[key];
      if (Array.isArray(a) && a.length === y.length) out[key] = pick(a, idx);
    }
    return out;
  });
  return { data, layout: fig.layout };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;

/** Arrays shorter than this stay readable JSON: the saving is small. */
const MIN_ENCODED = 16;

/** Milliseconds of each ISO date (its wall time read as UTC, as Plotly reads a date string), or null. */
function dateMs(x: unknown[]): Float64Array | null {
  const ms = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const s = x[i];
    if (typeof s !== 'string' || !ISO_DATE.test(s)) return null;
    ms[i] = Date.parse(`${s.length === 10 ? `${s}T00:00` : s.replace(' ', 'T')}Z`);
    if (!Number.isFinite(ms[i])) return null;
  }
  return ms;
}

/**
 * The figure with the ISO date `x` of each trace on a date axis sent as Plotly's typed-array form: milliseconds
 * since 1970 (the date's wall time read as UTC, as Plotly itself reads a date string) in a base64 float64 array,
 * `{dtype: 'f8', bdata}`: about 11 characters a point instead of 22 for `"2013-12-02T21:10:00",`. Plotly
 * draws, ticks and labels it exactly as the strings (same hover text, same range). Short arrays (under 16) and
 * arrays holding anything but ISO dates are kept as they are; the layout is shared, not copied.
 *
 * @throws never.
 * @example
 * encodeDates(splitChart(lineOf(series), trainEnd)).data[0].x; // { dtype: 'f8', bdata: 'AADA...' }
 */
export function encodeDates(fig: Figure): Figure {
  const data = fig.data.map((t) => {
    const axis = fig.layout[`xaxis${String(t.xaxis ?? 'x').slice(1)}`] as Record<string, unknown> | undefined;
    if (axis?.type !== 'date' || !Array.isArray(t.x) || t.x.length < MIN_ENCODED) return t;
    const ms = dateMs(t.x);
    if (!ms) return t;
    return { ...t, x: { dtype: 'f8', bdata: Buffer.from(ms.buffer, ms.byteOffset, ms.byteLength).toString('base64') } };
  });
  return { data, layout: fig.layout };
}
