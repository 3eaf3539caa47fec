import type { ThresholdJson } from '../../result';
import type { StepAggregate } from '../../score/steps';
import { InputError } from '../../util/errors';
import type { AnyDetectorOptions, Detector, DetectorKind } from '../contract';
import { MODEL_FORMAT } from '../lstm/state';

/** The ensemble's options: every detector's, its name (`ensemble:A,B[,C]`) and how steps aggregate windows. */
export interface EnsembleOptions extends AnyDetectorOptions {
  /** `ensemble:A,B[,C]`: the members, each a detector kind. */
  detector?: string;
  /** How a member's per-step scores combine the windows covering a step (the run's `--aggregate`). Default median. */
  aggregate?: StepAggregate;
}

/** How the registry makes, rebuilds and loads the members (given to the ensemble: the registry imports it). */
export interface MemberFactory {
  /** The detectors an ensemble may hold. */
  kinds: readonly DetectorKind[];
  create(kind: DetectorKind, options: Partial<AnyDetectorOptions>): Detector;
  /** A member from its `toState()`. */
  fromState(kind: DetectorKind, state: unknown): Promise<Detector>;
  /** A member saved in a folder (its model.json names its kind). */
  load(dir: string): Promise<Detector>;
}

/** A member in the ensemble's state: its kind, its scale and its own state (in memory) or folder (on disk). */
export interface MemberState {
  kind: DetectorKind;
  scale: number;
  state?: unknown;
  dir?: string;
}

/** The saved state of an ensemble: its own part, with each member's state (or, in model.json, its folder). */
export interface EnsembleState {
  format: string;
  kind: 'ensemble';
  options: EnsembleOptions;
  columns: string[];
  members: MemberState[];
  threshold: ThresholdJson;
  extra?: Record<string, unknown>;
}

/**
 * Check a saved ensemble's own part: format and kind, then (with `kinds`, the members its name gives) one member of
 * each kind in order, each with a scale > 0.
 *
 * @throws InputError `saved model: ...` naming what is wrong.
 * @example
 * checkEnsembleState(json); // before the name is read
 * checkEnsembleState(json, ['lstm', 'pca']);
 */
export function checkEnsembleState(state: EnsembleState, kinds?: readonly DetectorKind[]): void {
  if (state?.format !== MODEL_FORMAT)
    throw new InputError(`saved model: unknown format ${JSON.stringify(state?.format)} (expected ${MODEL_FORMAT})`);
  if (state.kind !== 'ensemble')
    throw new InputError(`saved model: kind ${JSON.stringify(state.kind)}, expected "ensemble"`);
  if (!state.options || typeof state.options !== 'object') throw new InputError('saved model: no options');
  if (!kinds) return;
  const ms = state.members;
  if (!Array.isArray(ms) || ms.length !== kinds.length || ms.some((m, i) => m?.kind !== kinds[i]))
    throw new InputError(`saved model: members do not match ${state.options.detector}`);
  if (ms.some((m) => !(typeof m.scale === 'number' && m.scale > 0 && Number.isFinite(m.scale))))
    throw new InputError('saved model: every member scale must be a number > 0');
}
