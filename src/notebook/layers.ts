import type { LayerRow } from '../model';
import { type AutoencoderSpec, lstmParameters, lstmSizes, parameterCount } from '../model';

/**
 * The layers of an LSTM autoencoder as Keras' `summary()` lists them, with output shapes and parameter counts:
 * for the Colab model (`encoder: [128]`, window 30, one feature) 66,560 + 131,584 + 129 = 198,273.
 * The rows add up to `parameterCount(spec)`.
 *
 * @example
 * layerTable(resolveSpec()).map((r) => r.params); // [66560, 0, 0, 131584, 0, 129]
 */
export function layerTable(spec: AutoencoderSpec): LayerRow[] {
  const rows: LayerRow[] = [];
  const names = new Map<string, number>();
  const name = (base: string, kind: string): string => {
    const k = names.get(base) ?? 0;
    names.set(base, k + 1);
    return `${k === 0 ? base : `${base}_${k}`} (${kind})`;
  };
  const { window: w, features: f, encoder } = spec;
  let input = f;
  encoder.forEach((u, i) => {
    const seq = i < encoder.length - 1;
    rows.push({
      layer: name('lstm', 'LSTM'),
      output: seq ? `(None, ${w}, ${u})` : `(None, ${u})`,
      params: lstmParameters(u, input),
    });
    input = u;
  });
  rows.push({ layer: name('dropout', 'Dropout'), output: `(None, ${input})`, params: 0 });
  rows.push({ layer: name('repeat_vector', 'RepeatVector'), output: `(None, ${w}, ${input})`, params: 0 });
  for (const u of lstmSizes(spec).slice(encoder.length)) {
    rows.push({ layer: name('lstm', 'LSTM'), output: `(None, ${w}, ${u})`, params: lstmParameters(u, input) });
    input = u;
  }
  rows.push({ layer: name('dropout', 'Dropout'), output: `(None, ${w}, ${input})`, params: 0 });
  rows.push({
    layer: name('time_distributed', 'TimeDistributed'),
    output: `(None, ${w}, ${f})`,
    params: input * f + f,
  });
  const total = rows.reduce((a, r) => a + r.params, 0);
  if (total !== parameterCount(spec))
    throw new Error(`layer table adds up to ${total}, parameterCount says ${parameterCount(spec)}`);
  return rows;
}
