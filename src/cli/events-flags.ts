import { RESAMPLE_RULES, resample } from '../data/resample';
import type { Series } from '../data/series';
import { EVENT_OPTION_DEFS } from '../pipeline/event-options';
import type { PipelineOptions } from '../pipeline/options';
import type { Preset } from '../pipeline/presets';
import { checkRunOptions, layerOptions } from '../pipeline/resolve';
import type { CliFlags, EventFlags, FlagDef } from './parse';

export type { EventFlags } from './parse';

import { flagOptions } from './resolve';

export { THRESHOLD_HINT } from '../pipeline/resolve';

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
];

/**
 * The event flags of parsed flags.
 *
 * @throws never.
 * @example
 * eventFlags(parseFlags(['--fit', 'all'], DETECT_FLAGS)).fit; // 'all'
 */
export function eventFlags(f: CliFlags): EventFlags {
  return f;
}

/**
 * Add the event options to resolved options, by the library's order (`layerOptions`, pipeline/resolve.ts):
 * with `--fit all` the whole-series defaults over every option neither a flag nor the preset sets; then checks
 * the threshold rule, smoothing, padding and pruning once (`checkRunOptions`).
 *
 * @throws InputError for an unknown threshold rule, an invalid --smooth or a negative --pad / --prune.
 * @example
 * resolveEventOptions({ fit: 'all' }, {}).window; // 100
 */
export function resolveEventOptions(
  f: CliFlags,
  options: Partial<PipelineOptions>,
  preset?: Preset,
): Partial<PipelineOptions> {
  const e = eventFlags(f);
  const events: Partial<PipelineOptions> = {};
  for (const k of ['fit', 'aggregate', 'smooth', 'pad', 'prune'] as const) {
    if (e[k] !== undefined) Object.assign(events, { [k]: e[k] });
  }
  const given = { ...flagOptions(f), ...events };
  const o = layerOptions({ defaults: options, detector: null, preset: preset?.options, given });
  checkRunOptions(o);
  return o;
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
