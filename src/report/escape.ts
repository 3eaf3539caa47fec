/**
 * Escape text for HTML element content and double-quoted attributes: `& < > " '`.
 *
 * @throws Nothing: non-strings are converted with String().
 * @example
 * escapeHtml('<b>"x"</b>'); // '&lt;b&gt;&quot;x&quot;&lt;/b&gt;'
 */
export function escapeHtml(text: unknown): string {
  return String(text).replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );
}

export { formatNumber } from '../util/format';
