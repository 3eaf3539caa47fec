import { InputError } from '../util/errors';
import type { LabelInterval } from './labels';

/**
 * Labeled intervals from a label column of the data: runs of rows whose cell equals `anomalyValue` (the column
 * then holds that value and at most one other, e.g. `Good`/`Bad`), or, without `anomalyValue`, runs of `1` in a
 * column of `0`/`1`. Each run spans the dates of its first and last row.
 *
 * @throws InputError `label column <col>: ...` naming the unexpected values and the first row holding one.
 * @example
 * labelColumnIntervals(['d0', 'd1', 'd2'], ['Good', 'Bad', 'Bad'], 'Quality', 'Bad'); // [{ start: 'd1', end: 'd2' }]
 */
export function labelColumnIntervals(
  dates: string[],
  cells: string[],
  column: string,
  anomalyValue?: string,
): LabelInterval[] {
  const values = cells.map((c) => c.trim());
  let anomalous: boolean[];
  if (anomalyValue === undefined) {
    const bad = values.findIndex((v) => v !== '0' && v !== '1');
    if (bad >= 0) {
      const shown = JSON.stringify(values[bad]);
      throw new InputError(
        `label column ${column}: value ${shown} on data row ${bad + 1} is not 0 or 1 ` +
          '(give the anomaly value with --anomaly-value)',
      );
    }
    anomalous = values.map((v) => v === '1');
  } else {
    const others = [...new Set(values.filter((v) => v !== anomalyValue))];
    if (others.length > 1) {
      const row = values.findIndex((v) => v !== anomalyValue && v !== others[0]);
      const shown = others
        .slice(0, 5)
        .map((v) => JSON.stringify(v))
        .join(', ');
      throw new InputError(
        `label column ${column}: values ${shown} besides the anomaly value ` +
          `${JSON.stringify(anomalyValue)} (expected one normal value; first other on data row ${row + 1})`,
      );
    }
    anomalous = values.map((v) => v === anomalyValue);
  }
  const out: LabelInterval[] = [];
  for (let i = 0; i < anomalous.length; i++) {
    if (!anomalous[i]) continue;
    let j = i;
    while (j + 1 < anomalous.length && anomalous[j + 1]) j++;
    out.push({ start: dates[i], end: dates[j] });
    i = j;
  }
  return out;
}
