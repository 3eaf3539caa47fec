import type { BackendChoice } from '../../backend/select';
import { LstmAutoencoderDetector } from './detector';

export { MODEL_FORMAT } from './state';

/**
 * Save a fitted detector to a directory (`model.json` and `weights.bin`, written atomically); a thin wrapper of
 * {@link LstmAutoencoderDetector.save}.
 *
 * @throws Error when the detector is not fitted.
 * @example
 * await saveDetector(det, 'reports/run/model');
 */
export async function saveDetector(
  det: LstmAutoencoderDetector,
  dir: string,
  extra?: Record<string, unknown>,
): Promise<void> {
  await det.save(dir, extra);
}

/**
 * Load a detector saved by {@link saveDetector}; it scores exactly as it did when saved (same backend). A thin
 * wrapper of {@link LstmAutoencoderDetector.load} that also returns the extra data saved with it.
 *
 * @throws InputError when the directory has no model.json / weights.bin, or they do not match.
 * @example
 * const { detector } = await loadDetector('reports/run/model');
 */
export async function loadDetector(
  dir: string,
  opts: { backend?: BackendChoice } = {},
): Promise<{ detector: LstmAutoencoderDetector; extra?: Record<string, unknown> }> {
  const detector = await LstmAutoencoderDetector.load(dir, opts);
  return { detector, extra: detector.extra };
}
