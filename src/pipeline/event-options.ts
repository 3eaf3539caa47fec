import { RESAMPLE_RULES } from '../data/resample';
import type { StepAggregate } from '../score/steps';
import { invalid } from '../util/errors';
import type { OptionDef } from '../util/options';

/** How a run finds events: what it trains on, how per-step scores are formed and how flags become events. */
export interface EventOptions {
  /** `split`: train on the first part and score the rest (the tutorials); `all`: train on and score everything. */
  fit: 'split' | 'all';
  /** Combine a step's reconstructions over the windows covering it by `median` (Orion) or `mean`. */
  aggregate: StepAggregate;
  /** Centred rolling mean of the per-step errors: `auto` (1% of the length, at most 200), a width, or `0` (none). */
  smooth: string;
  /** Steps of padding each side of a flagged step before runs become events (step rules). */
  pad: number;
  /** Drop an event whose peak is less than this share above the next one's (step rules; 0: off). */
  prune: number;
  /**
   * Also flag a step whose own, unsmoothed error is above mean + k·σ of all of them, padded as `pad` (step rules;
   * 0: off; see extremeFlags).
   */
  extreme: number;
  /**
   * `on`: also flag a stuck sensor, a run of at least 10 steps whose input repeats the previous step's and is too
   * long for the series' own repeat rate, padded as `pad` (step rules; see stuckFlags). `off` by default.
   */
  stuck: 'on' | 'off';
  /**
   * Aggregate the series before anything else: a bucket (`10min`, `1h`, `1d`: the mean per bucket), `auto` (the
   * rule of `autoResample`) or `none`. Default: unset (none).
   */
  resample?: string;
}

/** What `resample` accepts. */
export const RESAMPLE_CHOICES = [...Object.keys(RESAMPLE_RULES), 'auto', 'none'] as const;

/** Fit modes. */
export const FIT_MODES = ['split', 'all'] as const;
/** Step aggregations. */
export const AGGREGATES = ['median', 'mean'] as const;
/** What `stuck` accepts. */
export const ON_OFF = ['on', 'off'] as const;

/**
 * Defaults of `--fit all` (whole-series training): an Orion-like model, chosen with bench/nab.ts on the
 * development NAB files, and Orion's post-processing with two changes chosen with bench/nab-scores.ts and
 * bench/nab-explore.ts on the same files: mean + 3σ (Orion: 4σ; recall was the weak side) and a padding of 100
 * steps (Orion: 50), one default window: the reach of a step's error, since each step is reconstructed by the
 * windows covering it. The aggregation is chosen from the series (`resample: 'auto'`, docs/selection.md's
 * `resample-auto`: 10-minute means for at least 4,000 rows under 10-minute steps), and a step whose own error is
 * 20σ out is flagged too (`extreme: 20`, round 4's `raw20`), and so is a stuck sensor (`stuck: 'on'`, round 6's
 * `stuck-rare`). Explicit flags and presets win over them.
 */
export const WHOLE_SERIES_DEFAULTS = {
  transform: 'none',
  scaler: 'minmax',
  window: 100,
  encoder: [60],
  dropout: 0,
  loss: 'mse',
  learningRate: 1e-3,
  batchSize: 64,
  epochs: 10,
  patience: 0,
  valSplit: 0,
  threshold: 'window-sigma:3',
  smooth: 'auto',
  pad: 100,
  prune: 0.13,
  extreme: 20,
  stuck: 'on',
  resample: 'auto',
} as const;

/** The event options, each declared once (defaults and `--help` derive from it). */
export const EVENT_OPTION_DEFS: readonly OptionDef[] = [
  {
    key: 'fit',
    flag: '--fit',
    type: 'string',
    default: 'split',
    choices: FIT_MODES,
    help:
      'split: train on the first part, score the rest; all: train on the whole series and score every window ' +
      `(defaults then: ${Object.entries(WHOLE_SERIES_DEFAULTS)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}; aer keeps its own model and training)`,
    group: 'Pipeline',
  },
  {
    key: 'aggregate',
    flag: '--aggregate',
    type: 'string',
    default: 'median',
    choices: AGGREGATES,
    help: 'per-step reconstruction over the windows covering a step',
    group: 'Pipeline',
  },
  {
    key: 'smooth',
    flag: '--smooth',
    type: 'string',
    arg: 'auto|N|0',
    default: 'auto',
    help: 'centred rolling mean of per-step errors (auto: 1% of the length, at most 200)',
    group: 'Pipeline',
  },
  {
    key: 'pad',
    flag: '--pad',
    type: 'int',
    arg: 'N',
    default: 0,
    help: 'steps of padding around flagged steps before merging (step rules)',
    group: 'Pipeline',
  },
  {
    key: 'prune',
    flag: '--prune',
    type: 'number',
    arg: 'F',
    default: 0,
    help: 'drop events whose peak is less than F (0.13 = 13%) above the next (step rules; 0: off)',
    group: 'Pipeline',
  },
  {
    key: 'extreme',
    flag: '--extreme',
    type: 'number',
    arg: 'K',
    default: 0,
    help: "also flag a step whose own (unsmoothed) error is above mean + K sigma of all steps' (step rules; 0: off)",
    group: 'Pipeline',
  },
  {
    key: 'stuck',
    flag: '--stuck',
    type: 'string',
    arg: ON_OFF.join('|'),
    choices: ON_OFF,
    default: 'off',
    help: 'also flag a stuck sensor: 10+ steps repeating one input, too long for the series (step rules)',
    group: 'Pipeline',
  },
  {
    key: 'resample',
    flag: '--resample',
    type: 'string',
    arg: RESAMPLE_CHOICES.join('|'),
    choices: RESAMPLE_CHOICES,
    help: 'mean of each column per time bucket before anything else; auto: 10min for >= 4,000 rows under 10-min steps',
    group: 'Data',
  },
];

/**
 * The smoothing width of `--smooth`: `auto`, a whole number of steps (0 or 1: none).
 *
 * @throws InputError `invalid smooth: <text> (auto, or a whole number of steps)` for other text.
 * @example
 * smoothOption('auto'); // 'auto'
 */
export function smoothOption(text: string): number | 'auto' {
  if (text === 'auto') return 'auto';
  const n = Number(text);
  if (String(text).trim() === '' || !Number.isInteger(n) || n < 0) {
    throw invalid('smooth', text, 'auto, or a whole number of steps');
  }
  return n;
}
