/**
 * Plain-words explanation of one event, built from its numbers only.
 *
 * Definitions (the ones every figure below follows):
 * - **move span**: the raw rows of the event's steps; with a differencing transform (logret, diff) a step *is*
 *   the move into it, so the span starts one raw row earlier (`lag`).
 * - **largest change inside the event**: over raw values `x[i], x[j]`, `i < j` in the move span, the pair of
 *   largest `|x[j] / x[i] - 1|` (percent) when every value of the column is positive, else of largest
 *   `|x[j] - x[i]|` (the series' own units).
 * - **typical k-step move**: the median of `|x[t+k] / x[t] - 1|` (positive series) or `|x[t+k] - x[t]|` over the
 *   training rows, `k = j - i` capped at {@link MAX_MOVE_STEPS} and at half the training rows.
 * - **calibrated score**: the share of training window scores strictly below the event's peak window score
 *   (ties counted apart, in `ties`); `1 - calibrated` is the empirical p-value.
 * - **error vs threshold**: the peak score divided by the threshold at the peak (undefined when it is not > 0).
 */

/** Longest move, in steps, whose typical size is measured. */
export const MAX_MOVE_STEPS = 100;

/** The largest change inside an event. */
export interface EventMove {
  /** Column the move is measured on. */
  column: string;
  /** Dates and raw values at both ends. */
  fromDate: string;
  toDate: string;
  from: number;
  to: number;
  /** `to - from`, in the column's units. */
  change: number;
  /** `to / from - 1` when the column is positive (then the move is measured as a percent), else undefined. */
  relative?: number;
  /** Rows between the two ends. */
  steps: number;
  /** The typical move of `typicalSteps` rows in training (relative or in units, as the move), and its span. */
  typical: number;
  typicalSteps: number;
}

/** The figures behind an event's explanation (result.json `events[].explained`). */
export interface EventExplained {
  move?: EventMove;
  /** |move| / typical move (undefined when the typical move is 0). */
  moveMultiple?: number;
  /** Peak score / threshold at the peak. */
  errorVsThreshold?: number;
  /** Training window scores strictly below the peak window score, equal to it, and in all. */
  trainRank: { below: number; ties: number; of: number };
  /** `below / of`: the calibrated score (0..1), comparable across detectors and series. */
  calibrated: number;
  /** Steps in the event. */
  steps: number;
  /** Multivariate: the column carrying most of the error, and its share. */
  channel?: { name: string; share: number };
  /** What the reconstruction expected at the peak, in raw units (only detectors that reconstruct). */
  expected?: { column: string; date: string; value: number; actual: number };
  /** A run of one repeated value inside the event that the stuck rule flagged (`--stuck`): a stuck sensor. */
  stuck?: StuckSpan;
}

/** A run of one repeated value: its column, first and last date, length in steps and the value. */
export interface StuckSpan {
  column: string;
  fromDate: string;
  toDate: string;
  steps: number;
  value: number;
}

/** 3 significant digits, plain (no exponent below 1e21). */
export const sig3 = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(3))) : '-');

