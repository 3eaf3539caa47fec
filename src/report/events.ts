import type { Series } from '../data/series';
import type { AnomalyEvent } from '../events/events';
import { PANEL_BUCKETS, reportFigure } from '../plot/compact';
import { eventsChart } from '../plot/events';
import { lineOf } from '../plot/figure';
import { lazyFigureDiv } from '../plot/lazy';
import { type StepView, zoomChart } from '../plot/zoom';
import type { RunEvaluation, RunResult } from '../result';
import { escapeHtml } from './escape';
import { reviewControls, reviewFileName } from './review';

/** Largest events that get a zoomed panel. */
export const ZOOM_PANELS = 6;

const num = (v: number): string => (Number.isFinite(v) ? String(Number(v.toPrecision(4))) : '-');
const pct = (v: number): string => `${(v * 100).toFixed(0)}%`;

function eventsTable(events: AnomalyEvent[], hits?: boolean[]): string {
  const shareCols = events.find((e) => e.shares)?.shares;
  const explained = events.some((e) => e.explanation);
  const head = [
    '#',
    'start',
    'end',
    'steps',
    'peak',
    'peak score',
    'severity',
    ...(hits ? ['label?'] : []),
    ...(shareCols ? ['share of the error'] : []),
    ...(explained ? ['calibrated', 'why'] : []),
  ];
  const rows = events.map((e, i) => [
    String(i + 1),
    escapeHtml(e.start),
    escapeHtml(e.end),
    String(e.endIndex - e.startIndex + 1),
    escapeHtml(e.peak),
    num(e.peakScore),
    num(e.severity),
    ...(hits ? [hits[i] ? '<span class="hit">true</span>' : '<span class="miss">false</span>'] : []),
    ...(shareCols
      ? [
          Object.entries(e.shares ?? {})
            .sort((a, b) => b[1] - a[1])
            .map(([c, s]) => `${escapeHtml(c)} ${pct(s)}`)
            .join(', '),
        ]
      : []),
    ...(explained
      ? [
          e.explained && Number.isFinite(e.explained.calibrated) ? num(e.explained.calibrated) : '-',
          escapeHtml(e.explanation ?? ''),
        ]
      : []),
  ]);
  return (
    `<table class="anomalies" id="events-table"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}` +
    `</tr></thead><tbody>\n${rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n')}` +
    '\n</tbody></table>'
  );
}

/** Rows of VUS, range-based, affiliation, NAB, UCR top-1 (and point-adjusted F1 when asked). */
function measureRows(e: RunEvaluation): string {
  const f = (v: number | undefined): string => (v !== undefined && Number.isFinite(v) ? v.toFixed(3) : '-');
  const nab = e.nab && Number.isFinite(e.nab.score) ? e.nab.score.toFixed(1) : '-';
  const pa = e.pointAdjusted ? `<tr><th>point-adjusted F1 (inflated)</th><td>${f(e.pointAdjusted.f1)}</td></tr>` : '';
  return `<tr><th>VUS-PR, VUS-ROC</th><td>${f(e.vusPr)}, ${f(e.vusRoc)}</td></tr>
<tr><th>range-based</th><td>precision ${f(e.range?.precision)}, recall ${f(e.range?.recall)}, F1 ${f(e.range?.f1)}</td></tr>
<tr><th>affiliation</th><td>precision ${f(e.affiliation?.precision)}, recall ${f(e.affiliation?.recall)}, F ${f(e.affiliation?.f1)}</td></tr>
<tr><th>NAB score (standard)</th><td>${nab}</td></tr>
<tr><th>UCR top-1</th><td>${e.ucrTop1?.hit ? 'hit' : 'miss'}</td></tr>${pa}`;
}

function evaluationBlock(r: RunResult): string {
  const e = r.evaluation;
  if (!e) return '';
  const o = e.overlap;
  const p = e.pointwise;
  const missed = e.labelHits.filter((l) => !l.hit);
  const f = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');
  return `<div id="evaluation"><h3>Against ${e.labels} label${e.labels === 1 ? '' : 's'}</h3>
<table class="settings"><tbody>
<tr><th>overlap-segment</th><td>${o.tp + o.fp === 0 ? `no events (tp 0, fp 0, fn ${o.fn})` : `precision ${f(o.precision)}, recall ${f(o.recall)}, F1 ${f(o.f1)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})`}</td></tr>
<tr><th>point-wise</th><td>precision ${f(p.precision)}, recall ${f(p.recall)}, F1 ${f(p.f1)}</td></tr>
<tr><th>AUC-PR of the per-step score</th><td>${f(e.aucPr)}</td></tr>
${e.vusPr === undefined ? '' : measureRows(e)}
${e.labelsOutside ? `<tr><th>in training part</th><td>${e.labelsOutside} label(s) outside the scored span, counted as misses (fn)</td></tr>` : ''}
<tr><th>missed labels</th><td>${missed.length ? missed.map((l) => `${escapeHtml(l.start)} .. ${escapeHtml(l.end)}`).join('; ') : 'none'}</td></tr>
</tbody></table></div>`;
}

/**
 * The report's events section: the series with each event shaded (and labels, events marked true/false, missed
 * labels), a zoomed panel for each of the largest events (up to 6) from the per-step view, the table of events
 * and, with labels, the evaluation, then the review controls (src/report/review.ts). Empty when the result has no events field.
 *
 * @throws InputError from the charts for a series whose dates and values differ in length.
 * @example
 * const html = eventsSection(result, series, run.stage);
 */
export function eventsSection(r: RunResult, series: Series, steps?: StepView): string {
  if (!r.events) return '';
  const events = r.events;
  const ev = r.evaluation;
  const labels = ev?.labelHits.map((l) => ({ start: l.start, end: l.end }));
  // written as built, ISO date strings: the review script snaps a dragged interval to the dates of this trace
  const chart = lazyFigureDiv(
    eventsChart(lineOf(series), events, {
      labels,
      eventHits: ev?.eventHits,
      labelHits: ev?.labelHits.map((l) => l.hit),
      trainEnd: r.config.fit === 'all' ? undefined : r.split.trainEnd,
    }),
    'events',
    380,
  );
  const largest = events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => b.e.severity - a.e.severity)
    .slice(0, ZOOM_PANELS);
  const zooms = steps
    ? largest
        .map(({ e, i }) =>
          lazyFigureDiv(
            reportFigure(
              zoomChart(steps, e, `Event ${i + 1} (severity ${num(e.severity)})`, 0, series.columns[0]),
              PANEL_BUCKETS,
            ),
            `zoom-${i + 1}`,
            400,
          ),
        )
        .join('\n')
    : '';
  const how = r.threshold.explanation ? `<p class="caption">Threshold: ${escapeHtml(r.threshold.explanation)}</p>` : '';
  const from = r.eventSource === 'step' ? 'runs of flagged steps' : 'runs of consecutive flagged windows';
  return (
    `<section class="card" id="events-section">
<h2>Events (${events.length})</h2><p class="caption">${events.length} event${events.length === 1 ? '' : 's'}: ${from}. ` +
    `Zoomed: the ${largest.length} most severe, as the model saw them (after transform and scaling).</p>${how}
${chart}
${zooms ? `<div class="grid2">${zooms}</div>` : ''}
${events.length ? eventsTable(events, ev?.eventHits) : '<p>No events.</p>'}
${evaluationBlock(r)}
${reviewControls({ file: reviewFileName(r.data.source), start: r.data.start, end: r.data.end, rows: r.data.rows, events })}
</section>`
  );
}
