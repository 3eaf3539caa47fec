/** The version of lstm-anomaly (kept in step with package.json; version.test.ts checks). */
export const VERSION = '0.1.0';
