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
  const pad = (k: number): string => (k < 10 ? `0${k}` : `${k}`);
  const times = Array.from({ length: Math.min(n, 86400) }, (_, r) => {
    return `T${pad(Math.floor(r / 3600))}:${pad(Math.floor(r / 60) % 60)}:${pad(r % 60)}`;
  });
  for (let d = 0; d * 86400 < n; d++) {
    const day = new Date(d * 86400000).toISOString().slice(0, 10);
    const last = Math.min(n, (d + 1) * 86400);
    for (let i = d * 86400; i < last; i++) out[i] = day + times[i - d * 86400];
  }
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
