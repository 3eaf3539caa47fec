import { RESAMPLE_RULES, resample } from '../data/resample';
import type { Series } from '../data/series';
import { EVENT_OPTION_DEFS, smoothOption, WHOLE_SERIES_DEFAULTS } from '../pipeline/event-options';
import type { PipelineOptions } from '../pipeline/options';
import type { Preset } from '../pipeline/presets';
import { parseRule, THRESHOLD_HINT as RULES_HINT } from '../threshold/rules';
import { InputError, invalid } from '../util/errors';
import type { OptionDef } from '../util/options';

type FlagDef = OptionDef & { flag: string };
/** Parsed flags (parse.ts's CliFlags; not imported, to keep flags.ts free of a cycle). */
type CliFlags = object;

/** Every threshold rule a run accepts, for messages and `--help`. */
export const THRESHOLD_HINT = RULES_HINT;

/** Flags of events, whole-series training, resampling, row order and labels (added to detect and evaluate). */
export const EVENT_FLAGS: FlagDef[] = [
  ...(EVENT_OPTION_DEFS as FlagDef[]),
  {
    flag: '--resample',
    key: 'resample',
    type: 'string',
    arg: '10min|1h|1d',
    choices: Object.keys(RESAMPLE_RULES),
    help: 'mean of each column per time bucket before anything else',
    group: 'Data',
  },
  {
    flag: '--order',
    key: 'order',
    type: 'string',
    default: 'strict',
    choices: ['strict', 'keep'],
    help: 'strict: refuse duplicate or unsorted dates; keep: keep the file order (dates only label rows)',
    group: 'Data',
  },
  {
    flag: '--labels',
    key: 'labels',
    type: 'string',
    arg: 'FILE',
    help: 'known anomalies: NAB windows JSON or a start,end CSV; adds the evaluation',
    group: 'Data',
  },
  {
    flag: '--label-col',
    key: 'labelCol',
    type: 'string',
    arg: 'NAME',
    help: 'known anomalies from a column of the CSV (0/1, or see --anomaly-value)',
    group: 'Data',
  },
  {
    flag: '--anomaly-value',
    key: 'anomalyValue',
    type: 'string',
    arg: 'V',
    help: 'the --label-col value marking an anomaly, e.g. Bad',
    group: 'Data',
  },
  {
    flag: '--point-adjust',
    key: 'pointAdjust',
    type: 'bool',
    help: 'also point-adjusted F1 (inflated: rewards random scores; prints a warning)',
    group: 'Data',
  },
];

/** The event flags' values as parsed (parse.ts's CliFlags does not name them). */
export interface EventFlags {
  fit?: 'split' | 'all';
  aggregate?: 'median' | 'mean';
  smooth?: string;
  pad?: number;
  prune?: number;
  resample?: string;
  order?: 'strict' | 'keep';
  labels?: string;
  labelCol?: string;
  anomalyValue?: string;
  pointAdjust?: boolean;
}

/**
 * The event flags of parsed flags.
 *
 * @throws never.
 * @example
 * eventFlags(parseFlags(['--fit', 'all'], DETECT_FLAGS)).fit; // 'all'
 */
export function eventFlags(f: CliFlags): EventFlags {
  return f as unknown as EventFlags;
}

/**
 * Add the event options to resolved options: explicit flags, and with `--fit all` the whole-series defaults
 * for every option neither a flag nor the preset sets. Checks the threshold rule and smoothing early.
 *
 * @throws InputError for an unknown threshold rule, an invalid --smooth, a negative --pad / --prune, or
 * --point-adjust without labels.
 * @example
 * resolveEventOptions({ fit: 'all' } as CliFlags, {}).window; // 100
 */
export function resolveEventOptions(
  f: CliFlags,
  options: Partial<PipelineOptions>,
  preset?: Preset,
): Partial<PipelineOptions> {
  const e = eventFlags(f);
  const o: Record<string, unknown> = { ...options };
  for (const k of ['fit', 'aggregate', 'smooth', 'pad', 'prune'] as const) if (e[k] !== undefined) o[k] = e[k];
  if (o.fit === 'all') {
    const given = f as unknown as Record<string, unknown>;
    const fromPreset = (preset?.options ?? {}) as Record<string, unknown>;
    for (const [k, v] of Object.entries(WHOLE_SERIES_DEFAULTS)) {
      const flagKey =
        k === 'encoder' ? given.units !== undefined || given.layers !== undefined : given[k] !== undefined;
      if (!flagKey && fromPreset[k] === undefined) o[k] = Array.isArray(v) ? [...v] : v;
    }
  }
  if (typeof o.threshold === 'string') parseRule(o.threshold);
  if (o.smooth !== undefined) smoothOption(String(o.smooth));
  if (typeof o.pad === 'number' && o.pad < 0) throw invalid('--pad', o.pad, 'a whole number of steps, 0 or more');
  if (typeof o.prune === 'number' && !(o.prune >= 0 && o.prune < 1)) throw invalid('--prune', o.prune, '0 to 1');
  if (e.pointAdjust && !e.labels && !e.labelCol) throw new InputError('--point-adjust needs --labels or --label-col');
  return o as Partial<PipelineOptions>;
}

/**
 * Resample a loaded series when `--resample` asks for it.
 *
 * @throws InputError for an unknown rule.
 * @example
 * withResample(series, { resample: '10min' } as CliFlags);
 */
export function withResample(series: Series, f: CliFlags): Series {
  const r = eventFlags(f).resample;
  return r ? resample(series, r) : series;
}
