import { detectorDefaults, detectorModelDefaults } from '../detector/options';
import { detectorEntry } from '../detector/registry';
import { parseRule, THRESHOLD_HINT as RULES_HINT } from '../threshold/rules';
import { invalid } from '../util/errors';
import { ON_OFF, smoothOption, WHOLE_SERIES_DEFAULTS } from './event-options';
import { DEFAULT_PIPELINE_OPTIONS, type PipelineOptions } from './options';

/** Every threshold rule a run accepts, for messages and `--help` (the rule registry's). */
export const THRESHOLD_HINT = RULES_HINT;

/** Where a run's options come from, lowest first after the library's defaults (see {@link layerOptions}). */
export interface OptionLayers {
  /** The caller's defaults over the library's (the CLI's `cliDefault`: transform logret). */
  defaults?: Partial<PipelineOptions>;
  /** Whose own defaults apply (`detectorDefaults`); default: the detector of `given`, else of `preset`; null: none. */
  detector?: string | null;
  /** A preset's options (`getPreset(name).options`). */
  preset?: Partial<PipelineOptions>;
  /** Explicit options (the flags): they win over everything. */
  given?: Partial<PipelineOptions>;
}

/** The whole-series defaults as options (a fresh encoder array). */
function wholeSeries(): Partial<PipelineOptions> {
  const { encoder, ...rest } = WHOLE_SERIES_DEFAULTS;
  return { ...(rest as Partial<PipelineOptions>), encoder: [...encoder] };
}

/** Without its undefined values. */
function defined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/**
 * The options a run takes beyond the library's defaults, in one order, each layer over the ones before: the
 * caller's defaults, the detector's own (`detectorDefaults`: dense reads rows alone), the whole-series defaults
 * when `fit` is `all` ({@link WHOLE_SERIES_DEFAULTS}, the LSTM's; a detector's own model and training defaults,
 * aer's, stay over them: {@link detectorModelDefaults}), the preset, the given options. A given `trainFrac` without
 * `trainUntil` drops a lower layer's `trainUntil` (the split asked for wins).
 *
 * @throws Nothing.
 * @example
 * layerOptions({ given: { fit: 'all', window: 20 } }).encoder; // [60]
 * layerOptions({ given: { detector: 'dense' } }).window; // 1
 */
export function layerOptions(layers: OptionLayers): Partial<PipelineOptions> {
  const { defaults = {}, preset = {}, given = {} } = layers;
  const kind = layers.detector === undefined ? (given.detector ?? preset.detector) : layers.detector;
  const fit = given.fit ?? preset.fit ?? defaults.fit;
  // a layer's undefined value sets nothing (it does not hide a lower layer's)
  const o: Partial<PipelineOptions> = {
    ...defined(defaults),
    ...(kind ? detectorDefaults(kind) : {}),
    ...(fit === 'all' ? wholeSeries() : {}),
    ...(fit === 'all' && kind ? detectorModelDefaults(kind) : {}),
    ...defined(preset),
    ...defined(given),
  };
  if (given.trainFrac !== undefined && given.trainUntil === undefined) delete o.trainUntil;
  return o;
}

/**
 * Check the options a run resolved to, once, before anything is read or fitted: the threshold rule (window or
 * step rule), `smooth`, `pad`, `prune`, `extreme`, `stuck`, and with `features` (the data's columns) the detector's own checks
 * (its registry entry's `check`: lstm, the window and model size; pca, components at most window x features).
 * Absent options are not checked (the detector's checks see the defaults).
 *
 * @throws InputError for an unknown threshold rule, an invalid smooth, a negative pad or extreme, a prune outside
 * [0, 1), a stuck other than on/off, or a detector's option out of range.
 * @example
 * checkRunOptions({ threshold: 'p101' }); // throws: invalid threshold: p101 (...)
 */
export function checkRunOptions(o: Partial<PipelineOptions>, features?: number): void {
  if (typeof o.threshold === 'string') parseRule(o.threshold);
  if (o.smooth !== undefined) smoothOption(String(o.smooth));
  if (typeof o.pad === 'number' && o.pad < 0) throw invalid('--pad', o.pad, 'a whole number of steps, 0 or more');
  if (typeof o.prune === 'number' && !(o.prune >= 0 && o.prune < 1)) throw invalid('--prune', o.prune, '0 to 1');
  if (typeof o.extreme === 'number' && !(o.extreme >= 0 && Number.isFinite(o.extreme)))
    throw invalid('--extreme', o.extreme, 'a number of standard deviations, 0 (off) or more');
  if (o.stuck !== undefined && !(ON_OFF as readonly string[]).includes(o.stuck))
    throw invalid('--stuck', o.stuck, 'on or off');
  if (features !== undefined) {
    const full = { ...DEFAULT_PIPELINE_OPTIONS, ...o };
    detectorEntry(full.detector).check?.(full, features);
  }
}

/**
 * The whole options of a run: {@link DEFAULT_PIPELINE_OPTIONS} under {@link layerOptions} (detector defaults,
 * whole-series defaults with `fit: 'all'`, the preset, then `options`). `runPipeline` resolves its options so, so
 * `runPipeline(series, { fit: 'all' })` runs what `--fit all` runs.
 *
 * @throws Nothing (the checks are {@link checkRunOptions}).
 * @example
 * resolvePipelineOptions({ fit: 'all' }).threshold; // 'window-sigma:3'
 * resolvePipelineOptions({ detector: 'dense' }).window; // 1
 */
export function resolvePipelineOptions(
  options: Partial<PipelineOptions> = {},
  layers: Omit<OptionLayers, 'given'> = {},
): PipelineOptions {
  return { ...DEFAULT_PIPELINE_OPTIONS, ...layerOptions({ ...layers, given: options }) };
}
