import type { LstmAutoencoderDetector } from '../../detector/lstm/detector';
import { checkRefitWindow, modelVersion, type RefitEvery } from '../../scan/refit';
import type { RefitPlan } from '../../scan/refit-run';
import { transformLag } from '../../transform/transforms';
import { writeOutput } from '../out-dir';

/**
 * The refit plan of `watch --refit-every`: the window (default ten model windows plus the transform's lag, checked
 * against the model), the epochs, and the version folders `DIR@K` of the base model (`--model DIR@N` refits
 * into `DIR@K`, K above every version there), each written through the output door with its marker.
 *
 * @throws InputError `--refit-window N: shorter than the model's window ...`.
 * @example
 * const plan = refitPlan({ rows: 500 }, { model: 'run/model' }, detector);
 */
export function refitPlan(
  every: RefitEvery,
  f: { model?: string; refitWindow?: number; refitEpochs?: number },
  det: LstmAutoencoderDetector,
): RefitPlan {
  const o = det.options;
  const window = f.refitWindow ?? 10 * o.window + transformLag(o.transform);
  checkRefitWindow(window, det);
  const { base } = modelVersion(f.model!);
  const save = (next: LstmAutoencoderDetector, dir: string) =>
    writeOutput(dir, 'watch', (tmp) => next.save(tmp, { ...det.extra, refitOf: f.model }));
  const onStart = (date: string, rows: number) =>
    process.stderr.write(`watch: refit started at ${date} on ${rows} rows\n`);
  const onSkip = (m: string) => process.stderr.write(`watch: refit skipped, the current model goes on: ${m}\n`);
  return { every, window, epochs: f.refitEpochs ?? 5, base, save, onStart, onSkip };
}
