/** Plotly figure specs (plain JSON) for every chart of a run, and helpers to embed them in HTML. */
export * from './figure';
export * from './split';
export * from './loss';
export * from './histogram';
export * from './timeline';
export * from './anomalies';
export * from './figures';
export * from './html';
export * from './text';
export * from './decimate';
