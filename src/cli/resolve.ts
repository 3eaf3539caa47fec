import { DETECTOR_OPTION_DEFS } from '../detector/options';
import type { PipelineOptions } from '../pipeline/options';
import { getPreset, type Preset } from '../pipeline/presets';
import { checkRunOptions, layerOptions } from '../pipeline/resolve';
import { InputError, invalid } from '../util/errors';
import type { CliFlags } from './parse';

const PASS = [
  'trainFrac',
  'trainUntil',
  'transform',
  'scaler',
  'window',
  'threshold',
  'dropout',
  'loss',
  'epochs',
  'batchSize',
  'patience',
  'valSplit',
  'learningRate',
  'seed',
  'backend',
  'recError',
] as const;

/** The CLI's own defaults where they differ from the library's (the option table's `cliDefault`: log returns). */
function cliDefaults(): Partial<PipelineOptions> {
  return Object.fromEntries(
    DETECTOR_OPTION_DEFS.filter((d) => d.cliDefault !== undefined).map((d) => [d.key, d.cliDefault]),
  ) as Partial<PipelineOptions>;
}

/**
 * The run options the flags set explicitly (`--units` / `--layers` as `encoder`); the event flags are
 * `resolveEventOptions`' (events-flags.ts).
 *
 * @throws InputError for a malformed --layers.
 * @example
 * flagOptions({ window: 20, layers: '8,4' }); // { window: 20, encoder: [8, 4] }
 */
export function flagOptions(f: CliFlags): Partial<PipelineOptions> {
  const o: Partial<PipelineOptions> = {};
  for (const k of PASS) if (f[k] !== undefined) Object.assign(o, { [k]: f[k] });
  if (f.layers !== undefined) {
    const sizes = f.layers.split(',').map((s) => Number(s.trim()));
    if (sizes.some((u) => !Number.isInteger(u) || u < 1))
      throw invalid('--layers', f.layers, 'positive integers such as 64,32,16');
    o.encoder = sizes;
  } else if (f.units !== undefined) o.encoder = [f.units];
  return o;
}

/**
 * Pipeline options from parsed CLI flags, by the library's order (`layerOptions`, pipeline/resolve.ts): CLI
 * defaults (log returns), the detector's own when it runs alone (`kind`: dense reads a table, transform none),
 * then the preset, then explicit flags. The event flags and `--fit all` are `resolveEventOptions`' (events-flags.ts).
 *
 * @throws InputError for an unknown preset or a malformed --layers.
 * @example
 * resolveOptions({ preset: 'colab', transform: 'logret' }).options.transform; // 'logret'
 */
export function resolveOptions(f: CliFlags, kind?: string): { options: Partial<PipelineOptions>; preset?: Preset } {
  const preset = f.preset !== undefined ? getPreset(f.preset) : undefined;
  const given = flagOptions(f);
  const options = layerOptions({ defaults: cliDefaults(), detector: kind ?? null, preset: preset?.options, given });
  return { options, preset };
}

/**
 * Add the event options to resolved options, by the library's order (`layerOptions`, pipeline/resolve.ts):
 * with `--fit all` the whole-series defaults over every option neither a flag nor the preset sets, and over them
 * the model and training defaults of `kind` (the detector when it runs alone: aer keeps Orion's); then checks
 * the threshold rule, smoothing, padding and pruning once (`checkRunOptions`).
 *
 * @throws InputError for an unknown threshold rule, an invalid --smooth or a negative --pad / --prune / --extreme.
 * @example
 * resolveEventOptions({ fit: 'all' }, {}).window; // 100
 */
export function resolveEventOptions(
  f: CliFlags,
  options: Partial<PipelineOptions>,
  preset?: Preset,
  kind?: string,
): Partial<PipelineOptions> {
  const { fit, aggregate, smooth, pad, prune, extreme, stuck, resample } = f;
  const given = { ...flagOptions(f), fit, aggregate, smooth, pad, prune, extreme, stuck, resample }; // undefined ones add nothing
  // the detector's own model and training defaults stay over the whole-series ones (aer's are Orion's)
  const o = layerOptions({ defaults: options, detector: kind ?? null, preset: preset?.options, given });
  checkRunOptions(o);
  if (f.pointAdjust && !f.labels && !f.labelCol) throw new InputError('--point-adjust needs --labels or --label-col');
  return o;
}

/**
 * Every run option of parsed flags, resolved in the library's order (see {@link resolveOptions} and
 * {@link resolveEventOptions}), with the detector flags (--detector, --components) on top: what detect and
 * evaluate run. `compared`: a detector of --compare, which takes the shared defaults, not its own.
 *
 * @throws InputError for an unknown preset, a malformed --layers, or an invalid event option.
 * @example
 * resolveRunFlags(parseFlags(['--fit', 'all'], DETECT_FLAGS)).options.window; // 100
 */
export function resolveRunFlags(
  f: CliFlags,
  opts: { compared?: boolean } = {},
): { options: Partial<PipelineOptions>; preset?: Preset } {
  const compared = opts.compared || f.compare !== undefined;
  const { options, preset } = resolveOptions(f, compared ? undefined : f.detector);
  const choice: Partial<PipelineOptions> = {};
  if (f.detector !== undefined) choice.detector = f.detector;
  if (f.components !== undefined) choice.components = f.components;
  const kind = compared ? undefined : f.detector;
  return { options: { ...resolveEventOptions(f, options, preset, kind), ...choice }, preset };
}
