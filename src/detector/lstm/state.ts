import * as fs from 'fs';
import * as path from 'path';
import type { AutoencoderSpec, NamedWeight } from '../../model';
import type { ScalerJson, ThresholdJson } from '../../result';
import { writeDirAtomic } from '../../util/atomic';
import { InputError } from '../../util/errors';
import type { DetectorOptions } from '../options';
import { checkFinite, checkModelJson, checkWeightsBin } from './state-check';

/** The format tag written in model.json. */
export const MODEL_FORMAT = 'lstm-anomaly-model/1';

/** Everything a fitted detector is made of: options, columns, architecture, scaler, threshold and weights. */
export interface DetectorState {
  options: DetectorOptions;
  columns: string[];
  spec: AutoencoderSpec;
  scaler: ScalerJson;
  threshold: ThresholdJson;
  weights: NamedWeight[];
  /** Free-form data saved beside the model (e.g. the data source it was trained on). */
  extra?: Record<string, unknown>;
}

interface ModelJson extends Omit<DetectorState, 'weights'> {
  format: string;
  /** Which detector (registry.ts); absent in models saved before there were several: 'lstm'. */
  kind?: 'lstm';
  weights: { name: string; shape: number[]; offset: number; length: number }[];
}

/**
 * Write a detector's state to a directory: `model.json` (options, architecture, scaler, threshold, weight manifest)
 * and `weights.bin` (float32 little-endian), atomically.
 *
 * @throws Error when the directory cannot be written.
 * @example
 * await writeState(det.toState(), 'reports/run/model');
 */
export async function writeState(state: DetectorState, dir: string): Promise<void> {
  const manifest: ModelJson['weights'] = [];
  let offset = 0;
  for (const w of state.weights) {
    manifest.push({ name: w.name, shape: w.shape, offset, length: w.values.length });
    offset += w.values.length;
  }
  const bin = new Float32Array(offset);
  for (let i = 0; i < state.weights.length; i++) bin.set(state.weights[i].values, manifest[i].offset);
  const { options, columns, spec, scaler, threshold, extra } = state;
  const json: ModelJson = {
    format: MODEL_FORMAT,
    kind: 'lstm',
    options,
    columns,
    spec,
    scaler,
    threshold,
    weights: manifest,
    extra,
  };
  await writeDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, 'model.json'), JSON.stringify(json, null, 2));
    fs.writeFileSync(path.join(tmp, 'weights.bin'), Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength));
  });
}

/**
 * Read a state written by {@link writeState}.
 *
 * @throws InputError when the directory has no model.json / weights.bin, or they do not match.
 * @example
 * const state = readState('reports/run/model');
 */
export function readState(dir: string): DetectorState {
  const jf = path.join(dir, 'model.json');
  const wf = path.join(dir, 'weights.bin');
  if (!fs.existsSync(jf) || !fs.existsSync(wf)) {
    throw new InputError(`${dir}: not a saved model (needs model.json and weights.bin)`);
  }
  let json: ModelJson;
  try {
    json = JSON.parse(fs.readFileSync(jf, 'utf8'));
  } catch {
    throw new InputError(`${jf}: not valid JSON`);
  }
  if (json === null || typeof json !== 'object' || json.format !== MODEL_FORMAT) {
    throw new InputError(`${jf}: unknown model format ${JSON.stringify(json?.format)} (expected ${MODEL_FORMAT})`);
  }
  checkModelJson(json, jf);
  const buf = fs.readFileSync(wf);
  checkWeightsBin(json.weights, buf.byteLength, wf);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  checkFinite(all, wf);
  const weights: NamedWeight[] = json.weights.map((w) => ({
    name: w.name,
    shape: w.shape,
    values: all.slice(w.offset, w.offset + w.length),
  }));
  const { options, columns, spec, scaler, threshold, extra } = json;
  return { options, columns, spec, scaler, threshold, weights, extra };
}
