import { InputError } from '../util/errors';
import type { PipelineOptions } from './run';

/** Where a preset's data comes from when no data flag is given. */
export type PresetData = { kind: 'default' } | { kind: 'ticker'; ticker: string; start: string } | { kind: 'sine' };

/** A named set of options reproducing one tutorial. */
export interface Preset {
  about: string;
  options: Partial<PipelineOptions>;
  data?: PresetData;
}

/**
 * The tutorials this product covers. Each keeps the tutorial's price-level input (`transform: 'none'`);
 * explicit flags win over a preset.
 */
export const PRESETS: Record<string, Preset> = {
  colab: {
    about: 'the Colab notebook: close level, StandardScaler, LSTM(128), p95',
    options: { transform: 'none', scaler: 'standard', encoder: [128], threshold: 'p95' },
  },
  stacked: {
    about: 'stacked encoder 64-32-16 with MinMaxScaler',
    options: { transform: 'none', scaler: 'minmax', encoder: [64, 32, 16], threshold: 'p95' },
  },
  ge: {
    about: 'General Electric: train before 2004-01-01, p99',
    options: { transform: 'none', scaler: 'standard', trainUntil: '2004-01-01', threshold: 'p99' },
    data: { kind: 'ticker', ticker: 'GE', start: '1999-01-01' },
  },
  sine: {
    about: 'seeded synthetic sine wave with noise: MinMaxScaler, MSE loss, p95',
    options: { transform: 'none', scaler: 'minmax', loss: 'mse', threshold: 'p95' },
    data: { kind: 'sine' },
  },
  fixed: {
    about: 'a fixed threshold of 0.65 on the close level',
    options: { transform: 'none', scaler: 'standard', encoder: [128], threshold: '0.65' },
  },
};

/**
 * Look up a preset by name.
 *
 * @throws InputError `unknown preset: <name>` listing the presets there are.
 * @example
 * getPreset('colab').options.threshold; // 'p95'
 */
export function getPreset(name: string): Preset {
  const p = PRESETS[name];
  if (!p) throw new InputError(`unknown preset: ${name} (presets: ${Object.keys(PRESETS).join(', ')})`);
  return p;
}
