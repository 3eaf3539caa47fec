/**
 * The data layer: series from CSV files, the bundled S&P 500, Yahoo Finance and synthetic sine waves.
 */
export * from './series';
export * from './dates';
export * from './csv';
export * from './fill';
export * from './load-csv';
export * from './default';
export * from './synthetic';
export * from './yahoo-client';
export * from './yahoo-cache';
export * from './yahoo';
