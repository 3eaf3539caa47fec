/** Evaluation against labels: label readers, overlap-segment and point-wise counts, AUC-PR, aggregation. */
export * from './labels';
export * from './label-column';
export * from './steps';
export * from './counts';
export * from './overlap';
export * from './pointwise';
export * from './aucpr';
export * from './aggregate';
