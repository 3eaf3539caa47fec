/**
 * lstm-anomaly: time-series anomaly detection with an LSTM autoencoder in TypeScript.
 *
 * Pipeline stages, in order: data -> transform (split, transform, scaler, drift) -> sequence (windows) ->
 * model -> train -> score -> threshold -> detector / pipeline -> plot -> report. This module is the documented
 * API (the README's "Library" section and the notebooks' imports): each stage's public functions and types,
 * none of its internals.
 */

export { BackendChoice, selectBackend } from './backend/select';
export * from './data';
export { resample } from './data/resample';
export { Detector, DetectorKind } from './detector/contract';
export * from './detector/lstm/detector';
export { loadDetector, MODEL_FORMAT, saveDetector } from './detector/lstm/persist';
export * from './detector/options';
export { DETECTOR_KINDS } from './detector/registry';
export { LabelInterval, labelsForFile, parseNabWindows } from './evaluate/labels';
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
  DenseAutoencoderJson,
  DenseAutoencoderSpec,
  DenseTrainOptions,
  DenseWeightJson,
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
export { CompareEntry, CompareResult, compareKinds, runCompare } from './pipeline/compare';
export { CompareSummary, compareSummaries, entryEvents, evaluateCompare } from './pipeline/compare-eval';
export { wholeSeriesOptions } from './pipeline/compare-options';
export { CompareRow, compareOverall, compareRows, compareVerdict } from './pipeline/compare-verdict';
export { EvaluateOptions, evaluateStage, fileMeasures } from './pipeline/evaluation';
export { WHOLE_SERIES_DEFAULTS } from './pipeline/event-options';
export * from './pipeline/presets';
export * from './pipeline/run';
export { EventStage, stepView } from './pipeline/steps-stage';
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
export { CompareSeries, compareChart, compareTimeline } from './plot/compare';
export { eventsChart } from './plot/events';
export { ReconstructionOptions, reconstructionChart, WindowErrors, windowErrors } from './plot/reconstruction';
export { stepTimeline } from './plot/step-timeline';
export { StepView, ZoomEvent, zoomChart } from './plot/zoom';
export { ReportInput } from './report/result';
export { RunResult } from './result';
export { meanLoss, windowMae } from './score/mae';
export { AnomalyRecord, ScoredWindow } from './score/records';
export { makeWindows, Windows } from './sequence/windows';
export { meanStd, percentile } from './threshold/percentile';
export { parseThreshold, Threshold, ThresholdJson, ThresholdSpec } from './threshold/rule';
export { TrainOptions, TrainResult, trainAutoencoder } from './train/fit';
export { DRIFT_LEVEL, DriftJson, driftCheck } from './transform/drift';
export { Scaler, ScalerJson, ScalerKind } from './transform/scaler';
export { SplitOptions, SplitSeries, timeSplit } from './transform/split';
export { applyTransform, TRANSFORMS, TransformKind, transformLag } from './transform/transforms';
export { InputError, isInputError } from './util/errors';
export { Rng } from './util/random';
export { VERSION } from './version';
