import type { AutoencoderSpec } from '../../model';
import { weightShapes } from '../../model';
import { RULE_NAMES, type RuleName, ruleEntry } from '../../threshold/rules';
import { LOSSES, TRANSFORMS } from '../../util/choices';
import { InputError } from '../../util/errors';

/** One entry of model.json's weight manifest. */
export interface ManifestEntry {
  name: string;
  shape: number[];
  offset: number;
  length: number;
}

const SCALERS: Record<string, [string, string]> = { standard: ['mean', 'std'], minmax: ['min', 'max'] };

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isPosInt = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1;
const has = (o: object, k: unknown): boolean => typeof k === 'string' && Object.hasOwn(o, k);
const isNumArray = (v: unknown, n: number): boolean => Array.isArray(v) && v.length === n && v.every(isNum);

/**
 * Check every field of a parsed model.json (format tag checked by the caller): options, columns, spec, scaler,
 * threshold and the weight manifest, and that they agree with each other.
 *
 * @throws InputError `<file>: <what is wrong>` (one line).
 * @example
 * checkModelJson(JSON.parse(text), 'run/model/model.json');
 */
export function checkModelJson(j: unknown, file: string): void {
  const bad = (what: string): never => {
    throw new InputError(`${file}: ${what}`);
  };
  if (!isObj(j)) bad('not a JSON object');
  const m = j as Record<string, unknown>;
  for (const k of ['options', 'spec', 'scaler', 'threshold']) {
    if (!isObj(m[k])) bad(`missing or invalid "${k}" (an object)`);
  }
  const cols = m.columns;
  if (!Array.isArray(cols) || cols.length === 0 || !cols.every((c) => typeof c === 'string')) {
    bad('missing or invalid "columns" (names of the value columns)');
  }
  const n = (cols as string[]).length;
  const spec = m.spec as Record<string, unknown>;
  const opts = m.options as Record<string, unknown>;
  const show = JSON.stringify;
  if (!isPosInt(spec.window) || (spec.window as number) < 2) bad(`invalid spec.window: ${show(spec.window)}`);
  if (!isPosInt(spec.features)) bad(`invalid spec.features: ${show(spec.features)}`);
  const enc = spec.encoder;
  if (!Array.isArray(enc) || enc.length === 0 || !enc.every(isPosInt)) bad(`invalid spec.encoder: ${show(enc)}`);
  if (spec.features !== n) bad(`spec.features ${spec.features} differs from the ${n} columns`);
  if (opts.window !== spec.window) bad(`options.window ${show(opts.window)} differs from spec.window ${spec.window}`);
  if (show(opts.encoder) !== show(enc)) {
    bad(`options.encoder ${show(opts.encoder)} differs from spec.encoder ${show(enc)}`);
  }
  const choices: [string, readonly string[]][] = [
    ['transform', TRANSFORMS],
    ['scaler', Object.keys(SCALERS)],
    ['loss', LOSSES],
  ];
  for (const [k, allowed] of choices) {
    if (!allowed.includes(opts[k] as string)) bad(`options.${k}: unknown ${show(opts[k])} (${allowed.join(', ')})`);
  }
  const sc = m.scaler as Record<string, unknown>;
  if (!has(SCALERS, sc.kind)) bad(`unknown scaler kind ${show(sc.kind)} (standard or minmax)`);
  for (const f of SCALERS[sc.kind as string]) if (!isNumArray(sc[f], n)) bad(`scaler.${f}: needs ${n} numbers`);
  const th = m.threshold as Record<string, unknown>;
  if (!RULE_NAMES.includes(th.method as RuleName)) {
    bad(`unknown threshold method ${show(th.method)} (${RULE_NAMES.join(', ')})`);
  }
  const { kind, param } = ruleEntry(th.method as RuleName);
  // a step rule has no single value (null in JSON): its thresholds come per step from the scored span
  if (kind === 'window' ? !isNum(th.value) : th.value !== null)
    bad(`threshold.value: ${show(th.value)} is not a number`);
  if (param && !isNum(th[param])) bad(`threshold.${param}: ${show(th[param])} is not a number`);
  checkManifest(m.weights, spec as unknown as AutoencoderSpec, bad);
}

function checkManifest(w: unknown, spec: AutoencoderSpec, bad: (what: string) => never): void {
  if (!Array.isArray(w)) bad('missing or invalid "weights" (the weight manifest)');
  const want = weightShapes(spec);
  const list = w as unknown[];
  if (list.length !== want.length) bad(`weights: ${list.length} entries, the spec needs ${want.length}`);
  list.forEach((e, i) => {
    if (!isObj(e)) bad(`weights[${i}]: not an object`);
    const x = e as Record<string, unknown>;
    const shape = x.shape;
    if (x.name !== want[i].name) bad(`weights[${i}]: name ${JSON.stringify(x.name)}, the spec needs ${want[i].name}`);
    if (JSON.stringify(shape) !== JSON.stringify(want[i].shape)) {
      bad(`weight ${want[i].name}: shape ${JSON.stringify(shape)}, the spec needs ${JSON.stringify(want[i].shape)}`);
    }
    const size = want[i].shape.reduce((a, b) => a * b, 1);
    if (x.length !== size || !Number.isInteger(x.offset) || (x.offset as number) < 0) {
      const at = `offset ${JSON.stringify(x.offset)}, length ${JSON.stringify(x.length)}`;
      bad(`weight ${want[i].name}: ${at} (needs a length of ${size})`);
    }
  });
}

/**
 * Check weights.bin against the manifest: its byte length is exactly 4 bytes per listed value and every value is
 * finite.
 *
 * @throws InputError `<file>: <expected> bytes expected, <actual> found` or a non-finite value.
 * @example
 * checkWeightsBin(manifest, new Float32Array(buf.buffer), buf.byteLength, 'run/model/weights.bin');
 */
export function checkWeightsBin(manifest: ManifestEntry[], bytes: number, file: string): void {
  const values = manifest.reduce((a, w) => Math.max(a, w.offset + w.length), 0);
  if (bytes !== 4 * values) {
    const want = `${4 * values} bytes expected by model.json's manifest (${values} float32 values)`;
    throw new InputError(`${file}: ${want}, ${bytes} found`);
  }
}

/**
 * Check that weight values are finite (a corrupted file gives NaN or Infinity).
 *
 * @throws InputError naming the file and the first bad value's index.
 * @example
 * checkFinite(new Float32Array([1, 2]), 'weights.bin');
 */
export function checkFinite(all: Float32Array, file: string): void {
  for (let i = 0; i < all.length; i++) {
    if (!Number.isFinite(all[i])) throw new InputError(`${file}: value ${i} is ${all[i]} (a corrupted file?)`);
  }
}
