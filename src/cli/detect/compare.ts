import * as fs from 'fs';
import * as path from 'path';
import type { LabelInterval } from '../../evaluate/labels';
import { POINT_ADJUST_WARNING } from '../../evaluate/point-adjust';
import { eventsCsv } from '../../events/csv';
import { compareKinds, runCompare } from '../../pipeline/compare';
import { type CompareSummary, compareSummaries, evaluateCompare } from '../../pipeline/compare-eval';
import { PIPELINE_OPTION_DEFS, type PipelineOptions } from '../../pipeline/options';
import type { ResampledSeries } from '../../pipeline/resample-stage';
import { renderCompareReport } from '../../report/compare';
import { anomaliesCsv } from '../../report/csv';
import { type OptionDef, optionDef } from '../../util/options';
import { stripControl } from '../../util/sanitize';
import { writeOutput } from '../out-dir';
import type { Progress } from '../progress';
import { saveTrainScores } from '../score/rethreshold';

/** The flags choosing detectors: --detector, --components and --compare (for detect and evaluate). */
export const COMPARE_FLAGS: (OptionDef & { flag: string })[] = [
  optionDef(PIPELINE_OPTION_DEFS, 'detector') as OptionDef & { flag: string },
  optionDef(PIPELINE_OPTION_DEFS, 'components') as OptionDef & { flag: string },
  {
    flag: '--compare',
    key: 'compare',
    type: 'string',
    arg: 'A,B,..',
    help: 'run several detectors (lstm,pca,zscore,iforest,dense) on the same split and window: one report',
    group: 'Pipeline',
  },
];

/** The parsed flags this file reads. */
interface ChoiceFlags {
  detector?: string;
  components?: number;
  compare?: string;
}

/**
 * The detector options given by flags (--detector, --components), to merge into the run options.
 *
 * @throws never (parseFlags checked the values).
 * @example
 * detectorOptions({ detector: 'pca', components: 3 }); // { detector: 'pca', components: 3 }
 */
export function detectorOptions(f: object): Partial<PipelineOptions> {
  const g = f as ChoiceFlags;
  return {
    ...(g.detector !== undefined ? { detector: g.detector as PipelineOptions['detector'] } : {}),
    ...(g.components !== undefined ? { components: g.components } : {}),
  };
}

/**
 * The detectors of --compare, checked (at least two, no duplicates, each known), or undefined without the flag.
 *
 * @throws InputError `--compare needs at least two detectors: pca`, `--compare names pca twice`, an unknown one.
 * @example
 * compareFlag({ compare: 'lstm,pca' }); // ['lstm', 'pca']
 */
export function compareFlag(f: object): string[] | undefined {
  const c = (f as ChoiceFlags).compare;
  return c === undefined ? undefined : compareKinds(c);
}

/**
 * One detector's summary as a line of the terminal table.
 *
 * @throws never.
 * @example
 * summaryLine(compareSummaries(c)[0]); // 'pca  2 events  14 of 300 windows (4.7%)  fit 0.1 s  score 0.0 s'
 */
export function summaryLine(s: CompareSummary): string {
  const n = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : '-');
  const ev = s.evaluation;
  const lab = ev
    ? `  overlap F1 ${n(ev.overlap.f1)} (tp ${ev.overlap.tp} fp ${ev.overlap.fp} fn ${ev.overlap.fn})` +
      `  point-wise F1 ${n(ev.pointwise.f1)}  AUC-PR ${n(ev.aucPr)}`
    : '';
  return (
    `${s.kind.padEnd(8)} ${String(s.events).padStart(3)} events  ${s.flagged} of ${s.windows} windows ` +
    `(${(100 * s.flaggedShare).toFixed(1)}%)  fit ${s.fitSeconds.toFixed(1)} s  ` +
    `score ${s.scoreSeconds.toFixed(1)} s${lab}`
  );
}

/** What {@link compareDetect} needs from the detect command. */
export interface CompareContext {
  kinds: string[];
  options: Partial<PipelineOptions>;
  /** The series as `--resample` left it, with the record of what ran (the runs do not resample it again). */
  resampled: ResampledSeries;
  labels?: LabelInterval[];
  /** Add point-adjusted counts to each evaluation (--point-adjust; warns). */
  pointAdjust?: boolean;
  out: string;
  extra: Record<string, unknown>;
  progress: Progress;
}

/**
 * `detect --compare A,B,..`: every detector on the same split and fit; writes report.html (a section per
 * detector on one time axis and the table), compare.json, and per detector `<kind>/` with result.json,
 * events.csv, anomalies.csv and model/ (for `score --model`).
 *
 * @throws InputError for bad options or labels, before anything is written.
 * @example
 * const resampled = withResample(series, flags);
 * await compareDetect({ kinds: ['lstm', 'pca'], options, resampled, out: 'reports/x', extra: {}, progress });
 */
export async function compareDetect(ctx: CompareContext): Promise<CompareSummary[]> {
  const { progress } = ctx;
  const { series } = ctx.resampled;
  progress.info(`compare: ${ctx.kinds.join(', ')} on the same split`);
  const c = await runCompare(ctx.resampled, ctx.kinds, ctx.options);
  try {
    if (ctx.labels) evaluateCompare(c, ctx.labels, undefined, { pointAdjust: ctx.pointAdjust });
    if (ctx.labels && ctx.pointAdjust) process.stderr.write(`warning: ${POINT_ADJUST_WARNING}\n`);
    const summaries = compareSummaries(c);
    await writeOutput(ctx.out, 'detect', async (tmp) => {
      const detectors = c.entries.map((e, i) => ({
        ...summaries[i],
        threshold: e.threshold,
        eventList: e.run.result.events ?? [],
      }));
      const json = { source: c.source, split: c.split, options: c.entries[0].run.result.config, detectors };
      fs.writeFileSync(path.join(tmp, 'compare.json'), JSON.stringify(json, null, 1));
      const entries = c.entries.map((e) => ({
        ...e,
        events: e.run.result.events ?? [],
        evaluation: e.run.result.evaluation,
      }));
      fs.writeFileSync(path.join(tmp, 'report.html'), renderCompareReport({ source: c.source, entries }, series));
      for (const e of c.entries) {
        const dir = path.join(tmp, e.kind);
        fs.mkdirSync(dir);
        fs.writeFileSync(path.join(dir, 'result.json'), JSON.stringify(e.run.result, null, 1));
        fs.writeFileSync(path.join(dir, 'events.csv'), eventsCsv(e.run.result.events ?? []));
        fs.writeFileSync(path.join(dir, 'anomalies.csv'), anomaliesCsv(e.run.result, series));
        await e.run.detector.save(path.join(dir, 'model'), ctx.extra);
        saveTrainScores(path.join(dir, 'model'), e.run.result.trainScores);
      }
    });
    for (const s of summaries) progress.info(summaryLine(s));
    progress.info(`report: ${stripControl(path.join(ctx.out, 'report.html'))}`);
    return summaries;
  } finally {
    for (const e of c.entries) e.run.detector.dispose();
  }
}
