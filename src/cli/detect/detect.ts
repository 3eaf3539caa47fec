import * as fs from 'fs';
import * as path from 'path';
import { useBackend } from '../../backend/active';
import { dateAt, rowCount } from '../../data/series';
import { detectorName } from '../../detector/registry';
import { eventsCsv } from '../../events/csv';
import { evaluateStage } from '../../pipeline/evaluation';
import { checkRunOptions } from '../../pipeline/resolve';
import { DEFAULT_PIPELINE_OPTIONS, runPipeline } from '../../pipeline/run';
import { stepView } from '../../pipeline/steps-stage';
import { writeAnomaliesCsv } from '../../report/csv';
import { renderReport } from '../../report/html';
import { writeJsonFile } from '../../report/json-file';
import { reportSeries } from '../../report/light-series';
import { thresholdLabel } from '../../threshold/rule';
import { stripControl } from '../../util/sanitize';
import { dataName, loadData } from '../data';
import { eventFlags, withResample } from '../events-flags';
import { DETECT_FLAGS } from '../flags';
import { loadLabels } from '../labels';
import { resolveOut, writeOutput } from '../out-dir';
import { parseFlags } from '../parse';
import { Progress } from '../progress';
import { resolveRunFlags } from '../resolve';
import { saveTrainScores } from '../score/rethreshold';
import { compareDetect, compareFlag } from './compare';
import { eventSummary } from './events-summary';
import { checkInitFromFlag, warmStartWeights } from './init-from';
import { computeLine, engineModel, runWarnings } from './warnings';

/** Today's date as YYYY-MM-DD (local time), for default output names. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/**
 * `lstm-anomaly [detect]`: check --out, load data, run the pipeline, write result.json, anomalies.csv, report.html
 * and model/ (with the marker file) to a new folder.
 *
 * @throws InputError for bad flags, data or --out (checked before any work); nothing is written then.
 * @example
 * await detectCommand(['--csv', 'prices.csv', '--epochs', '5']);
 */
export async function detectCommand(argv: string[]): Promise<void> {
  const f = parseFlags(argv, DETECT_FLAGS);
  const kinds = compareFlag(f);
  const { options, preset } = resolveRunFlags(f);
  // each detector's checks (registry.ts) before any data is read; features from --value-col, else one
  const features = f.valueCol ? f.valueCol.split(',').filter((c) => c.trim() !== '').length : 1;
  for (const kind of kinds ?? [options.detector ?? DEFAULT_PIPELINE_OPTIONS.detector]) {
    checkRunOptions({ ...options, detector: detectorName(kind) }, features);
  }
  const initFrom = checkInitFromFlag(f.initFrom, kinds, options.detector);
  if (initFrom) warmStartWeights(initFrom, options); // kind, window and layers before the data is read
  const name = dataName(f, preset?.data);
  const out = resolveOut(f.out, f.force, path.join('reports', `${name}-${today()}`), f.csv ? [f.csv] : []);
  const progress = new Progress(f.quiet ? 'quiet' : process.stderr.isTTY ? 'bar' : 'lines');
  const loaded = await loadData(f, preset?.data, (m) => progress.info(m));
  // resampled once here (labels and charts read the aggregated rows); the runs below take the record as it is
  const once = withResample(loaded.series, f, (m) => progress.info(m), options.resample);
  const { series } = once;
  const labels = loadLabels(f, series);
  await useBackend(options.backend ?? DEFAULT_PIPELINE_OPTIONS.backend);
  progress.info(
    `data: ${series.source}, ${rowCount(series)} rows, ${dateAt(series, 0)} .. ${dateAt(series, rowCount(series) - 1)} (${series.columns.join(', ')})`,
  );
  const extra = { name, source: series.source, dateCol: f.dateCol, valueCols: series.columns, initFrom };
  if (kinds) {
    await compareDetect({
      kinds,
      options,
      resampled: once,
      labels,
      pointAdjust: eventFlags(f).pointAdjust,
      out,
      extra,
      progress,
    });
    if (f.quiet) process.stdout.write(`${out}\n`);
    return;
  }
  const maxEpochs = options.epochs ?? DEFAULT_PIPELINE_OPTIONS.epochs;
  const initWeights = initFrom ? warmStartWeights(initFrom, options, series.columns.length) : undefined;
  const run = await runPipeline(once, options, {
    onEpoch: (r) => progress.epoch(r, maxEpochs),
    onBatch: (e, b, nb) => progress.batch(e, maxEpochs, b, nb),
    initWeights,
  });
  const { result } = run;
  if (initFrom) result.training.initFrom = initFrom;
  if (labels)
    result.evaluation = evaluateStage(run.stage, labels, undefined, { pointAdjust: eventFlags(f).pointAdjust });
  await writeOutput(out, 'detect', async (tmp) => {
    writeJsonFile(path.join(tmp, 'result.json'), result);
    writeAnomaliesCsv(path.join(tmp, 'anomalies.csv'), result, series);
    fs.writeFileSync(path.join(tmp, 'events.csv'), eventsCsv(result.events ?? []));
    const light = reportSeries(series, result); // the charts draw a thinned copy of a long series
    fs.writeFileSync(
      path.join(tmp, 'report.html'),
      renderReport({ result, series: light, steps: stepView(run.stage) }),
    );
    await run.detector.save(path.join(tmp, 'model'), extra);
    saveTrainScores(path.join(tmp, 'model'), result.trainScores);
  });
  run.detector.dispose();
  const t = result.threshold;
  const flagged = result.test.filter((w) => w.anomaly).length;
  // lstm and aer name the engine's kernels; dense names its tfjs backend; the plain-JavaScript baselines neither
  const kind = String(result.config.detector ?? 'lstm');
  const onEngine = engineModel(kind) !== undefined;
  if (onEngine || result.training.backend)
    progress.info(computeLine(result.training.backend, onEngine ? result.training.engine : '', kind));
  const chose = run.detector.describe?.();
  if (chose) progress.info(chose);
  if (initFrom) progress.info(`warm start: training began from the weights of ${stripControl(initFrom)}`);
  progress.info(
    `trained ${result.training.epochs} epochs (best ${result.training.bestEpoch}) in ${result.training.seconds.toFixed(1)}s, ${Math.round(result.training.seqPerSec)} seq/s`,
  );
  if (!t.rule)
    progress.info(
      `threshold ${thresholdLabel(t)} = ${t.value.toPrecision(4)}; ${flagged} of ${result.test.length} test windows flagged (${((100 * flagged) / Math.max(1, result.test.length)).toFixed(1)}%)`,
    );
  if (result.anomalies.length > 0) {
    const shown = result.anomalies
      .slice(0, 5)
      .map((a) => a.date)
      .join(', ');
    progress.info(
      `anomalies: ${shown}${result.anomalies.length > 5 ? `, ... (${result.anomalies.length} in all)` : ''}`,
    );
  }
  for (const line of eventSummary(result)) progress.info(line);
  progress.info(`report: ${stripControl(path.join(out, 'report.html'))}`);
  if (result.drift.warn) process.stderr.write(`warning: ${result.drift.message}\n`);
  for (const w of runWarnings(result)) process.stderr.write(`warning: ${w}\n`);
  if (f.quiet) process.stdout.write(`${out}\n`);
}
