import * as fs from 'fs';
import * as path from 'path';
import { type AutoencoderSpec, type NamedWeight, weightShapes } from '../../model';
import { InputError, isInputError } from '../../util/errors';
import { readState } from './state';

/** The architecture a warm start must match: the run's window, encoder sizes and feature count (unchecked when absent). */
export interface WarmStartShape {
  window: number;
  encoder: number[];
  features?: number;
}

/**
 * Read the weights of a saved LSTM model to start training from (`detect --init-from DIR`), checking that the
 * model is an LSTM of the same shape as the run (window, layer sizes, features).
 *
 * @throws InputError `--init-from DIR: ...` (one line) for a missing or invalid model, a detector of another kind,
 *   or another shape.
 * @example
 * const initWeights = readWarmStart('reports/run/model', { window: 30, encoder: [128], features: 1 });
 * await det.fit(train, { initWeights });
 */
export function readWarmStart(dir: string, shape: WarmStartShape): NamedWeight[] {
  const bad = (what: string): never => {
    throw new InputError(`--init-from ${dir}: ${what}`);
  };
  const jf = path.join(dir, 'model.json');
  if (fs.existsSync(jf)) {
    let kind: unknown;
    try {
      kind = (JSON.parse(fs.readFileSync(jf, 'utf8')) as { kind?: unknown })?.kind;
    } catch {
      kind = undefined; // readState names the bad JSON
    }
    if (kind !== undefined && kind !== 'lstm') {
      bad(`a ${String(kind)} model; only an lstm model has weights to start from`);
    }
  }
  let spec: AutoencoderSpec;
  let weights: NamedWeight[];
  try {
    ({ spec, weights } = readState(dir));
  } catch (e) {
    if (isInputError(e)) bad(e.message);
    throw e;
  }
  const diffs: string[] = [];
  if (spec.window !== shape.window) diffs.push(`window ${spec.window}, this run ${shape.window}`);
  if (spec.encoder.join() !== shape.encoder.join()) {
    diffs.push(`layers ${spec.encoder.join(',')}, this run ${shape.encoder.join(',')}`);
  }
  if (shape.features !== undefined && spec.features !== shape.features)
    diffs.push(`features ${spec.features}, this run ${shape.features}`);
  if (diffs.length > 0) bad(`another shape (${diffs.join('; ')})`);
  return weights;
}

/**
 * Check warm-start weights against a model spec: the same names and shapes, in order.
 *
 * @throws InputError `warm start: weight NAME has shape [..], the model needs [..]`.
 * @example
 * checkWarmStart(initWeights, det.spec);
 */
export function checkWarmStart(weights: NamedWeight[], spec: AutoencoderSpec): void {
  const want = weightShapes(spec);
  if (weights.length !== want.length) {
    throw new InputError(`warm start: ${weights.length} weights, the model needs ${want.length}`);
  }
  want.forEach((w, i) => {
    const got = weights[i];
    if (got.name !== w.name || got.shape.join() !== w.shape.join()) {
      throw new InputError(
        `warm start: weight ${got.name} has shape [${got.shape}], the model needs ${w.name} [${w.shape}]`,
      );
    }
  });
}
