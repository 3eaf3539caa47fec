import { DETECTOR_OPTION_DEFS, DetectorOptions } from '../detector/options';
import { defaultsOf, OptionDef } from '../util/options';
import { EVENT_OPTION_DEFS, EventOptions } from './event-options';

/** Options of a whole run: the detector's plus the split. */
export interface PipelineOptions extends DetectorOptions, EventOptions {
  /** Share of rows used for training. Default 0.8. */
  trainFrac: number;
  /** Train on rows before this ISO date instead (wins over trainFrac). Default: unset. */
  trainUntil?: string;
}

/** The split's options, each declared once. */
export const SPLIT_OPTION_DEFS: readonly OptionDef[] = [
  { key: 'trainFrac', flag: '--train-frac', type: 'number', arg: 'F', default: 0.8,
    help: 'share of rows for training, in time order', group: 'Pipeline' },
  { key: 'trainUntil', flag: '--train-until', type: 'string', arg: 'DATE',
    help: 'train on rows before DATE instead', group: 'Pipeline' },
];

/** Every option of a run: the detector's, then the split's. */
export const PIPELINE_OPTION_DEFS: readonly OptionDef[] = [
  ...DETECTOR_OPTION_DEFS, ...SPLIT_OPTION_DEFS, ...EVENT_OPTION_DEFS,
];

/** Defaults of {@link PipelineOptions} (from {@link PIPELINE_OPTION_DEFS}). */
export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = defaultsOf<PipelineOptions>(PIPELINE_OPTION_DEFS);
