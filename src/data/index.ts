/**
 * The data layer's public face: series from CSV files, the bundled S&P 500, Yahoo Finance and synthetic sine
 * waves. Helpers the stage uses inside (date arithmetic, the CSV tokenizer, the Yahoo client and cache file
 * names) stay in their modules; import them by path where a test needs them.
 */

export { DATE_FORMATS } from './dates';
export { DEFAULT_SOURCE, loadDefaultSeries } from './default';
export { FillMode } from './fill';
export { CsvSeriesOptions, loadCsvSeries, parseSeriesCsv } from './load-csv';
export { Series, sliceSeries } from './series';
export { InjectedAnomalies, InjectOptions, injectAnomalies, SineOptions, sineSeries } from './synthetic';
export { AssetKind, fetchYahooSeries, YahooOptions } from './yahoo';
