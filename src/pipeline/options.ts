import { DETECTOR_OPTION_DEFS, type DetectorOptions } from '../detector/options';
import { DETECTOR_KINDS, type DetectorName, detectorHelp, detectorName } from '../detector/registry';
import { defaultsOf, type OptionDef } from '../util/options';
import { EVENT_OPTION_DEFS, type EventOptions } from './event-options';

/** Options of a whole run: which detector, the detector's options, plus the split. */
export interface PipelineOptions extends DetectorOptions, EventOptions {
  /** Which detector: a kind, or an ensemble of kinds `ensemble:A,B[,C]`. Default 'lstm'. */
  detector: DetectorName;
  /** pca: principal components kept (at most window x features). Default: those explaining 95% of the variance. */
  components?: number;
  /** Share of rows used for training. Default 0.8. */
  trainFrac: number;
  /** Train on rows before this ISO date instead (wins over trainFrac). Default: unset. */
  trainUntil?: string;
}

/** The split's options, each declared once. */
export const SPLIT_OPTION_DEFS: readonly OptionDef[] = [
  {
    key: 'trainFrac',
    flag: '--train-frac',
    type: 'number',
    arg: 'F',
    default: 0.8,
    help: 'share of rows for training, in time order',
    group: 'Pipeline',
  },
  {
    key: 'trainUntil',
    flag: '--train-until',
    type: 'string',
    arg: 'DATE',
    help: 'train on rows before DATE instead',
    group: 'Pipeline',
  },
];

/** The choice of detector and the baselines' own options, each declared once. */
export const CHOICE_OPTION_DEFS: readonly OptionDef[] = [
  {
    key: 'detector',
    flag: '--detector',
    type: 'string',
    arg: 'NAME',
    default: 'lstm',
    help: detectorHelp(),
    group: 'Pipeline',
    choices: DETECTOR_KINDS,
    parse: detectorName,
  },
  {
    key: 'components',
    flag: '--components',
    type: 'posint',
    arg: 'N',
    shown: '95% of variance',
    help: 'pca: principal components kept (at most window x features)',
    group: 'Pipeline',
  },
];

/** Every option of a run: the detector's, then the split's, then the choice of detector. */
export const PIPELINE_OPTION_DEFS: readonly OptionDef[] = [
  ...DETECTOR_OPTION_DEFS,
  ...SPLIT_OPTION_DEFS,
  ...CHOICE_OPTION_DEFS,
  ...EVENT_OPTION_DEFS,
];

/** Defaults of {@link PipelineOptions} (from {@link PIPELINE_OPTION_DEFS}). */
export const DEFAULT_PIPELINE_OPTIONS: PipelineOptions = defaultsOf<PipelineOptions>(PIPELINE_OPTION_DEFS);
