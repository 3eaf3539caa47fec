import type { AnomalyEvent } from './events';

const cell = (v: string): string => (/[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const num = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(6))) : '');

/**
 * The columns events.csv gains when events carry explanations, after the existing ones.
 *
 * @example
 * EXPLAIN_COLUMNS.at(-1); // 'explanation'
 */
export const EXPLAIN_COLUMNS = [
  'move_column',
  'move_change',
  'move_percent',
  'move_steps',
  'move_multiple',
  'error_vs_threshold',
  'calibrated',
  'train_below',
  'train_ties',
  'train_windows',
  'channel',
  'expected',
  'explanation',
] as const;

function explainCells(e: AnomalyEvent): string[] {
  const x = e.explained;
  if (!x) return EXPLAIN_COLUMNS.map(() => '');
  const m = x.move;
  return [
    cell(m?.column ?? ''),
    m ? num(m.change) : '',
    m?.relative !== undefined ? num(m.relative * 100) : '',
    m ? String(m.steps) : '',
    x.moveMultiple !== undefined ? num(x.moveMultiple) : '',
    x.errorVsThreshold !== undefined ? num(x.errorVsThreshold) : '',
    num(x.calibrated),
    String(x.trainRank.below),
    String(x.trainRank.ties),
    String(x.trainRank.of),
    cell(x.channel?.name ?? ''),
    x.expected ? num(x.expected.value) : '',
    cell(e.explanation ?? ''),
  ];
}

/**
 * The text of `events.csv`: a header, then one row per event with
 * `start,end,start_index,end_index,steps,peak,peak_score,severity` and, when events carry column shares,
 * one `share_<column>` per column; when events carry explanations (src/events/explain.ts), then
 * {@link EXPLAIN_COLUMNS}: the largest move's column, signed change in units and percent (empty when the column is
 * not positive), its steps and multiple of the usual move, error / threshold, the calibrated score and the
 * training windows below, equal to and in all, the channel, the reconstruction's expected value at the peak
 * (empty for detectors that do not reconstruct) and the sentence. Numbers keep 6 significant digits; fields with
 * commas or quotes are quoted.
 *
 * @throws never.
 * @example
 * eventsCsv([]); // 'start,end,start_index,end_index,steps,peak,peak_score,severity\n'
 */
export function eventsCsv(events: AnomalyEvent[]): string {
  const cols = events.find((e) => e.shares)?.shares;
  const shareCols = cols ? Object.keys(cols) : [];
  const explained = events.some((e) => e.explained);
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
    ...(explained ? EXPLAIN_COLUMNS : []),
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
      ...(explained ? explainCells(e) : []),
    ].join(','),
  );
  return `${[header.map(cell).join(','), ...rows].join('\n')}\n`;
}
