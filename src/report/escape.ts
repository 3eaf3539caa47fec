/**
 * Escape text for HTML element content and double-quoted attributes: `& < > " '`.
 *
 * @throws Nothing: non-strings are converted with String().
 * @example
 * escapeHtml('<b>"x"</b>'); // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: unknown): string {
  return String(text).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * A number for people: up to `digits` significant digits, no exponent for everyday magnitudes, no trailing zeros.
 *
 * @throws Nothing: NaN and infinities are shown as-is.
 * @example
 * formatNumber(1234.56789); // '1234.57'
 * formatNumber(0.000123456, 3); // '0.000123'
 */
export function formatNumber(v: number, digits = 6): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v)) return String(v);
  return String(Number(v.toPrecision(digits)));
}
