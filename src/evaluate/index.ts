/**
 * Evaluation against labels: label readers, overlap-segment and point-wise counts, AUC-PR, VUS-PR/ROC,
 * range-based precision/recall, affiliation, the NAB score, UCR top-1, point-adjusted counts, aggregation.
 */

export * from './affiliation';
export * from './aggregate';
export * from './aucpr';
export * from './counts';
export * from './label-column';
export * from './labels';
export * from './nab-score';
export * from './overlap';
export * from './point-adjust';
export * from './pointwise';
export * from './range';
export * from './runs';
export * from './steps';
export * from './ucr-top1';
export * from './vus';
