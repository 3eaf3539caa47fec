import type { Aggregate, FileRow } from '../evaluate/aggregate';
import type { LabelInterval } from '../evaluate/labels';
import type { AnomalyEvent } from '../events/events';
import { eventsChart } from '../plot/events';
import type { Line } from '../plot/figure';
import { figureDiv, plotlyScriptTag } from '../plot/html';
import type { RunEvaluation } from '../result';
import { csvField } from './csv';
import { escapeHtml } from './escape';
import { REPORT_CSP } from './page';
import { reviewDetails, reviewExportAll } from './review';
import { REPORT_CSS } from './style';

/** One evaluated file: its row, and when it ran, its events, labels, evaluation and first column (for the chart). */
export interface EvaluatedFile {
  row: FileRow;
  evaluation?: RunEvaluation;
  events?: AnomalyEvent[];
  labels?: LabelInterval[];
  line?: Line;
  epochs?: number;
  /** The row where the test part started, when a manifest or the file's name set it. */
  trainEnd?: number;
  /** The series had no timestamps: `line`, `events` and `labels` hold row indices (the chart's x axis is linear). */
  index?: boolean;
}

const num = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '' : v.toFixed(3));
const cell = (v: string): string => csvField(v);

/**
 * The text of `evaluation.csv`: one row per file with its overlap-segment counts and scores, point-wise F1,
 * AUC-PR, event and label counts, seconds and error.
 *
 * @throws never.
 * @example
 * evaluationCsv([]); // header only
 */
export function evaluationCsv(files: EvaluatedFile[]): string {
  const head = 'file,subset,tp,fp,fn,precision,recall,f1,pointwise_f1,auc_pr,events,labels,seconds,error';
  const rows = files.map(({ row: r, evaluation: e, events, labels }) =>
    [
      cell(r.file),
      cell(r.subset),
      r.counts?.tp ?? '',
      r.counts?.fp ?? '',
      r.counts?.fn ?? '',
      num(r.counts?.precision),
      num(r.counts?.recall),
      num(r.counts?.f1),
      num(e?.pointwise.f1),
      num(e?.aucPr),
      events?.length ?? '',
      labels?.length ?? '',
      r.seconds === undefined ? '' : r.seconds.toFixed(1),
      cell(r.error ?? ''),
    ].join(','),
  );
  return `${[head, ...rows].join('\n')}\n`;
}

function table(head: string[], rows: string[][]): string {
  const th = head.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const trs = rows.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('\n');
  return `<table class="anomalies"><thead><tr>${th}</tr></thead><tbody>\n${trs}\n</tbody></table>`;
}

/**
 * `evaluation.html`: one self-contained page with the per-sub-folder table (tp/fp/fn summed), the mean F1, the
 * per-file table and a small chart per file (labels green, events red, false positives dashed, missed labels ✗),
 * each with its review controls (src/report/review.ts).
 *
 * @throws Error when plotly.js is not installed.
 * @example
 * fs.writeFileSync('evaluation.html', evaluationHtml(files, aggregate(files.map((f) => f.row)), {}, 120));
 */
export function evaluationHtml(files: EvaluatedFile[], agg: Aggregate, settings: object, seconds: number): string {
  const subsets = table(
    ['sub-folder', 'files', 'failed', 'tp', 'fp', 'fn', 'precision', 'recall', 'F1'],
    agg.subsets.map((s) => [
      escapeHtml(s.subset),
      String(s.files),
      String(s.failed),
      String(s.tp),
      String(s.fp),
      String(s.fn),
      num(s.precision),
      num(s.recall),
      num(s.f1),
    ]),
  );
  const perFile = table(
    [
      'file',
      'tp',
      'fp',
      'fn',
      'F1',
      'point-wise F1',
      'AUC-PR',
      'VUS-PR',
      'NAB',
      'events',
      'labels',
      'seconds',
      'error',
    ],
    files.map(({ row: r, evaluation: e, events, labels }) => [
      escapeHtml(r.file),
      String(r.counts?.tp ?? ''),
      String(r.counts?.fp ?? ''),
      String(r.counts?.fn ?? ''),
      num(r.counts?.f1),
      num(e?.pointwise.f1),
      num(e?.aucPr),
      num(e?.vusPr),
      e?.nab && Number.isFinite(e.nab.score) ? e.nab.score.toFixed(1) : '',
      String(events?.length ?? ''),
      String(labels?.length ?? ''),
      r.seconds?.toFixed(1) ?? '',
      escapeHtml(r.error ?? ''),
    ]),
  );
  const charts = files
    .filter((x) => x.line)
    .map((x, i) =>
      figureDiv(
        eventsChart(x.line!, x.events ?? [], {
          title: `${x.row.file}: ${x.events?.length ?? 0} events, ${x.labels?.length ?? 0} labels`,
          labels: x.labels,
          eventHits: x.evaluation?.eventHits,
          labelHits: x.evaluation?.labelHits.map((l) => l.hit),
          buckets: 400,
          ...(x.index ? { xType: 'linear' as const } : {}),
        }),
        `file-${i + 1}`,
        260,
      ),
    )
    .map((div, i) => {
      const x = files.filter((f) => f.line)[i];
      return x.index ? div : div + reviewDetails(x.row.file, x.line!.dates, x.events ?? [], i + 1, `file-${i + 1}`);
    })
    .join('\n');
  const mean = Number.isFinite(agg.meanF1) ? agg.meanF1.toFixed(3) : '-';
  const m = agg.measures;
  const measures = m?.files
    ? ` &middot; mean VUS-PR ${num(m.vusPr) || '-'} &middot; NAB ${Number.isFinite(m.nabScore) ? m.nabScore.toFixed(1) : '-'}` +
      ` &middot; UCR top-1 ${num(m.ucrTop1) || '-'}`
    : '';
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<title>Evaluation</title>
<style>${REPORT_CSS}</style>
${plotlyScriptTag()}
</head>
<body>
<main>
<header class="top"><h1>Evaluation against labels</h1>
<div class="sub">${files.length} files &middot; mean F1 over ${agg.averaged.length} sub-folders: ${mean}${measures} &middot; ${seconds.toFixed(0)} s</div></header>
<section class="card" id="subsets-section"><h2>Per sub-folder (tp, fp, fn summed over its files)</h2>
<p class="caption">Overlap-segment: a label overlapped by an event is a true positive, one overlapped by none a false negative, an event overlapping no label a false positive.</p>
${subsets}</section>
<section class="card" id="files-section"><h2>Per file</h2>${perFile}</section>
<section class="card" id="charts-section"><h2>Series, labels (green) and events (red; dashed: false positive)</h2>
${charts ? reviewExportAll() : ''}${charts}</section>
<section class="card" id="settings-section"><h2>Settings</h2><pre>${escapeHtml(JSON.stringify(settings, null, 1))}</pre></section>
</main>
</body>
</html>
`;
}
