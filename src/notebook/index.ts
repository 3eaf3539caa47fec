/**
 * Notebook helpers for tslab (the `lstm-anomaly/notebook` entry point): interactive Plotly charts, danfo
 * DataFrames as HTML tables, live training progress, a Keras-style layer table and data loading that still
 * works offline. Display helpers only work inside a tslab kernel; the pipeline itself comes from `lstm-anomaly`.
 */
export { showFigure, plotlySetup } from './plotly';
export { showTable, tableHtml, rowsToTable, TableLike, TableOptions } from './table';
export { showHtml, showMarkdown, liveOutput, LiveOutput, escapeHtml } from './display';
export { epochProgress, finalProgressHtml, EpochProgress, TrainingEnd } from './progress';
export { layerTable } from './layers';
export { loadNotebookSeries, between, NotebookSource, SourceKind } from './data';
export { projectPath } from './paths';
