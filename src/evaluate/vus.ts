import { runsOf } from './runs';

/** Options of `vus`, defaulting to TSB-AD's `get_metrics(score, labels, slidingWindow=100, version='opt', thre=250)`. */
export interface VusOptions {
  /** Largest buffer around each label (TSB-AD's `slidingWindow`); the volume averages windows 0..window. Default 100. */
  window?: number;
  /** Thresholds per curve, at evenly spaced ranks of the sorted scores (TSB-AD's `thre`). Default 250. */
  thresholds?: number;
}

/** The volumes under the range-aware ROC and PR surfaces. */
export interface Vus {
  vusRoc: number;
  vusPr: number;
}

/** The buffered labels of one window: 1 on labels, sqrt ramps of half the window either side, capped at 1. */
function buffered(n: number, truth: ArrayLike<boolean>, seq: [number, number][], w: number, out: Float64Array): void {
  for (let i = 0; i < n; i++) out[i] = truth[i] ? 1 : 0;
  const h = Math.floor(w / 2);
  for (const [s, e] of seq) {
    for (let x = e + 1; x < Math.min(e + h + 1, n); x++) out[x] += Math.sqrt(1 - (x - e) / w);
    for (let x = Math.max(s - h, 0); x < s; x++) out[x] += Math.sqrt(1 - (s - x) / w);
  }
  for (let i = 0; i < n; i++) if (out[i] > 1) out[i] = 1;
}

/** TSB-AD's `new_sequence`: labels widened by half the window, merged where they meet, clipped to the series. */
function widened(n: number, seq: [number, number][], w: number): [number, number][] {
  const h = Math.floor(w / 2);
  const out: [number, number][] = [];
  let a = Math.max(seq[0][0] - h, 0);
  for (let i = 0; i + 1 < seq.length; i++) {
    if (seq[i][1] + h < seq[i + 1][0] - h) {
      out.push([a, seq[i][1] + h]);
      a = seq[i + 1][0] - h;
    }
  }
  out.push([a, Math.min(seq[seq.length - 1][1] + h, n - 1)]);
  return out;
}

/**
 * VUS-ROC and VUS-PR (Paparrizos et al., VLDB 2022; TSB-AD's headline measure), the same numbers as TSB-AD's
 * `generate_curve(label, score, slidingWindow, 'opt', thre)` (`RangeAUC_volume_opt` in `basic_metrics.py`): for
 * each buffer width w = 0..window, labels are widened by sqrt ramps of w/2 steps either side; at `thresholds`
 * thresholds (the scores at ranks `floor(linspace(0, n-1, thresholds))` of the descending sort, a step predicted
 * when its score is >= the threshold) the range-aware TPR (recall x share of widened labels touched), FPR and
 * precision are taken; the trapezoid ROC area and the step-wise PR area are averaged over the widths.
 *
 * The reference walks every threshold for every width (O(window x thresholds x labeled span)); here each step's
 * first predicting threshold is found once, and each width sums its buffered labels into per-threshold buckets
 * (O(window x (n + thresholds))): equal up to rounding (1e-12 on the fixtures).
 *
 * @throws Error when the arrays differ in length. Both NaN when no step is labeled (the reference fails there).
 * @example
 * vus([0.1, 0.9, 0.8, 0.2, 0.1], [false, true, true, false, false], { window: 2 }).vusRoc; // 1
 */
export function vus(scores: ArrayLike<number>, truth: ArrayLike<boolean>, options: VusOptions = {}): Vus {
  const W = options.window ?? 100;
  const T = options.thresholds ?? 250;
  const n = scores.length;
  if (truth.length !== n) throw new Error(`invalid scores: ${n} for ${truth.length} labeled steps`);
  const seq = runsOf(truth);
  if (seq.length === 0 || n === 0) return { vusRoc: NaN, vusPr: NaN };
  let P = 0;
  for (let i = 0; i < n; i++) if (truth[i]) P++;
  const asc = Float64Array.from(scores).sort();
  const step = T > 1 ? (n - 1) / (T - 1) : 0;
  const thr = new Float64Array(T);
  const nPred = new Float64Array(T);
  for (let k = 0; k < T; k++) {
    const r = k === T - 1 ? n - 1 : Math.floor(k * step);
    thr[k] = asc[n - 1 - r];
    let lo = 0; // first ascending index holding a score >= thr[k]
    let hi = n;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (asc[m] < thr[k]) lo = m + 1;
      else hi = m;
    }
    nPred[k] = n - lo;
  }
  // first threshold index at which each step is predicted (T: never); thresholds do not increase with k
  const first = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let lo = 0;
    let hi = T;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (thr[m] <= scores[i]) hi = m;
      else lo = m + 1;
    }
    first[i] = lo;
  }
  const ext = new Float64Array(n);
  const tpB = new Float64Array(T + 1);
  const labB = new Float64Array(T + 1);
  const exB = new Float64Array(T + 1);
  let rocSum = 0;
  let prSum = 0;
  for (let w = 0; w <= W; w++) {
    buffered(n, truth, seq, w, ext);
    const L = widened(n, seq, w);
    tpB.fill(0);
    labB.fill(0);
    exB.fill(0);
    for (const [a, b] of L) {
      let minFirst = T;
      for (let i = a; i <= b; i++) {
        const f = first[i];
        if (f < minFirst) minFirst = f;
        tpB[f] += ext[i];
        if (truth[i]) labB[f] += 1;
      }
      exB[minFirst] += 1;
    }
    let tp = 0;
    let lab = 0;
    let ex = 0;
    let prevTpr = 0;
    let prevFpr = 0;
    let roc = 0;
    let pr = 0;
    for (let k = 0; k < T; k++) {
      tp += tpB[k];
      lab += labB[k];
      ex += exB[k];
      const nLabels = P + tp - lab;
      const pNew = (P + nLabels) / 2;
      const tpr = Math.min(tp / pNew, 1) * (ex / L.length);
      const fpr = (nPred[k] - tp) / (n - pNew);
      roc += (fpr - prevFpr) * ((tpr + prevTpr) / 2);
      pr += (tpr - prevTpr) * (tp / nPred[k]);
      prevTpr = tpr;
      prevFpr = fpr;
    }
    roc += (1 - prevFpr) * ((1 + prevTpr) / 2);
    rocSum += roc;
    prSum += pr;
  }
  return { vusRoc: rocSum / (W + 1), vusPr: prSum / (W + 1) };
}
