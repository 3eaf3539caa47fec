import type { Series } from '../data/series';
import { dominantPeriod } from '../detector/pca/period';
import { maxOf } from '../util/extent';
import type { CompareResult } from './compare';
import { type CompareSummary, compareSummaries } from './compare-eval';

/** One row of the comparison table as a notebook or the bench shows it (numbers formatted as printed). */
export type CompareRow = Record<string, string | number>;

const f3 = (v: number | undefined): string => (v === undefined || !Number.isFinite(v) ? '-' : v.toFixed(3));

/**
 * The comparison table: detector, events, flagged share, fit and score seconds; with labels also
 * overlap-segment F1 with tp/fp/fn, point-wise F1 and AUC-PR (3 decimals, '-' where undefined).
 *
 * @throws never.
 * @example
 * showTable(compareRows(compareSummaries(c)));
 */
export function compareRows(summaries: CompareSummary[]): CompareRow[] {
  return summaries.map((s) => {
    const ev = s.evaluation;
    return {
      detector: s.kind,
      events: s.events,
      'flagged share': `${(100 * s.flaggedShare).toFixed(1)}%`,
      'fit s': s.fitSeconds.toFixed(2),
      'score s': s.scoreSeconds.toFixed(2),
      ...(ev
        ? {
            'overlap F1': f3(ev.overlap.f1),
            tp: ev.overlap.tp,
            fp: ev.overlap.fp,
            fn: ev.overlap.fn,
            'point-wise F1': f3(ev.pointwise.f1),
            'AUC-PR': f3(ev.aucPr),
          }
        : {}),
    };
  });
}

/** Overlap F1 of a summary, -1 when undefined (so it ranks last), AUC-PR to break ties. */
function rank(s: CompareSummary): [number, number] {
  const f = s.evaluation?.overlap.f1;
  const a = s.evaluation?.aucPr;
  return [f !== undefined && Number.isFinite(f) ? f : -1, a !== undefined && Number.isFinite(a) ? a : -1];
}

const WHY: Record<string, string> = {
  pca:
    'the windows have a linear structure: a few principal components of the training windows reconstruct ' +
    'them as well as the LSTM does',
  zscore: 'the anomalies are jumps in level a rolling mean and standard deviation already see',
  iforest: 'the anomalous windows are few and unlike the others, which is what isolation picks out',
  dense:
    'a dense autoencoder on the flattened windows reconstructs them as well as the LSTM does: their order in ' +
    'time inside the window adds nothing the dense layers miss',
};

/**
 * The honest conclusion of a labeled comparison, one paragraph written from the numbers: which detector has the
 * best overlap-segment F1 (ties broken by AUC-PR) against the LSTM's, and when a baseline wins, why it may
 * (its strength; the series' dominant period when the window covers it; the LSTM's parameters against the
 * training windows it had).
 *
 * @throws Error when the comparison has no evaluation (run evaluateCompare first) or no LSTM.
 * @example
 * showMarkdown(compareVerdict(c, 'the machine temperature'));
 */
export function compareVerdict(c: CompareResult, name: string, series?: Series): string {
  const all = compareSummaries(c);
  const lstm = all.find((s) => s.kind === 'lstm');
  if (!lstm || !all.every((s) => s.evaluation)) throw new Error('compareVerdict needs an evaluated run with lstm');
  const o = (s: CompareSummary): string => {
    const k = s.evaluation!.overlap;
    return `${s.kind}: ${f3(k.f1)} (tp ${k.tp}, fp ${k.fp}, fn ${k.fn})`;
  };
  const top = maxOf(all.map((s) => rank(s)[0]));
  const best = all.filter((s) => rank(s)[0] === top);
  const others = all.filter((s) => s.kind !== 'lstm').sort((a, b) => rank(b)[0] - rank(a)[0]);
  const auc = (list: CompareSummary[]): string => list.map((s) => `${s.kind} ${f3(rank(s)[1])}`).join(', ');
  if (best.includes(lstm) && best.length === 1) {
    return (
      `On ${name}, the best overlap-segment F1 is the LSTM's, ${o(lstm)}, against the best baseline's, ` +
      `${o(others[0])}. The LSTM earns its keep here, for ${lstm.fitSeconds.toFixed(2)} s of fitting against ` +
      `${others[0].fitSeconds.toFixed(2)} s.`
    );
  }
  if (best.includes(lstm)) {
    const rest = best.filter((s) => s !== lstm);
    return (
      `On ${name}, the LSTM shares the best overlap-segment F1 with ${rest.map((s) => s.kind).join(' and ')}: ` +
      `${best.map(o).join('; ')}. Threshold-free, the AUC-PR is ${auc(best)}; the baseline fits in ` +
      `${rest[0].fitSeconds.toFixed(2)} s, the LSTM in ${lstm.fitSeconds.toFixed(2)} s. A hypothesis for why ${rest[0].kind} can ` +
      `match it, not tested by this run: ${reasons(c, rest[0].kind, series).join('; ')}.`
    );
  }
  const winner = best.sort((a, b) => rank(b)[1] - rank(a)[1])[0];
  return (
    `On ${name}, the best overlap-segment F1 is ${winner.kind}'s, ${o(winner)}; the LSTM has ${o(lstm)}. ` +
    `${winner.kind} beats the LSTM on this series. A hypothesis for why, not tested by this run: ${reasons(c, winner.kind, series).join('; ')}.`
  );
}

