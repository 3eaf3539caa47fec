/**
 * Dates for a series without timestamps (UCR, TSB-AD): row `i` is dated `i` seconds after
 * `1970-01-01T00:00:00`, so the rows keep the order, spacing and ISO form every stage expects (splits, label
 * steps, events), and {@link dateIndex} turns a date back into its row index for reports, which show indices.
 *
 * @throws never.
 * @example
 * indexDates(3); // ['1970-01-01T00:00:00', '1970-01-01T00:00:01', '1970-01-01T00:00:02']
 */
export function indexDates(n: number): string[] {
  const out = new Array<string>(n);
  for (let i = 0; i < n; i++) out[i] = new Date(i * 1000).toISOString().slice(0, 19);
  return out;
}

/**
 * The row index of a date from {@link indexDates} (`NaN` for any other text).
 *
 * @throws never.
 * @example
 * dateIndex('1970-01-01T00:01:40'); // 100
 */
export function dateIndex(iso: string): number {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(iso)) return Number.NaN;
  return Date.parse(`${iso}Z`) / 1000;
}
