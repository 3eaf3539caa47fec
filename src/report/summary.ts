import type { RunResult } from '../result';
import { ruleEntry, ruleKind, ruleLabel } from '../threshold/rules';
import { escapeHtml, formatNumber } from './escape';

/** One summary card: key, big value, small detail line. */
interface Stat {
  k: string;
  v: string;
  d?: string;
  alert?: boolean;
}

/**
 * How the threshold was chosen, in words: `99th percentile of training MAE`, `mean + 3 sd of training MAE`, `fixed`.
 *
 * @throws Nothing.
 * @example
 * thresholdText({ method: 'percentile', value: 0.2, percentile: 99 }); // '99th percentile of training MAE'
 */
export function thresholdText(t: RunResult['threshold']): string {
  const e = ruleEntry(t.method);
  return e.words(e.fromJSON(t));
}

/**
 * The summary cards of a report: rows, split, backend, epochs, threshold, test windows, anomalies, drift.
 *
 * @throws Nothing.
 * @example
 * const html = summaryCards(result);
 */
export function summaryCards(r: RunResult): string {
  const share = r.test.length ? (100 * r.anomalies.length) / r.test.length : 0;
  const stats: Stat[] = [
    { k: 'Rows', v: String(r.data.rows), d: `${r.data.start} to ${r.data.end}` },
    r.config.fit === 'all'
      ? { k: 'Split', v: 'none', d: `--fit all: trained on all ${r.split.trainRows} rows and scored every window` }
      : {
          k: 'Split',
          v: `${r.split.trainRows} / ${r.split.testRows}`,
          d: `train / test, train ends ${r.split.trainEnd}`,
        },
    {
      k: 'Backend',
      v: r.training.backend,
      d: `${r.training.engine ? `${r.training.engine}, ` : ''}${r.training.parameters} parameters`,
    },
    r.training.epochs === 0
      ? { k: 'Epochs', v: '0', d: 'no training in this run (a saved model scored the data)' }
      : {
          k: 'Epochs',
          v: String(r.training.epochs),
          d: `${r.training.initFrom ? `warm start from ${r.training.initFrom}, ` : ''}best ${r.training.bestEpoch}, ${formatNumber(r.training.seconds, 3)} s, ${formatNumber(r.training.seqPerSec, 3)} seq/s`,
        },
    ruleKind(r.threshold) === 'step'
      ? { k: 'Threshold', v: ruleLabel(r.threshold), d: thresholdText(r.threshold) }
      : { k: 'Threshold', v: formatNumber(r.threshold.value, 4), d: thresholdText(r.threshold) },
    { k: 'Test windows', v: String(r.test.length), d: `columns: ${r.data.columns.join(', ')}` },
    {
      k: 'Anomalies',
      v: String(r.anomalies.length),
      d: `${formatNumber(share, 3)}% of test windows`,
      alert: r.anomalies.length > 0,
    },
    r.drift.measured === false
      ? { k: 'Drift', v: 'not measured', d: 'a saved model keeps no training range' }
      : {
          k: 'Drift',
          v: `${formatNumber(100 * r.drift.outsideShare, 3)}%`,
          d: `test values outside training range (warn above ${formatNumber(100 * r.drift.level)}%)`,
          alert: r.drift.warn,
        },
  ];
  const card = (s: Stat) =>
    `<div class="stat${s.alert ? ' alert' : ''}"><div class="k">${escapeHtml(s.k)}</div>` +
    `<div class="v">${escapeHtml(s.v)}</div>${s.d ? `<div class="d">${escapeHtml(s.d)}</div>` : ''}</div>`;
  return `<div class="summary" id="summary">\n${stats.map(card).join('\n')}\n</div>`;
}

/**
 * The drift warning banner (text from `drift.message`), or an empty string when drift.warn is false.
 *
 * @throws Nothing.
 * @example
 * driftBanner(result.drift); // '' or '<div class="banner" ...>'
 */
export function driftBanner(drift: RunResult['drift']): string {
  if (!drift.warn) return '';
  const text =
    drift.message ??
    `${formatNumber(100 * drift.outsideShare, 3)}% of test values lie outside the range seen in training.`;
  return `<div class="banner" id="drift-warning" role="alert"><strong>Drift warning.</strong> ${escapeHtml(text)}</div>`;
}
