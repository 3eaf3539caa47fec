import { DETECTOR_OPTION_DEFS } from '../detector/options';
import type { PipelineOptions } from '../pipeline/options';
import { getPreset, type Preset } from '../pipeline/presets';
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

/**
 * The CLI's own defaults where they differ from the library's (the option table's `cliDefault`), unless the
 * detector run alone has its own (`detectorDefaults`: dense reads a table, transform none).
 */
function cliDefaults(kind: string | undefined): Partial<PipelineOptions> {
  const out: Record<string, unknown> = {};
  for (const d of DETECTOR_OPTION_DEFS) {
    if (d.cliDefault === undefined) continue;
    const own = kind !== undefined && d.detectorDefaults && Object.hasOwn(d.detectorDefaults, kind);
    out[d.key] = own ? d.detectorDefaults![kind] : d.cliDefault;
  }
  return out as Partial<PipelineOptions>;
}

/**
 * Pipeline options from parsed CLI flags: CLI defaults (log returns; `kind`, the detector when it runs alone,
 * may have its own), then the preset, then explicit flags.
 *
 * @throws InputError for an unknown preset or a malformed --layers.
 * @example
 * resolveOptions({ preset: 'colab', transform: 'logret' }).options.transform; // 'logret'
 */
export function resolveOptions(f: CliFlags, kind?: string): { options: Partial<PipelineOptions>; preset?: Preset } {
  const preset = f.preset !== undefined ? getPreset(f.preset) : undefined;
  const o: Partial<PipelineOptions> = { ...cliDefaults(kind), ...(preset?.options ?? {}) };
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
