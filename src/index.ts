/**
 * lstm-anomaly: time-series anomaly detection with an LSTM autoencoder in TypeScript.
 *
 * Pipeline stages, in order: data -> transform (split, transform, scaler, drift) -> sequence (windows) ->
 * model -> train -> score -> threshold -> detector / pipeline -> plot -> report.
 */
export * from './data';
export * from './transform/split';
export * from './transform/transforms';
export * from './transform/scaler';
export * from './transform/drift';
export * from './sequence/windows';
export * from './model';
export * from './train/fit';
export * from './score/mae';
export * from './threshold/percentile';
export * from './threshold/rule';
export * from './detector/options';
export * from './detector/detector';
export * from './detector/persist';
export * from './pipeline/run';
export * from './pipeline/presets';
export * from './backend/select';
export * from './result';
export { ReportInput } from './report/result';
export * from './plot';
export * from './util/errors';
export { Rng } from './util/random';
export { VERSION } from './version';
