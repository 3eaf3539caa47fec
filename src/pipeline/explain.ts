import { meanStd } from '../threshold/percentile';
import type { ThresholdJson } from '../threshold/rule';

const int = (v: number): string => v.toLocaleString('en-US');
const num = (v: number): string => String(Number(v.toPrecision(4)));

function ordinal(q: number): string {
  const t = String(q);
  if (!Number.isInteger(q)) return `${t}th`;
  const m100 = q % 100;
  const m10 = q % 10;
  return t + (m100 >= 11 && m100 <= 13 ? 'th' : m10 === 1 ? 'st' : m10 === 2 ? 'nd' : m10 === 3 ? 'rd' : 'th');
}

/**
 * One sentence, with its numbers, saying how a window-MAE threshold was derived from the training-window MAEs.
 *
 * @throws never.
 * @example
 * explainWindowThreshold({ method: 'percentile', percentile: 95, value: 3.85 }, [1, 2, 3, 4]);
 * // '95th percentile of the 4 training-window MAEs (linear interpolation) = 3.85'
 */
export function explainWindowThreshold(t: ThresholdJson, trainMae: ArrayLike<number>): string {
  const n = `${int(trainMae.length)} training-window MAE${trainMae.length === 1 ? '' : 's'}`;
  if (t.method === 'percentile') {
    return `${ordinal(t.percentile!)} percentile of the ${n} (linear interpolation) = ${num(t.value)}`;
  }
  if (t.method === 'sigma') {
    const { mean, std } = trainMae.length ? meanStd(trainMae) : { mean: NaN, std: NaN };
    return `mean ${num(mean)} + ${t.k}σ (σ ${num(std)}, population) of the ${n} = ${num(t.value)}`;
  }
  return `fixed value ${num(t.value)} given by --threshold, not derived from the ${n}`;
}
