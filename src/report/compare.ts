import type { Series } from '../data/series';
import type { DetectorKind } from '../detector/contract';
import { DETECTORS } from '../detector/registry';
import { compareTimeline } from '../plot/compare';
import { figureDiv } from '../plot/html';
import { maeTimeline } from '../plot/timeline';
import type { AnomalyEvent, RunEvaluation, ScoredWindow, ThresholdJson } from '../result';
import { thresholdLabel } from '../threshold/rule';
import { ruleKind } from '../threshold/rules';
import { VERSION } from '../version';
import { escapeHtml, formatNumber } from './escape';
import { reportPage } from './page';
import { htmlTable } from './table';

/** One detector's numbers as the compare report shows them (a `CompareEntry` of runCompare fits). */
export interface CompareReportEntry {
  kind: string;
  flagged: number;
  flaggedShare: number;
  fitSeconds: number;
  scoreSeconds: number;
  threshold: ThresholdJson;
  test: ScoredWindow[];
  /** Events in the scored span (shaded on the shared time axis and counted in the table). */
  events?: AnomalyEvent[];
  /** Against labels: overlap-segment counts, point-wise F1, AUC-PR (extra table columns). */
  evaluation?: RunEvaluation;
}

/** What the compare report needs: the detectors' entries (a `CompareResult` of runCompare fits). */
export interface CompareReportInput {
  source: string;
  entries: CompareReportEntry[];
}

/** A threshold's one-sentence explanation, when the run recorded one. */
function explained(t: ThresholdJson): string | undefined {
  return (t as ThresholdJson & { explanation?: string }).explanation;
}

/** True when a step rule flagged the entry (no single threshold value). */
const step = (e: CompareReportEntry): boolean => ruleKind(e.threshold) === 'step';

/** What a detector's score is, in words (its registry entry; an unknown kind as it is). */
function scoreText(kind: string): string {
  return Object.hasOwn(DETECTORS, kind) ? DETECTORS[kind as DetectorKind].score : kind;
}

/**
 * The comparison table: detector, events, flagged windows, flagged share, fit s, score s, threshold; with labels
 * also overlap-segment F1 with its counts, point-wise F1 and AUC-PR.
 *
 * @throws Nothing.
 * @example
 * compareTable(result.entries);
 */
export function compareTable(entries: CompareReportEntry[]): string {
  const labeled = entries.some((e) => e.evaluation);
  const f = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(3));
  const rows = entries.map((e) => {
    const ev = e.evaluation;
    const o = ev?.overlap;
    return [
      e.kind,
      ...(e.events ? [String(e.events.length)] : []),
      `${e.flagged} of ${e.test.length}`,
      `${(100 * e.flaggedShare).toFixed(1)}%`,
      e.fitSeconds.toFixed(2),
      e.scoreSeconds.toFixed(2),
      step(e)
        ? `${thresholdLabel(e.threshold)} (per step)`
        : `${thresholdLabel(e.threshold)} = ${formatNumber(e.threshold.value, 4)}`,
      ...(labeled
        ? [o ? `${f(o.f1)} (tp ${o.tp}, fp ${o.fp}, fn ${o.fn})` : '-', f(ev?.pointwise.f1), f(ev?.aucPr)]
        : []),
    ];
  });
  const cols = [
    { title: 'detector' },
    ...(entries.some((e) => e.events) ? [{ title: 'events', numeric: true }] : []),
    { title: 'flagged windows', numeric: true },
    { title: 'flagged share', numeric: true },
    { title: 'fit s', numeric: true },
    { title: 'score s', numeric: true },
    { title: 'threshold', numeric: true },
    ...(labeled
      ? [
          { title: 'overlap F1 (counts)', numeric: true },
          { title: 'point-wise F1', numeric: true },
          { title: 'AUC-PR', numeric: true },
        ]
      : []),
  ];
  return htmlTable(cols, rows);
}

/**
 * The compare sections as an HTML fragment: one card with every detector's scores on one shared time axis and
 * the table, then one card per detector (`id="compare-<kind>-section"`) with its own score chart. Needs
 * plotlyScriptTag() earlier in the page.
 *
 * @throws InputError for no entries or a non-finite threshold.
 * @example
 * const html = compareSections(await runCompare(series, ['lstm', 'pca'], options));
 */
export function compareSections(c: CompareReportInput): string {
  const fig = compareTimeline(
    c.entries.map((e) => ({
      name: e.kind,
      windows: e.test,
      threshold: step(e) ? null : e.threshold.value,
      rule: thresholdLabel(e.threshold),
      events: e.events,
    })),
  );
  const cards = c.entries.map((e) => {
    const chart = maeTimeline(e.test, step(e) ? null : e.threshold.value, {
      title: `${e.kind}: test scores over time`,
    });
    chart.data[0].name = 'test score';
    for (const t of chart.data) {
      if (typeof t.hovertemplate === 'string') t.hovertemplate = t.hovertemplate.replace('MAE', 'score');
    }
    (chart.layout.yaxis as { title: unknown }).title = { text: 'score' };
    const text =
      `Score: ${scoreText(e.kind)}. ` +
      (step(e)
        ? `${e.flagged} of ${e.test.length} test windows flagged by ${thresholdLabel(e.threshold)} ` +
          '(a threshold per step on the per-step scores, so no line on the window scores).'
        : `${e.flagged} of ${e.test.length} test windows above the threshold ` +
          `${thresholdLabel(e.threshold)} = ${formatNumber(e.threshold.value, 4)}.`) +
      (e.events ? ` ${e.events.length} event${e.events.length === 1 ? '' : 's'}.` : '') +
      (explained(e.threshold) ? ` ${explained(e.threshold)}` : '');
    const kind = escapeHtml(e.kind);
    return (
      `<section class="card compare-detector" id="compare-${kind}-section">\n<h2>Detector: ${kind}</h2>` +
      `<p class="caption">${escapeHtml(text)}</p>\n${figureDiv(chart, `compare-${e.kind}`, 320)}\n</section>`
    );
  });
  const height = 120 + 180 * c.entries.length;
  const caption =
    'Each detector on the same split: its test scores (own scale) by window end date, threshold (dashed; none ' +
    'for a step rule, whose thresholds are per step), ' +
    'flagged windows (red) and its events (shaded).';
  return (
    '<section class="card" id="compare-section">\n<h2>Detectors compared</h2>' +
    `<p class="caption">${escapeHtml(caption)}</p>\n` +
    `${figureDiv(fig, 'compare-timeline', height)}\n${compareTable(c.entries)}\n</section>\n${cards.join('\n')}`
  );
}

/**
 * A self-contained HTML page comparing detectors on one series: the compare sections (see {@link compareSections}).
 *
 * @throws InputError for no entries; Error when plotly.js is not installed.
 * @example
 * fs.writeFileSync('compare.html', renderCompareReport(await runCompare(series, 'lstm,pca,zscore'), series));
 */
export function renderCompareReport(c: CompareReportInput, series?: Series): string {
  const d = series?.dates ?? [];
  const span = d.length > 0 ? `${escapeHtml(d[0])} to ${escapeHtml(d[d.length - 1])} &middot; ` : '';
  return reportPage({
    kind: 'Detectors compared',
    source: c.source,
    version: VERSION,
    sub: `${span}${escapeHtml(c.entries.map((e) => e.kind).join(', '))}`,
    body: compareSections(c),
  });
}
