import * as fs from 'fs';
import * as path from 'path';
import type { Series } from '../data/series';
import { LstmAutoencoderDetector } from '../detector/lstm/detector';
import { transformLag } from '../transform/transforms';
import { InputError } from '../util/errors';

/** When `watch` refits: after this many new rows, or after this much time of the feed's dates (ms). */
export type RefitEvery = { rows: number } | { ms: number; label: string };

const UNITS: Record<string, number> = { min: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * Parse `--refit-every`: a row count (`500`) or a span of the feed's dates (`7d`, `12h`, `30min`).
 *
 * @throws InputError `--refit-every: ...` (one line).
 * @example
 * parseRefitEvery('7d'); // { ms: 604800000, label: '7d' }
 */
export function parseRefitEvery(s: string): RefitEvery {
  const m = /^(\d+)(min|h|d)?$/.exec(s.trim());
  const n = m ? Number(m[1]) : Number.NaN;
  if (!m || !(n >= 1)) {
    throw new InputError(`--refit-every: invalid ${JSON.stringify(s)} (a row count such as 500, or 7d, 12h, 30min)`);
  }
  return m[2] ? { ms: n * UNITS[m[2]], label: s.trim() } : { rows: n };
}

/**
 * Check `--refit-window ROWS` against a model: the refit trains on that many recent rows, so it needs at least the
 * model's window (plus its transform's lag) and one more row for a second window.
 *
 * @throws InputError `--refit-window N: shorter than ...`.
 * @example
 * checkRefitWindow(500, detector);
 */
export function checkRefitWindow(rows: number, det: LstmAutoencoderDetector): void {
  const need = det.options.window + transformLag(det.options.transform) + 1;
  if (!(Number.isInteger(rows) && rows >= need)) {
    throw new InputError(
      `--refit-window ${rows}: shorter than the model's window (${det.options.window} rows, ${need} with the transform's lag and a second window)`,
    );
  }
}

/**
 * Split `--model DIR@N` into the base model folder and its version (0 for DIR itself). Version N lives in the
 * sibling folder `DIR@N`, written by a refit.
 *
 * @example
 * modelVersion('run/model@3'); // { base: 'run/model', version: 3 }
 */
export function modelVersion(dir: string): { base: string; version: number } {
  const m = /^(.*)@(\d+)$/.exec(dir);
  return m ? { base: m[1], version: Number(m[2]) } : { base: dir, version: 0 };
}

/**
 * The next free version folder of a base model: `DIR@K` with K one above the highest there (complete or not).
 *
 * @example
 * nextVersionDir('run/model'); // 'run/model@1' when no refit wrote one yet
 */
export function nextVersionDir(base: string): { dir: string; version: number } {
  const parent = path.dirname(base);
  const name = path.basename(base);
  let top = 0;
  for (const e of fs.existsSync(parent) ? fs.readdirSync(parent) : []) {
    const m = /^(.*)@(\d+)$/.exec(e);
    if (m && m[1] === name) top = Math.max(top, Number(m[2]));
  }
  return { dir: `${base}@${top + 1}`, version: top + 1 };
}

/**
 * A refitted copy of a detector: the same options, trained `epochs` epochs on `recent` rows starting from the
 * current weights (a warm start), with the scaler and the threshold fitted again on those rows.
 *
 * @throws InputError for too few rows or a constant window of data.
 * @example
 * const next = await refitDetector(detector, recentRows, 5);
 */
export async function refitDetector(
  current: LstmAutoencoderDetector,
  recent: Series,
  epochs: number,
): Promise<LstmAutoencoderDetector> {
  const next = new LstmAutoencoderDetector({ ...current.options, epochs });
  await next.fit(recent, { initWeights: current.fitted().model.getWeights() });
  return next;
}
