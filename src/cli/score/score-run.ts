import * as fs from 'fs';
import { dateAt, rowCount, type Series } from '../../data/series';
import type { Detector, ScoreResult } from '../../detector/contract';
import { LstmAutoencoderDetector } from '../../detector/lstm/detector';
import { parameterCount } from '../../model';
import type { RunResult } from '../../result';
import { DRIFT_LEVEL } from '../../transform/drift';
import { VERSION } from '../../version';
import type { CliFlags } from '../parse';

/** The first line of a CSV file split into trimmed, unquoted column names ([] when unreadable). */
function csvHeader(file: string): string[] {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const buf = Buffer.alloc(65536);
    const n = fs.readSync(fd, buf, 0, buf.length, 0);
    const line = buf
      .subarray(0, n)
      .toString('utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0];
    return line.split(',').map((c) => c.trim().replace(/^"(.*)"$/, '$1'));
  } catch {
    return [];
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/**
 * The data flags of a score run with the model's columns as defaults: its value columns (and date column) when
 * the CSV has them and the user named none.
 *
 * @throws Nothing.
 * @example
 * loadData(withModelColumns(f, detector));
 */
export function withModelColumns(f: CliFlags, det: Detector): CliFlags {
  if (!f.csv) return f;
  const header = csvHeader(f.csv);
  const out = { ...f };
  if (out.valueCol === undefined && det.columns.length > 0 && det.columns.every((c) => header.includes(c))) {
    out.valueCol = det.columns.join(',');
  }
  const dateCol = det.extra?.dateCol;
  if (out.dateCol === undefined && typeof dateCol === 'string' && header.includes(dateCol)) out.dateCol = dateCol;
  return out;
}

/**
 * A {@link RunResult}-shaped record of a score run, for `renderReport`: every scored window is a "test" window
 * (the split line sits at the first date), there is no training (epochs 0, no training errors) and drift is not
 * measured (the model keeps no training range).
 *
 * @throws Nothing.
 * @example
 * renderReport({ result: scoreRunResult(det, series, scores, 'run/model'), series });
 */
export function scoreRunResult(det: Detector, series: Series, s: ScoreResult, model: string): RunResult {
  const n = rowCount(series);
  const lstm = det instanceof LstmAutoencoderDetector ? det : undefined;
  return {
    config: { command: 'score', model, ...det.options },
    data: {
      source: series.source,
      rows: n,
      start: dateAt(series, 0),
      end: dateAt(series, n - 1),
      columns: series.columns,
    },
    split: { trainRows: 0, testRows: n, trainEnd: dateAt(series, 0) },
    scaler: det.fitted().scaler.toJSON(),
    training: {
      backend: lstm?.backend ?? '',
      engine: lstm?.engine ?? det.kind,
      epochs: 0,
      bestEpoch: 0,
      history: [],
      seqPerSec: 0,
      seconds: 0,
      parameters: lstm ? parameterCount(lstm.spec) : 0,
    },
    threshold: det.fitted().threshold.toJSON(),
    drift: { outsideShare: 0, warn: false, level: DRIFT_LEVEL, measured: false },
    trainScores: [],
    test: s.windows,
    anomalies: s.anomalies,
    version: VERSION,
  };
}
