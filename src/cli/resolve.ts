import { DETECTOR_OPTION_DEFS } from '../detector/options';
import type { PipelineOptions } from '../pipeline/options';
import { getPreset, type Preset } from '../pipeline/presets';
import { invalid } from '../util/errors';
import { optionDef } from '../util/options';
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

/** The CLI's own defaults where they differ from the library's (from the option table's `cliDefault`). */
function cliDefaults(): Partial<PipelineOptions> {
  return { transform: optionDef(DETECTOR_OPTION_DEFS, 'transform').cliDefault as PipelineOptions['transform'] };
}

/**
 * Pipeline options from parsed CLI flags: CLI defaults (log returns), then the preset, then explicit flags.
 *
 * @throws InputError for an unknown preset or a malformed --layers.
 * @example
 * resolveOptions({ preset: 'colab', transform: 'logret' }).options.transform; // 'logret'
 */
export function resolveOptions(f: CliFlags): { options: Partial<PipelineOptions>; preset?: Preset } {
  const preset = f.preset !== undefined ? getPreset(f.preset) : undefined;
  const o: Partial<PipelineOptions> = { ...cliDefaults(), ...(preset?.options ?? {}) };
  for (const k of PASS) if (f[k] !== undefined) (o as Record<string, unknown>)[k] = f[k];
  if (f.layers !== undefined) {
    const sizes = f.layers.split(',').map((s) => Number(s.trim()));
    if (sizes.some((u) => !Number.isInteger(u) || u < 1))
      throw invalid('--layers', f.layers, 'positive integers such as 64,32,16');
    o.encoder = sizes;
  } else if (f.units !== undefined) o.encoder = [f.units];
  if (f.trainFrac !== undefined && f.trainUntil === undefined) delete o.trainUntil;
  return { options: o, preset };
}
