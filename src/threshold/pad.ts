/**
 * Widen every flagged step by `pad` steps on each side (cut at the ends), so that flags closer than 2·pad + 1
 * steps merge into one run (Orion's `anomaly_padding`).
 *
 * @throws Error `invalid pad` for a negative or non-integer pad.
 * @example
 * padFlags([false, false, true, false, false, false], 1); // [false, true, true, true, false, false]
 */
export function padFlags(flags: ArrayLike<boolean>, pad: number): boolean[] {
  if (!Number.isInteger(pad) || pad < 0) throw new Error(`invalid pad: ${pad} (an integer >= 0)`);
  const n = flags.length;
  const out = new Array<boolean>(n).fill(false);
  let until = -1; // last index covered by the padding of a flag seen so far
  for (let i = 0; i < n; i++) {
    if (flags[i]) {
      for (let k = Math.max(0, i - pad, until + 1); k < i; k++) out[k] = true;
      until = Math.max(until, i + pad);
    }
    if (i <= until) out[i] = true;
  }
  return out;
}
