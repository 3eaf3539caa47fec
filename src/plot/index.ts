/** Plotly figure specs (plain JSON) for every chart of a run, and helpers to embed them in HTML. */

export * from './anomalies';
export * from './decimate';
export * from './figure';
export * from './figures';
export * from './histogram';
export * from './html';
export * from './loss';
export * from './split';
export * from './text';
export * from './timeline';