/** Why a baseline may do as well as the LSTM: its strength, a period the window covers, data per parameter. */
function reasons(c: CompareResult, kind: string, series?: Series): string[] {
  const lstmRun = c.entries.find((e) => e.kind === 'lstm')!.run.result;
  const out = [WHY[kind] ?? `${kind} fits this series`];
  const window = Number(lstmRun.config.window);
  const values = series ? series.values.map((r) => r[0]) : undefined;
  const period = values ? dominantPeriod(values, { min: 3, max: Math.max(3, Math.min(300, 2 * window)) }) : null;
  if (period !== null && period <= window)
    out.push(
      `the series' dominant period (${period} steps) fits inside ` +
        `the ${window}-step window, so one window holds a whole cycle`,
    );
  out.push(
    `${lstmRun.trainScores.length.toLocaleString('en-US')} training windows are little data for the LSTM's ` +
      `${lstmRun.training.parameters.toLocaleString('en-US')} parameters`,
  );
  return out;
}

/**
 * One sentence over several labeled comparisons: on how many series the LSTM has the best overlap F1, and
 * which baseline wins where it does not.
 *
 * @throws Error when a comparison has no evaluation or no LSTM.
 * @example
 * showMarkdown(compareOverall([{ name: 'NAB machine temperature', c: nab }, { name: 'the S&P 500', c: sp }]));
 */
export function compareOverall(runs: Array<{ name: string; c: CompareResult }>): string {
  const alone: string[] = [];
  const shared: string[] = [];
  const lost: string[] = [];
  for (const { name, c } of runs) {
    const all = compareSummaries(c);
    const lstm = all.find((s) => s.kind === 'lstm');
    if (!lstm || !all.every((s) => s.evaluation)) throw new Error('compareOverall needs evaluated runs with lstm');
    const f = rank(lstm)[0];
    const better = all.filter((s) => rank(s)[0] > f).sort((a, b) => rank(b)[0] - rank(a)[0]);
    const tied = all.filter((s) => s !== lstm && rank(s)[0] === f);
    if (better.length > 0) {
      lost.push(`${name} (${better.map((s) => `${s.kind} ${f3(rank(s)[0])}`).join(', ')} against the LSTM's ${f3(f)})`);
    } else if (tied.length > 0) shared.push(`${name} (with ${tied.map((s) => s.kind).join(' and ')}, ${f3(f)})`);
    else alone.push(`${name} (${f3(f)})`);
  }
  const parts = [
    `The LSTM has the best overlap-segment F1 alone on ${alone.length} of ${runs.length} series` +
      `${alone.length ? ` (${alone.join(', ')})` : ''}`,
  ];
  if (shared.length) parts.push(`it shares it on ${shared.join('; ')}`);
  if (lost.length) parts.push(`a cheaper detector beats it on ${lost.join('; ')}`);
  const end =
    alone.length === runs.length
      ? 'Here it earns its keep.'
      : 'Where a baseline does as well, it does so in a fraction of the time: try the baselines before an LSTM.';
  return `${parts.join('; ')}. ${end}`;
}
