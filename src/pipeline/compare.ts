import type { Series } from '../data/series';
import type { DetectorKind, FitHooks } from '../detector/contract';
import { DETECTOR_DEFAULTED_KEYS } from '../detector/options';
import { detectorKind } from '../detector/registry';
import type { ScoredWindow, ThresholdJson } from '../result';
import { InputError } from '../util/errors';
import { DEFAULT_PIPELINE_OPTIONS, type PipelineOptions } from './options';
import { isResampled, type ResampledSeries, resampleOnce } from './resample-stage';
import { checkRunOptions, resolvePipelineOptions } from './resolve';
import { type PipelineRun, runPipeline } from './run';

/** One detector's part of a comparison. */
export interface CompareEntry {
  kind: DetectorKind;
  /** Flagged test windows, and their share of the test windows. */
  flagged: number;
  flaggedShare: number;
  /** Wall-clock seconds to fit (on the training part) and to score (the test part). */
  fitSeconds: number;
  scoreSeconds: number;
  threshold: ThresholdJson;
  /** The scored test windows (score in `mae`), in time order. */
  test: ScoredWindow[];
  /** The whole run (result.json of this detector, and the fitted detector). */
  run: PipelineRun;
}

/** What {@link runCompare} gives: the detectors on the same split, in the order asked. */
export interface CompareResult {
  source: string;
  split: { trainRows: number; testRows: number; trainEnd: string };
  entries: CompareEntry[];
}

/**
 * Check a list of detectors to compare: at least two, no duplicates, each known.
 *
 * @throws InputError `--compare needs at least two detectors: pca` / `--compare names pca twice` / an unknown one.
 * @example
 * compareKinds('lstm,pca'); // ['lstm', 'pca']
 */
export function compareKinds(kinds: string | readonly string[]): DetectorKind[] {
  const list = (typeof kinds === 'string' ? kinds.split(',') : [...kinds]).map((k) => k.trim()).filter((k) => k !== '');
  if (list.length < 2) throw new InputError(`--compare needs at least two detectors: ${list.join(',') || '(none)'}`);
  const seen = new Set<string>();
  for (const k of list) {
    if (seen.has(k)) throw new InputError(`--compare names ${k} twice`);
    seen.add(k);
  }
  return list.map(detectorKind);
}

/**
 * Options for one detector of a comparison: those some detector defaults differently (window, transform: see
 * `detectorDefaults`) set to the shared default where not given (the library's, or the whole-series one with
 * `fit: 'all'`), so every detector reads the series the same way.
 *
 * @throws Nothing.
 * @example
 * sharedOptions({ epochs: 5 }); // { epochs: 5, transform: 'none', scaler: 'standard', window: 30 }
 */
export function sharedOptions(options: Partial<PipelineOptions>): Partial<PipelineOptions> {
  const base = resolvePipelineOptions(options, { detector: null });
  const shared: Record<string, unknown> = { ...options };
  for (const k of DETECTOR_DEFAULTED_KEYS) shared[k] ??= base[k];
  return shared as Partial<PipelineOptions>;
}

/**
 * Run several detectors on the same series and split (same options, each with its own `detector`), one after
 * another, and collect what each flags and how long it took (`hooks`: the LSTM's training progress). The options
 * some detector defaults differently (window, transform: see `detectorDefaults`) take the shared default unless
 * given, so every detector reads the series the same way. The series is resampled once (`options.resample`) for
 * all of them; a {@link ResampledSeries} (see `runPipeline`) is taken as it is.
 *
 * @throws InputError for a bad list (see {@link compareKinds}) or bad options, before anything is fitted.
 * @example
 * const c = await runCompare(series, ['lstm', 'pca', 'zscore'], { window: 30, epochs: 10 });
 * c.entries.map((e) => [e.kind, e.flagged]);
 */
export async function runCompare(
  input: Series | ResampledSeries,
  kinds: string | readonly string[],
  options: Partial<PipelineOptions> = {},
  hooks: FitHooks = {},
): Promise<CompareResult> {
  const list = compareKinds(kinds);
  const o = { ...DEFAULT_PIPELINE_OPTIONS, ...options };
  const columns = (isResampled(input) ? input.series : input).columns.length;
  for (const kind of list) checkRunOptions({ ...o, detector: kind }, columns);
  const shared = sharedOptions(options);
  // resampled once, here: each run below takes the record as it is
  const once = resampleOnce(input, resolvePipelineOptions(shared, { detector: null }).resample);
  const entries: CompareEntry[] = [];
  try {
    for (const kind of list) {
      const run = await runPipeline(once, { ...shared, detector: kind }, kind === 'lstm' ? hooks : {});
      const test = run.result.test;
      const flagged = test.filter((w) => w.anomaly).length;
      entries.push({
        kind,
        flagged,
        flaggedShare: test.length > 0 ? flagged / test.length : 0,
        fitSeconds: run.timing.fitSeconds,
        scoreSeconds: run.timing.scoreSeconds,
        threshold: run.result.threshold,
        test,
        run,
      });
    }
  } catch (e) {
    for (const x of entries) x.run.detector.dispose();
    throw e;
  }
  const { split } = entries[0].run.result;
  return { source: once.series.source, split, entries };
}
