/**
 * The one list of each enum option's values, used by the library's checks and the CLI's flags alike.
 *
 * @example
 * keyword('transform', 'logret', TRANSFORMS);
 */
export const TRANSFORMS = ['none', 'logret', 'diff'] as const;
/** Scalers fitted on the training part. */
export const SCALERS = ['standard', 'minmax'] as const;
/** Training losses. */
export const LOSSES = ['mae', 'mse'] as const;
/** tfjs backend choices (`auto`: tfjs-node, else wasm, else cpu). */
export const BACKENDS = ['auto', 'tensorflow', 'wasm', 'cpu'] as const;
/** What a CSV load does with missing or non-numeric values. */
export const FILLS = ['none', 'ffill', 'drop'] as const;
/** Yahoo Finance bar intervals. */
export const INTERVALS = ['1d', '1wk', '1mo'] as const;
/** Yahoo Finance asset kinds (how a symbol is spelled). */
export const ASSETS = ['stock', 'crypto', 'forex'] as const;
