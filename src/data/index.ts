/**
 * The data layer's public face: series from CSV files, the bundled S&P 500, Yahoo Finance, synthetic sine waves
 * and labeled synthetic suites (`synth/`). Helpers the stage uses inside (date arithmetic, the CSV tokenizer, the
 * Yahoo client and cache file names) stay in their modules; import them by path where a test needs them.
 */

export { DATE_FORMATS } from './dates';
export { DEFAULT_SOURCE, loadDefaultSeries } from './default';
export { FillMode } from './fill';
export { CsvSeriesOptions, loadCsvSeries, parseSeriesCsv } from './load-csv';
export { Series, sliceSeries } from './series';
export { ANOMALIES, ANOMALY_KINDS, type AnomalyKind, type AnomalySpec } from './synth/anomalies';
export { BASE_SHAPES, type BaseShape } from './synth/bases';
export {
  MAX_SYNTH_LENGTH,
  MIN_SYNTH_LENGTH,
  type SynthLabel,
  type SynthSeries,
  type SynthSpec,
  synthSeries,
} from './synth/series';
export { makeSuite, SUITES, type SuiteDef, type SuiteEntry, type SuiteName, type SuiteOptions } from './synth/suite';
export {
  labelsCsv,
  nabWindows,
  seriesCsv,
  synthKey,
  type WriteSuiteOptions,
  windowsJson,
  writeSuite,
} from './synth/write';
export { InjectedAnomalies, InjectOptions, injectAnomalies, SineOptions, sineSeries } from './synthetic';
export { AssetKind, fetchYahooSeries, YahooOptions } from './yahoo';
