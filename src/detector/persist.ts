import * as fs from 'fs';
import * as path from 'path';
import { selectBackend } from '../backend/select';
import type { NamedWeight } from '../model';
import { createAutoencoder } from '../model';
import { resolveSpec } from '../model';
import type { ScalerJson, ThresholdJson } from '../result';
import { Threshold } from '../threshold/rule';
import { Scaler } from '../transform/scaler';
import { writeDirAtomic } from '../util/atomic';
import { InputError } from '../util/errors';
import { LstmAutoencoderDetector } from './detector';
import type { DetectorOptions } from './options';

/** The format tag written in model.json. */
export const MODEL_FORMAT = 'lstm-anomaly-model/1';

interface ModelJson {
  format: string;
  options: DetectorOptions;
  columns: string[];
  spec: ReturnType<typeof resolveSpec>;
  scaler: ScalerJson;
  threshold: ThresholdJson;
  weights: { name: string; shape: number[]; offset: number; length: number }[];
  extra?: Record<string, unknown>;
}

/**
 * Save a fitted detector to a directory: `model.json` (options, architecture, transform, scaler, threshold,
 * weight manifest) and `weights.bin` (float32 little-endian), written atomically.
 *
 * @throws Error when the detector is not fitted.
 * @example
 * await saveDetector(det, 'reports/run/model');
 */
export async function saveDetector(det: LstmAutoencoderDetector, dir: string, extra?: Record<string, unknown>): Promise<void> {
  const { scaler, model, threshold } = det.ready();
  const weights = model.getWeights();
  const manifest: ModelJson['weights'] = [];
  let offset = 0;
  for (const w of weights) {
    manifest.push({ name: w.name, shape: w.shape, offset, length: w.values.length });
    offset += w.values.length;
  }
  const bin = new Float32Array(offset);
  for (let i = 0; i < weights.length; i++) bin.set(weights[i].values, manifest[i].offset);
  const json: ModelJson = { format: MODEL_FORMAT, options: det.options, columns: det.columns, spec: model.spec, scaler: scaler.toJSON(), threshold: threshold.toJSON(), weights: manifest, extra };
  await writeDirAtomic(dir, (tmp) => {
    fs.writeFileSync(path.join(tmp, 'model.json'), JSON.stringify(json, null, 2));
    fs.writeFileSync(path.join(tmp, 'weights.bin'), Buffer.from(bin.buffer, bin.byteOffset, bin.byteLength));
  });
}

/**
 * Load a detector saved by {@link saveDetector}; it scores exactly as it did when saved (same backend).
 *
 * @throws InputError when the directory has no model.json / weights.bin, or they do not match.
 * @example
 * const det = await loadDetector('reports/run/model');
 */
export async function loadDetector(dir: string, opts: { backend?: DetectorOptions['backend'] } = {}): Promise<{ detector: LstmAutoencoderDetector; extra?: Record<string, unknown> }> {
  const jf = path.join(dir, 'model.json');
  const wf = path.join(dir, 'weights.bin');
  if (!fs.existsSync(jf) || !fs.existsSync(wf)) throw new InputError(`${dir}: not a saved model (needs model.json and weights.bin)`);
  let json: ModelJson;
  try {
    json = JSON.parse(fs.readFileSync(jf, 'utf8'));
  } catch {
    throw new InputError(`${jf}: not valid JSON`);
  }
  if (json.format !== MODEL_FORMAT) throw new InputError(`${jf}: unknown model format ${JSON.stringify(json.format)} (expected ${MODEL_FORMAT})`);
  const buf = fs.readFileSync(wf);
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  const weights: NamedWeight[] = json.weights.map((w) => {
    if (w.offset + w.length > all.length) throw new InputError(`${wf}: too short for weight ${w.name}`);
    return { name: w.name, shape: w.shape, values: all.slice(w.offset, w.offset + w.length) };
  });
  const det = new LstmAutoencoderDetector({ ...json.options, ...(opts.backend ? { backend: opts.backend } : {}) });
  await selectBackend(det.options.backend);
  const model = await createAutoencoder(resolveSpec(json.spec));
  model.setWeights(weights);
  det.model = model;
  det.scaler = Scaler.fromJSON(json.scaler);
  det.threshold = Threshold.fromJSON(json.threshold);
  det.columns = json.columns;
  return { detector: det, extra: json.extra };
}
