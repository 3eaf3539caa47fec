/**
 * The interval integrals of the affiliation metrics, ported from ahstat/affiliation-metrics-py
 * (`_integral_interval.py`, also vendored by TSB-AD): `I` a predicted interval, `J` a labeled one, `E` the
 * affiliation zone of `J`; intervals are `[start, stop]` with start < stop, `null` for an empty one.
 */
export type Iv = [number, number] | null;

/**
 * The intersection of two intervals, null when empty or a single point.
 * @throws never.
 * @example
 * intersect([1, 3], [2, 4]); // [2, 3]
 */
export function intersect(I: Iv, J: Iv): Iv {
  if (I === null || J === null) return null;
  const a = Math.max(I[0], J[0]);
  const b = Math.min(I[1], J[1]);
  return a >= b ? null : [a, b];
}

const len = (I: Iv): number => (I === null ? 0 : I[1] - I[0]);

/** `I` cut into its parts before, inside and after `J`. */
function cutIntoThree(I: Iv, J: [number, number]): [Iv, Iv, Iv] {
  if (I === null) return [null, null, null];
  const inter = intersect(I, J);
  if (inter !== null && inter[0] === I[0] && inter[1] === I[1]) return [null, inter, null];
  if (I[1] <= J[0]) return [I, inter, null];
  if (I[0] >= J[1]) return [null, inter, I];
  const x = inter as [number, number];
  if (I[0] <= J[0] && I[1] >= J[1]) return [[I[0], x[0]], inter, [x[1], I[1]]];
  if (I[0] <= J[0]) return [[I[0], x[0]], inter, null];
  return [null, inter, [x[1], I[1]]];
}

/** The point of `J` closest to `I` (disjoint from it). */
function pivot(I: [number, number], J: [number, number]): number {
  return I[1] <= J[0] ? J[0] : J[1];
}

/** The precision integral of survival probabilities over an `I` outside `J`. */
function precisionOutside(I: [number, number], J: [number, number], E: [number, number]): number {
  const [eMin, eMax] = E;
  const [jMin, jMax] = J;
  const [iMin, iMax] = I;
  const dMin = Math.max(iMin - jMax, jMin - iMax);
  const dMax = Math.max(iMax - jMax, jMin - iMin);
  const m = Math.min(jMin - eMin, eMax - jMax);
  const A = Math.min(dMax, m) ** 2 - Math.min(dMin, m) ** 2;
  const B = Math.max(dMax, m) - Math.max(dMin, m);
  const minPiece = (1 / 2) * A + m * B;
  const linear = (1 / 2) * (dMax ** 2 - dMin ** 2);
  const remaining = (jMax - jMin) * (iMax - iMin);
  return iMax - iMin - (1 / (eMax - eMin)) * (minPiece + linear + remaining);
}

/**
 * The integral over `I` of the survival probability of its distance to `J` within `E` (precision side).
 * @throws never.
 * @example
 * precisionIntegral([2, 3], [2, 3], [0, 10]); // 1
 */
export function precisionIntegral(I: Iv, J: [number, number], E: [number, number]): number {
  const [before, middle, after] = cutIntoThree(I, J);
  return (
    (before === null ? 0 : precisionOutside(before, J, E)) +
    len(middle) +
    (after === null ? 0 : precisionOutside(after, J, E))
  );
}

function cutAt(J: Iv, mean: number): [Iv, Iv] {
  if (J === null) return [null, null];
  if (mean >= J[1]) return [J, null];
  if (mean <= J[0]) return [null, J];
  return [
    [J[0], mean],
    [mean, J[1]],
  ];
}

const lo = (I: Iv): number => (I === null ? NaN : I[0]);
const hi = (I: Iv): number => (I === null ? NaN : I[1]);
const sumNoNan = (v: number[]): number => v.reduce((s, x) => (Number.isNaN(x) ? s : s + x), 0);

/** The recall integral over a `J` outside `I`. */
function recallOutside(I: [number, number], J: [number, number], E: [number, number]): number {
  const p = pivot(J, I);
  const [eMin, eMax] = E;
  if (p <= eMin || p >= eMax) return 0;
  const [jBefore, jAfter] = cutAt(J, (eMin + eMax) / 2);
  const [bbE, baI] = cutAt(jBefore, (eMin + p) / 2);
  const [abI, aaE] = cutAt(jAfter, (eMax + p) / 2);
  const [b0, b1, c0, c1, d0, d1, f0, f1] = [lo(bbE), hi(bbE), lo(baI), hi(baI), lo(abI), hi(abI), lo(aaE), hi(aaE)];
  let parts: number[];
  if (p >= J[1]) {
    parts = [
      (p - eMin) * (b1 - b0),
      2 * p * (c1 - c0) - (c1 ** 2 - c0 ** 2),
      2 * p * (d1 - d0) - (d1 ** 2 - d0 ** 2),
      (eMax + p) * (f1 - f0) - (f1 ** 2 - f0 ** 2),
    ];
  } else {
    parts = [
      b1 ** 2 - b0 ** 2 - (eMin + p) * (b1 - b0),
      c1 ** 2 - c0 ** 2 - 2 * p * (c1 - c0),
      d1 ** 2 - d0 ** 2 - 2 * p * (d1 - d0),
      (eMax - p) * (f1 - f0),
    ];
  }
  return J[1] - J[0] - (1 / (eMax - eMin)) * sumNoNan(parts);
}

/**
 * The integral over `J` of the survival probability of its distance to `I` within `E` (recall side).
 * @throws never.
 * @example
 * recallIntegral([2, 3], [2, 3], [0, 10]); // 1
 */
export function recallIntegral(I: [number, number], J: Iv, E: [number, number]): number {
  if (J === null) return 0;
  const [before, middle, after] = cutIntoThree(J, I);
  return (
    (before === null ? 0 : recallOutside(I, before, E)) +
    len(middle) +
    (after === null ? 0 : recallOutside(I, after, E))
  );
}
