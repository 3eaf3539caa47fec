import { DETECTOR_OPTION_DEFS } from '../detector/options';
import type { PipelineOptions } from '../pipeline/options';
import { getPreset, type Preset } from '../pipeline/presets';
import { layerOptions } from '../pipeline/resolve';
import { invalid } from '../util/errors';
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
