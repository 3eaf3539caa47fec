/**
 * lstm-anomaly: time-series anomaly detection with an LSTM autoencoder in TypeScript.
 *
 * Pipeline stages, in order: data -> transform (split, transform, scaler, drift) -> sequence (windows) ->
 * model -> train -> score -> threshold -> detector / pipeline -> plot -> report. This module is the documented
 * API (the README's "Library" section and the notebooks' imports): each stage's public functions and types,
 * none of its internals.
 */
export * from './data';
export { SplitOptions, SplitSeries, timeSplit } from './transform/split';
export { applyTransform, TRANSFORMS, TransformKind, transformLag } from './transform/transforms';
export { Scaler, ScalerJson, ScalerKind } from './transform/scaler';
export { DRIFT_LEVEL, DriftJson, driftCheck } from './transform/drift';
export { makeWindows, Windows } from './sequence/windows';
export {
  Autoencoder,
  AutoencoderSpec,
  BatchCallback,
  COMPUTE_KINDS,
  ComputeKind,
  CreateOptions,
  createAutoencoder,
  DEFAULT_SPEC,
  DenseAutoencoder,
  DenseAutoencoderSpec,
  DenseTrainOptions,
  EpochRecord,
  LayerRow,
  LossKind,
  lstmParameters,
  lstmSizes,
  NamedWeight,
  nativeKernelsStatus,
  parameterCount,
  resolveSpec,
} from './model';
export { TrainOptions, TrainResult, trainAutoencoder } from './train/fit';
export { meanLoss, windowMae } from './score/mae';
export { AnomalyRecord, ScoredWindow } from './score/records';
export { meanStd, percentile } from './threshold/percentile';
export { parseThreshold, Threshold, ThresholdJson, ThresholdSpec } from './threshold/rule';
export * from './detector/options';
export * from './detector/detector';
export { loadDetector, MODEL_FORMAT, saveDetector } from './detector/persist';
export * from './pipeline/run';
export * from './pipeline/presets';
export { BackendChoice, selectBackend } from './backend/select';
export { RunResult } from './result';
export { ReportInput } from './report/result';
export {
  AnomalyChartOptions,
  AnomalyPoint,
  anomalyChart,
  bestEpochOf,
  COLORS,
  Figure,
  figureDiv,
  Line,
  LossChartOptions,
  LossPoint,
  lineOf,
  lossChart,
  MaeHistogramOptions,
  MaeTimelineOptions,
  maeHistogram,
  maeTimeline,
  NamedFigure,
  plotlyScriptTag,
  runFigures,
  SplitChartOptions,
  splitChart,
  TimelinePoint,
} from './plot';
export { InputError, isInputError } from './util/errors';
export { Rng } from './util/random';
export { VERSION } from './version';
