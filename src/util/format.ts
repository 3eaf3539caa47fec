/**
 * A number to `digits` significant digits with no trailing zeros; NaN and infinities as-is.
 *
 * @throws Nothing.
 * @example
 * significant(0.0123456, 4); // '0.01235'
 * significant(12345, 4); // '12350'
 */
export function significant(v: number, digits: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(digits))) : String(v);
}

/**
 * A number for tables and reports: integers exactly, others to `digits` significant digits (no trailing zeros).
 *
 * @throws Nothing: NaN and infinities are shown as-is.
 * @example
 * formatNumber(1234.56789); // '1234.57'
 * formatNumber(0.000123456, 3); // '0.000123'
 */
export function formatNumber(v: number, digits = 6): string {
  if (Number.isInteger(v)) return String(v);
  return significant(v, digits);
}