/** The median of `a`, which is sorted in place. */
const median = (a: Float64Array): number => {
  if (!a.length) return NaN;
  const s = a.sort();
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/**
 * The largest change between two raw rows `i < j` of `[lo, hi]` (see the definitions above), or undefined
 * when the span has fewer than 2 rows.
 *
 * @throws never.
 * @example
 * largestMove([100, 97, 93, 90], 0, 3, true); // { i: 0, j: 3, change: -10, relative: -0.1 }
 */
export function largestMove(
  x: ArrayLike<number>,
  lo: number,
  hi: number,
  positive: boolean,
): { i: number; j: number; change: number; relative?: number } | undefined {
  let best: { i: number; j: number; size: number } | undefined;
  for (let i = Math.max(lo, 0); i < hi; i++) {
    for (let j = i + 1; j <= hi && j < x.length; j++) {
      const size = positive ? Math.abs(x[j] / x[i] - 1) : Math.abs(x[j] - x[i]);
      if (!best || size > best.size) best = { i, j, size };
    }
  }
  if (!best) return undefined;
  const { i, j } = best;
  return { i, j, change: x[j] - x[i], ...(positive ? { relative: x[j] / x[i] - 1 } : {}) };
}

/**
 * The typical k-step move over the first `trainRows` rows: the median of `|x[t+k]/x[t] - 1|` (positive) or
 * `|x[t+k] - x[t]|`, k capped at {@link MAX_MOVE_STEPS} and at half the training rows (at least 1).
 *
 * @throws never.
 * @example
 * typicalMove([100, 101, 100, 101, 100], 5, 1, true); // { typical: 0.0099..., steps: 1 }
 */
export function typicalMove(
  x: ArrayLike<number>,
  trainRows: number,
  k: number,
  positive: boolean,
): { typical: number; steps: number } {
  const n = Math.min(trainRows, x.length);
  const steps = Math.max(1, Math.min(k, MAX_MOVE_STEPS, Math.floor(n / 2)));
  // one typed array, sorted in place: the training part of a long series has millions of rows
  const d = new Float64Array(Math.max(0, n - steps));
  for (let t = 0; t + steps < n; t++)
    d[t] = positive ? Math.abs(x[t + steps] / x[t] - 1) : Math.abs(x[t + steps] - x[t]);
  return { typical: median(d), steps };
}

/**
 * Rank of a score among training scores: how many are strictly below it, equal to it, and in all.
 *
 * @throws never.
 * @example
 * calibrate([1, 2, 3, 3], 3); // { below: 2, ties: 2, of: 4 }
 */
export function calibrate(train: ArrayLike<number>, score: number): { below: number; ties: number; of: number } {
  let below = 0;
  let ties = 0;
  for (let i = 0; i < train.length; i++) {
    if (train[i] < score) below++;
    else if (train[i] === score) ties++;
  }
  return { below, ties, of: train.length };
}

/** What {@link explainEvent} needs: raw column values and the event's numbers. */
export interface ExplainInput {
  /** Raw dates (or the date of row i, for a long series kept compact) and values of the column the move is
   * measured on, the whole series. */
  dates: readonly string[] | ((i: number) => string);
  values: ArrayLike<number>;
  column: string;
  /** Raw rows of the move span (see the definitions above), inclusive. */
  lo: number;
  hi: number;
  /** Rows of the series in the training part (its first rows). */
  trainRows: number;
  /** Steps in the event. */
  steps: number;
  peakScore: number;
  thresholdAtPeak: number;
  /** The peak window score compared with `trainScores` (window MAEs). */
  peakWindowScore: number;
  trainScores: ArrayLike<number>;
  channel?: { name: string; share: number };
  expected?: { column: string; date: string; value: number; actual: number };
  /** A run the stuck rule flagged inside the event. */
  stuck?: StuckSpan;
  /** Word for a step in the sentence ('day' for daily dates). */
  unit?: string;
}

/**
 * The figures of one event and the sentence saying them.
 *
 * @throws never.
 * @example
 * explainEvent({ dates, values, column: 'close', lo: 3, hi: 6, trainRows: 60, steps: 3, peakScore: 2,
 *   thresholdAtPeak: 1, peakWindowScore: 2, trainScores }).sentence;
 * // 'close fell 10% in 3 days (121 on 2020-01-20 to 109 on 2020-01-23), 3.3x the usual 3-day move; ...'
 */
export function explainEvent(inp: ExplainInput): { explained: EventExplained; sentence: string } {
  const positive = isPositive(inp.values);
  const m = largestMove(inp.values, inp.lo, inp.hi, positive);
  const rank = rankAmong(inp.trainScores, inp.peakWindowScore);
  const ex: EventExplained = {
    trainRank: rank,
    calibrated: rank.of ? rank.below / rank.of : NaN,
    steps: inp.steps,
  };
  if (m) {
    const t = typicalMoveOnce(inp.values, inp.trainRows, m.j - m.i, positive);
    ex.move = {
      column: inp.column,
      fromDate: typeof inp.dates === 'function' ? inp.dates(m.i) : inp.dates[m.i],
      toDate: typeof inp.dates === 'function' ? inp.dates(m.j) : inp.dates[m.j],
      from: inp.values[m.i],
      to: inp.values[m.j],
      change: m.change,
      ...(m.relative !== undefined ? { relative: m.relative } : {}),
      steps: m.j - m.i,
      typical: t.typical,
      typicalSteps: t.steps,
    };
    const size = Math.abs(m.relative ?? m.change);
    if (t.typical > 0) ex.moveMultiple = size / t.typical;
  }
  if (inp.thresholdAtPeak > 0) ex.errorVsThreshold = inp.peakScore / inp.thresholdAtPeak;
  if (inp.channel) ex.channel = inp.channel;
  if (inp.expected) ex.expected = inp.expected;
  if (inp.stuck) ex.stuck = inp.stuck;
  return { explained: ex, sentence: sentenceOf(ex, inp.unit ?? 'step') };
}

const plural = (n: number, w: string): string => `${n} ${w}${n === 1 ? '' : 's'}`;

/**
 * The one sentence of an event's figures; a clause whose figure is missing is left out.
 *
 * @throws never.
 * @example
 * sentenceOf({ trainRank: { below: 9, ties: 0, of: 10 }, calibrated: 0.9, steps: 1 }, 'day');
 * // 'higher than 90% of training windows; 1 day long.'
 */
export function sentenceOf(ex: EventExplained, unit: string): string {
  const parts: string[] = [];
  const st = ex.stuck;
  if (st)
    parts.push(
      `${st.column} stuck at ${sig3(st.value)} for ${plural(st.steps, unit)} (${st.fromDate} to ${st.toDate})`,
    );
  const mv = ex.move;
  if (mv) {
    const dir = mv.change < 0 ? 'fell' : 'rose';
    const size = mv.relative !== undefined ? `${sig3(Math.abs(mv.relative) * 100)}%` : sig3(Math.abs(mv.change));
    const ends = `${sig3(mv.from)} on ${mv.fromDate} to ${sig3(mv.to)} on ${mv.toDate}`;
    let s = `${mv.column} ${dir} ${size} in ${plural(mv.steps, unit)} (${ends})`;
    if (ex.moveMultiple !== undefined) s += `, ${sig3(ex.moveMultiple)}x the usual ${mv.typicalSteps}-${unit} move`;
    parts.push(s);
  }
  const rank = ex.trainRank;
  const share =
    rank.of === 0
      ? ''
      : rank.below === rank.of
        ? `higher than all ${rank.of} training windows`
        : `higher than ${sig3(ex.calibrated * 100)}% of training windows${rank.ties ? ` (${rank.ties} equal)` : ''}`;
  const err = ex.errorVsThreshold !== undefined ? `error ${sig3(ex.errorVsThreshold)}x the threshold` : '';
  const rare = [err, share].filter(Boolean).join(', ');
  if (rare) parts.push(rare);
  parts.push(`${plural(ex.steps, unit)} long`);
  if (ex.channel) parts.push(`mostly in ${ex.channel.name} (${sig3(ex.channel.share * 100)}% of the error)`);
  const e = ex.expected;
  if (e)
    parts.push(`at the peak ${e.date} the reconstruction expected ${e.column} ${sig3(e.value)}, not ${sig3(e.actual)}`);
  return `${parts.join('; ')}.`;
}

// A run explains every event against the same columns and training scores (millions of rows, thousands of events
// in a long run): what depends on them alone is computed once per array and kept while the array lives.
const positives = new WeakMap<ArrayLike<number>, boolean>();
const typicals = new WeakMap<ArrayLike<number>, Map<string, { typical: number; steps: number }>>();
const sortedScores = new WeakMap<ArrayLike<number>, Float64Array>();

/** Whether every value is > 0, once per array. */
function isPositive(values: ArrayLike<number>): boolean {
  let p = positives.get(values);
  if (p === undefined) positives.set(values, (p = Array.prototype.every.call(values, (v: number) => v > 0)));
  return p;
}

/** {@link typicalMove}, once per array, training rows, span and sign. */
function typicalMoveOnce(x: ArrayLike<number>, trainRows: number, k: number, positive: boolean) {
  let byKey = typicals.get(x);
  if (!byKey) typicals.set(x, (byKey = new Map()));
  const key = `${trainRows},${k},${positive}`;
  let t = byKey.get(key);
  if (!t) byKey.set(key, (t = typicalMove(x, trainRows, k, positive)));
  return t;
}

/** {@link calibrate}'s counts by binary search in the scores sorted once per array (the same counts). */
function rankAmong(train: ArrayLike<number>, score: number): { below: number; ties: number; of: number } {
  const s = sortedScores.get(train) ?? Float64Array.from(train).sort();
  sortedScores.set(train, s);
  const first = (pass: (v: number) => boolean): number => {
    let lo = 0;
    let hi = s.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (pass(s[mid])) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const below = first((v) => v < score);
  return { below, ties: first((v) => v <= score) - below, of: train.length };
}
