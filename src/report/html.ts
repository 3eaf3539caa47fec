import type { DetectorKind } from '../detector/contract';
import { DETECTORS } from '../detector/registry';
import { reportFigure } from '../plot/compact';
import { runFigures } from '../plot/figures';
import { lazyFigureDiv } from '../plot/lazy';
import { escapeHtml } from './escape';
import { eventsSection } from './events';
import { reportPage } from './page';
import type { ReportInput } from './result';
import { driftBanner, summaryCards } from './summary';
import { anomaliesTable, settingsTable } from './table';

export { REPORT_CSP } from './page';

/** What the report's subtitle calls a detector (its registry name; an unknown kind as it is). */
function detectorName(kind: string): string {
  return Object.hasOwn(DETECTORS, kind) ? DETECTORS[kind as DetectorKind].name : kind;
}

/** A titled report section (card) around some HTML. */
function section(id: string, title: string, body: string, caption = ''): string {
  const cap = caption ? `<p class="caption">${escapeHtml(caption)}</p>` : '';
  return `<section class="card" id="${id}-section">\n<h2>${escapeHtml(title)}</h2>${cap}\n${body}\n</section>`;
}

/**
 * Render a run as ONE self-contained HTML page: title, summary, drift banner (when drift.warn), the six charts
 * (two more per further column of a multivariate series), the anomalies table and the settings table. plotly.js is inlined once; nothing is fetched (see REPORT_CSP);
 * every text from the data is escaped. Charts are written as `reportFigure` makes them: lines decimated to the
 * pixels they are drawn at, dates as typed arrays.
 *
 * @throws InputError when the series has a different number of dates and values.
 * @throws Error when `plotly.js-cartesian-dist-min` is not installed.
 * @example
 * writeFileSync('report.html', renderReport({ result, series }));
 */
export function renderReport(input: ReportInput): string {
  const { result: r, series } = input;
  const st = input.steps;
  const figs = new Map(runFigures(r, series, st?.flags ? { ...st, flags: st.flags } : undefined).map((f) => [f.id, f]));
  const plot = (id: string, height?: number) => {
    const f = figs.get(id)!;
    return `<div><p class="caption">${escapeHtml(f.caption)}</p>${lazyFigureDiv(reportFigure(f.figure), id, height)}</div>`;
  };
  const valueName = series.columns[0] ?? 'value';
  const extra = (kind: string, height: number) =>
    series.columns
      .slice(1)
      .map((_, k) => `\n${plot(`${kind}-${k + 2}`, height)}`)
      .join('');
  return reportPage({
    kind: 'Anomaly report',
    source: r.data.source,
    version: r.version,
    sub: `${escapeHtml(r.data.start)} to ${escapeHtml(r.data.end)} &middot; column ${escapeHtml(r.data.columns.join(', '))} &middot; ${escapeHtml(detectorName(String(r.config.detector ?? 'lstm')))}, window of ${escapeHtml(String(r.config.window ?? '?'))} steps`,
    body: `${driftBanner(r.drift)}
${summaryCards(r)}
${section('data', 'Data and split', plot('split', 380) + extra('split', 320))}
${section('training', 'Training', plot('loss', 340))}
${section('errors', 'Reconstruction error', `<div class="grid2">${plot('train-mae', 340)}${plot('test-mae', 340)}</div>\n${plot('mae-time', 360)}`)}
${section('anomalies', 'Anomalies', `${plot('anomalies', 400)}${extra('anomalies', 340)}\n${anomaliesTable(r.anomalies, valueName)}`)}
${eventsSection(r, series, input.steps)}
${section('settings', 'Settings', settingsTable(r.config), 'The resolved options of this run (after preset and flags).')}`,
  });
}
