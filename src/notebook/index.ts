/**
 * Notebook helpers for tslab (the `lstm-anomaly/notebook` entry point): interactive Plotly charts, danfo
 * DataFrames as HTML tables, live training progress, a Keras-style layer table and data loading that still
 * works offline. Display helpers only work inside a tslab kernel; the pipeline itself comes from `lstm-anomaly`.
 */

/** Flagged windows joined into events (the pipeline's rule), for a notebook that scores windows step by step. */
export { windowEvents } from '../pipeline/steps-stage';
export { between, loadNotebookSeries, NotebookSource, SourceKind } from './data';
export { escapeHtml, LiveOutput, liveOutput, showHtml, showMarkdown } from './display';
export { layerTable } from './layers';
export { projectPath } from './paths';
export { plotlySetup, showFigure } from './plotly';
export { EpochProgress, epochProgress, finalProgressHtml, TrainingEnd } from './progress';
export { SweepRow, sweepThresholds, thresholdSweep } from './sweep';
export { rowsToTable, showTable, TableLike, TableOptions, tableHtml } from './table';
