import { InputError } from '../util/errors';

/** What to do with missing or non-numeric values: refuse them, carry the last value forward, or drop the row. */
export type FillMode = 'none' | 'ffill' | 'drop';

/** Options of {@link fillMissing}. */
export interface FillOptions {
  /** Column names, for error messages. Default: `col1`, `col2`, ... */
  columns?: string[];
  /** Where row `r` is, for error messages. Default: `row <r+1>`. */
  at?: (row: number) => string;
}

/** Rows after {@link fillMissing}: all values finite, and the index of each kept row in the input. */
export interface Filled {
  values: number[][];
  kept: number[];
}

/**
 * Replace missing values (`null`): `'ffill'` copies the previous row's value of the same column, `'drop'`
 * removes every row with a missing value, `'none'` accepts only complete rows.
 *
 * @throws InputError with `'ffill'` when a column's first value is missing (nothing to carry forward),
 *   with `'none'` when any value is missing, and with `'drop'` when no row is left.
 * @example
 * fillMissing([[1], [null], [3]], 'ffill').values; // [[1], [1], [3]]
 * fillMissing([[1], [null], [3]], 'drop').kept;    // [0, 2]
 */
export function fillMissing(rows: (number | null)[][], mode: FillMode, opts: FillOptions = {}): Filled {
  const at = opts.at ?? ((r: number) => `row ${r + 1}`);
  const col = (c: number): string => opts.columns?.[c] ?? `col${c + 1}`;
  if (mode === 'drop') {
    const kept = rows.flatMap((row, r) => (row.every((v) => v !== null) ? [r] : []));
    if (kept.length === 0 && rows.length > 0)
      throw new InputError(`${at(0)}: every row has a missing value, none left after --fill drop`);
    return { values: kept.map((r) => rows[r] as number[]), kept };
  }
  const values: number[][] = [];
  rows.forEach((row, r) => {
    values.push(
      row.map((v, c) => {
        if (v !== null) return v;
        if (mode !== 'ffill')
          throw new InputError(`${at(r)}: missing value in column "${col(c)}" (use --fill ffill|drop)`);
        if (r === 0) {
          throw new InputError(
            `${at(r)}: the first value of column "${col(c)}" is missing, so --fill ffill has nothing to carry forward (use --fill drop)`,
          );
        }
        return values[r - 1][c];
      }),
    );
  });
  return { values, kept: rows.map((_, r) => r) };
}
