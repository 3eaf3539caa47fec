/** Evaluation against labels: label readers, overlap-segment and point-wise counts, AUC-PR, aggregation. */

export * from './aggregate';
export * from './aucpr';
export * from './counts';
export * from './label-column';
export * from './labels';
export * from './overlap';
export * from './pointwise';
export * from './steps';
