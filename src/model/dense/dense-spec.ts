import { InputError, invalid } from '../../util/errors';

/**
 * A dense (feed-forward) autoencoder for tabular rows: `inputs` -> hidden layers -> `inputs`, e.g.
 * `hidden: [10, 3, 10]` for 2 -> 10 -> 3 -> 10 -> 2. Hidden layers use `activation`, the output is linear.
 */
export interface DenseAutoencoderSpec {
  /** Values per row (features). */
  inputs: number;
  /** Hidden layer sizes, input side first; the smallest is the bottleneck. Default [10, 3, 10]. */
  hidden?: number[];
  /** Hidden activation. Default 'relu'. */
  activation?: 'relu' | 'tanh';
  /** Training loss. Default 'mae'. */
  loss?: 'mae' | 'mse';
  /** Adam learning rate. Default 0.01. */
  learningRate?: number;
  /** Seed for the weights and the row order. Default 42. */
  seed?: number;
}

/** One weight of a dense autoencoder as plain JSON: `dense_<i>/kernel` ([in, units]) or `dense_<i>/bias`. */
export interface DenseWeightJson {
  name: string;
  shape: number[];
  values: number[];
}

/** A dense autoencoder as plain JSON: its spec and every weight (float32 values, exact through JSON). */
export interface DenseAutoencoderJson {
  spec: Required<DenseAutoencoderSpec>;
  weights: DenseWeightJson[];
}

/**
 * Fill the defaults of a spec and check every field.
 *
 * @throws InputError `invalid inputs|hidden layers|activation|loss|learning rate|seed: <v>`.
 * @example
 * resolveDenseSpec({ inputs: 2 }).hidden; // [10, 3, 10]
 */
export function resolveDenseSpec(spec: DenseAutoencoderSpec): Required<DenseAutoencoderSpec> {
  const s: Required<DenseAutoencoderSpec> = {
    hidden: [10, 3, 10],
    activation: 'relu',
    loss: 'mae',
    learningRate: 0.01,
    seed: 42,
    ...spec,
  };
  if (!Number.isInteger(s.inputs) || s.inputs < 1) throw invalid('inputs', s.inputs, 'an integer >= 1');
  if (!Array.isArray(s.hidden) || s.hidden.length === 0 || s.hidden.some((u) => !Number.isInteger(u) || u < 1))
    throw invalid('hidden layers', Array.isArray(s.hidden) ? s.hidden.join(',') : s.hidden, 'positive integers');
  if (s.activation !== 'relu' && s.activation !== 'tanh') throw invalid('activation', s.activation, 'relu or tanh');
  if (s.loss !== 'mae' && s.loss !== 'mse') throw invalid('loss', s.loss, 'mae or mse');
  if (!(s.learningRate > 0)) throw invalid('learning rate', s.learningRate, '> 0');
  if (!Number.isInteger(s.seed)) throw invalid('seed', s.seed, 'an integer');
  return { ...s, hidden: [...s.hidden] };
}

/**
 * The weights a spec needs, in the model's order: per layer its kernel [in, units], then its bias [units].
 *
 * @throws Nothing.
 * @example
 * denseWeightShapes(resolveDenseSpec({ inputs: 2, hidden: [3] })); // dense_0/kernel [2,3], dense_0/bias [3], dense_1/...
 */
export function denseWeightShapes(spec: Required<DenseAutoencoderSpec>): { name: string; shape: number[] }[] {
  let input = spec.inputs;
  return [...spec.hidden, spec.inputs].flatMap((units, i) => {
    const w = [
      { name: `dense_${i}/kernel`, shape: [input, units] },
      { name: `dense_${i}/bias`, shape: [units] },
    ];
    input = units;
    return w;
  });
}

/**
 * Check a parsed {@link DenseAutoencoderJson}: a valid spec, and exactly the weights it needs (names, shapes,
 * one finite number per value).
 *
 * @throws InputError `invalid dense model: <what>` (one line).
 * @example
 * const spec = checkDenseJson(JSON.parse(text));
 */
export function checkDenseJson(json: unknown): Required<DenseAutoencoderSpec> {
  const bad = (what: string): never => {
    throw new InputError(`invalid dense model: ${what}`);
  };
  const j = json as Partial<DenseAutoencoderJson> | null;
  if (typeof j !== 'object' || j === null || typeof j.spec !== 'object' || j.spec === null) bad('no spec');
  let spec: Required<DenseAutoencoderSpec>;
  try {
    spec = resolveDenseSpec(j!.spec as DenseAutoencoderSpec);
  } catch (e) {
    return bad(`spec: ${(e as Error).message}`);
  }
  const want = denseWeightShapes(spec);
  const got = j!.weights;
  if (!Array.isArray(got) || got.length !== want.length) {
    bad(`${Array.isArray(got) ? got.length : 'no'} weights, the spec needs ${want.length}`);
  }
  want.forEach((w, i) => {
    const g = (got as DenseWeightJson[])[i];
    const show = JSON.stringify;
    if (g?.name !== w.name) bad(`weights[${i}]: name ${show(g?.name)}, the spec needs ${w.name}`);
    if (show(g.shape) !== show(w.shape))
      bad(`weight ${w.name}: shape ${show(g.shape)}, the spec needs ${show(w.shape)}`);
    const size = w.shape.reduce((a, b) => a * b, 1);
    if (!Array.isArray(g.values) || g.values.length !== size) bad(`weight ${w.name}: needs ${size} values`);
    const k = g.values.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
    if (k >= 0) bad(`weight ${w.name}: value ${k} is ${show(g.values[k])}, not a finite number`);
  });
  return spec;
}
