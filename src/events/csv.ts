import type { AnomalyEvent } from './events';

const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const num = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '');

/**
 * The text of `events.csv`: a header, then one row per event with
 * `start,end,start_index,end_index,steps,peak,peak_score,severity` and, when events carry column shares,
 * one `share_<column>` per column. Numbers keep 6 significant digits; fields with commas or quotes are quoted.
 *
 * @throws never.
 * @example
 * eventsCsv([]); // 'start,end,start_index,end_index,steps,peak,peak_score,severity\n'
 */
export function eventsCsv(events: AnomalyEvent[]): string {
  const cols = events.find((e) => e.shares)?.shares;
  const shareCols = cols ? Object.keys(cols) : [];
  const header = [
    'start',
    'end',
    'start_index',
    'end_index',
    'steps',
    'peak',
    'peak_score',
    'severity',
    ...shareCols.map((c) => `share_${c}`),
  ];
  const rows = events.map((e) =>
    [
      cell(e.start),
      cell(e.end),
      String(e.startIndex),
      String(e.endIndex),
      String(e.endIndex - e.startIndex + 1),
      cell(e.peak),
      num(e.peakScore),
      num(e.severity),
      ...shareCols.map((c) => num(e.shares?.[c] ?? NaN)),
    ].join(','),
  );
  return `${[header.map(cell).join(','), ...rows].join('\n')}\n`;
}
