/** Events: runs of flagged steps with their peak, severity and column shares, and their CSV. */

export * from './csv';
export * from './events';
export * from './explain';
export * from './trim';
