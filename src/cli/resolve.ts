import type { BackendChoice } from '../backend/select';
import type { PipelineOptions } from '../pipeline/run';
import { getPreset, Preset } from '../pipeline/presets';
import { invalid } from '../util/errors';
import type { ParsedFlags } from './parse';

const PASS = ['trainFrac', 'trainUntil', 'transform', 'scaler', 'window', 'threshold', 'dropout', 'loss', 'epochs', 'batchSize', 'patience', 'valSplit', 'learningRate', 'seed', 'backend'] as const;

/**
 * Pipeline options from CLI flags: CLI defaults (log returns), then the preset, then explicit flags.
 *
 * @throws InputError for an unknown preset or a malformed --layers / --units.
 * @example
 * resolveOptions({ preset: 'colab', transform: 'logret' }).options.transform; // 'logret'
 */
export function resolveOptions(f: ParsedFlags): { options: Partial<PipelineOptions>; preset?: Preset } {
  const preset = f.preset !== undefined ? getPreset(String(f.preset)) : undefined;
  const o: Partial<PipelineOptions> = { transform: 'logret', ...(preset?.options ?? {}) };
  for (const k of PASS) if (f[k] !== undefined) (o as Record<string, unknown>)[k] = f[k];
  if (f.threshold !== undefined) o.threshold = String(f.threshold);
  if (f.trainUntil !== undefined) o.trainUntil = String(f.trainUntil);
  if (f.backend !== undefined) o.backend = f.backend as BackendChoice;
  if (f.layers !== undefined) {
    const sizes = String(f.layers).split(',').map((s) => Number(s.trim()));
    if (sizes.length === 0 || sizes.some((u) => !Number.isInteger(u) || u < 1)) throw invalid('--layers', f.layers, 'positive integers such as 64,32,16');
    o.encoder = sizes;
  } else if (f.units !== undefined) {
    if (!Number.isInteger(f.units) || (f.units as number) < 1) throw invalid('--units', f.units, 'a positive integer');
    o.encoder = [f.units as number];
  }
  if (f.trainFrac !== undefined && f.trainUntil === undefined) delete o.trainUntil;
  return { options: o, preset };
}
