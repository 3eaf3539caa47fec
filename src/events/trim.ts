/**
 * Where inside a run of flagged windows the error is: the first and last step of `[a, b]` whose per-step score is
 * strictly above `level` (the window threshold), or `[a, b]` unchanged when no step of it is (the event then
 * keeps its windows' bounds). The steps between the first and last such step stay in the event even when their
 * own score is lower.
 *
 * @throws never.
 * @example
 * errorBounds([0, 0, 5, 1, 6, 0], 0.5, 0, 5); // [2, 4]
 * errorBounds([0, 0, 0], 0.5, 0, 2); // [0, 2]
 */
export function errorBounds(scores: ArrayLike<number>, level: number, a: number, b: number): [number, number] {
  let lo = a;
  while (lo <= b && !(scores[lo] > level)) lo++;
  if (lo > b) return [a, b];
  let hi = b;
  while (!(scores[hi] > level)) hi--;
  return [lo, hi];
}
