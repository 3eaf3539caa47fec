import * as fs from 'fs';
import * as path from 'path';
import type { BackendChoice } from '../backend/select';
import { InputError, isInputError } from '../util/errors';
import { keyword } from '../util/keyword';
import type { BaselineState } from './baseline';
import { type AnyDetectorOptions, DETECTOR_KINDS, type Detector, type DetectorKind } from './contract';
import { DenseWindowDetector } from './dense/detector';
import { IForestWindowDetector } from './iforest/detector';
import { LstmAutoencoderDetector } from './lstm/detector';
import { PcaWindowDetector } from './pca/detector';
import { ZScoreWindowDetector } from './zscore/detector';

export { DETECTOR_KINDS } from './contract';

/**
 * Check a detector name: one of {@link DETECTOR_KINDS}.
 *
 * @throws InputError `invalid detector: x (one of: lstm, pca, zscore, iforest, dense)`.
 * @example
 * detectorKind('pca'); // 'pca'
 */
export function detectorKind(name: unknown): DetectorKind {
  return keyword('detector', name, DETECTOR_KINDS);
}

/**
 * A new, unfitted detector of a kind, with options (defaults filled in).
 *
 * @throws InputError for an unknown kind or invalid options.
 * @example
 * const det = createDetector('zscore', { window: 20 });
 */
export function createDetector(kind: string, options: Partial<AnyDetectorOptions> = {}): Detector {
  const k = detectorKind(kind);
  const o = options;
  switch (k) {
    case 'lstm':
      return new LstmAutoencoderDetector(o);
    case 'pca':
      return new PcaWindowDetector(o);
    case 'zscore':
      return new ZScoreWindowDetector(o);
    case 'iforest':
      return new IForestWindowDetector(o);
    case 'dense':
      return new DenseWindowDetector(o);
  }
}

/**
 * Load any saved detector: reads `kind` from model.json (absent: an LSTM saved before there were several) and
 * dispatches to that detector's loader.
 *
 * @throws InputError when the directory holds no model.json, it is not JSON, names an unknown detector, or is not a
 * valid state of its detector (`<dir>/model.json: <what>`).
 * @example
 * const det = await loadAnyDetector('reports/run/model');
 * const { anomalies } = await det.score(series);
 */
export async function loadAnyDetector(dir: string, opts: { backend?: BackendChoice } = {}): Promise<Detector> {
  const jf = path.join(dir, 'model.json');
  if (!fs.existsSync(jf)) throw new InputError(`${dir}: not a saved model (needs model.json)`);
  let json: { kind?: unknown };
  try {
    json = JSON.parse(fs.readFileSync(jf, 'utf8'));
  } catch {
    throw new InputError(`${jf}: not valid JSON`);
  }
  // no kind (or no object): the LSTM's loader, whose format check names what is wrong
  const kind = json && typeof json === 'object' && json.kind !== undefined ? detectorKind(json.kind) : 'lstm';
  if (kind === 'lstm') return LstmAutoencoderDetector.load(dir, opts);
  const state = json as BaselineState<never>;
  try {
    switch (kind) {
      case 'pca':
        return PcaWindowDetector.fromState(state);
      case 'zscore':
        return ZScoreWindowDetector.fromState(state);
      case 'iforest':
        return IForestWindowDetector.fromState(state);
      case 'dense':
        return await DenseWindowDetector.fromState(state, opts);
    }
  } catch (e) {
    if (isInputError(e)) throw new InputError(`${jf}: ${e.message}`);
    throw e;
  }
}
