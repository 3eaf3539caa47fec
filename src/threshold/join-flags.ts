import { type ExtremeSteps, extremeFlags } from './extreme';
import { STUCK_RULE, type StuckRule, type StuckRuns, stuckFlags } from './stuck';

/** What {@link joinStepFlags} joins to a step rule's flags. */
export interface StepFlagExtras {
  /** Unsmoothed per-step errors, for `extreme`. */
  raw: ArrayLike<number>;
  /** `extreme`: flag steps above mean + k·σ of `raw` (0: off). */
  k: number;
  /** Each step's input (row-major, `features` columns), for the stuck rule; absent: off. */
  inputs?: { x: ArrayLike<number>; features: number };
  /** The stuck rule's constants (default {@link STUCK_RULE}). */
  rule?: StuckRule;
}

/**
 * A step rule's flags joined by the steps whose own error is extreme ({@link extremeFlags}) and by a stuck
 * sensor's runs ({@link stuckFlags}), each padded by `pad`: what the pipeline's event stage flags, and what the
 * selection bench replays from cached errors. Nothing is added to an empty span.
 *
 * @throws Error `invalid pad` for a negative or non-integer pad.
 * @example
 * joinStepFlags([false, false, false], 0, { raw: [1, 1, 1], k: 0 }).flags; // [false, false, false]
 */
export function joinStepFlags(
  flags: boolean[],
  pad: number,
  o: StepFlagExtras,
): { flags: boolean[]; extreme?: ExtremeSteps; stuck?: StuckRuns } {
  if (flags.length === 0) return { flags };
  let out = flags;
  let extreme: ExtremeSteps | undefined;
  let stuck: StuckRuns | undefined;
  if (o.k > 0) {
    extreme = extremeFlags(o.raw, o.k, pad);
    const add = extreme.flags;
    out = out.map((f, i) => f || add[i]);
  }
  if (o.inputs) {
    stuck = stuckFlags(o.inputs.x, o.inputs.features, pad, o.rule ?? STUCK_RULE);
    const add = stuck.flags;
    out = out.map((f, i) => f || add[i]);
  }
  return { flags: out, ...(extreme ? { extreme } : {}), ...(stuck ? { stuck } : {}) };
}
