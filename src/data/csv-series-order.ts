import { InputError } from '../util/errors';
import { FirstFew } from './csv-series-first-few';

const KEEP_HINT = ' (or --order keep to keep the file order)';

/**
 * Refuse duplicate or decreasing dates, naming the lines; rows are never reordered. `order(i)` compares row i's
 * date with row i-1's (0 same, negative earlier), `at(i)` prints it.
 *
 * @throws InputError naming the file and lines: duplicate dates, dates newest first, dates out of order.
 * @example
 * const d = ['2020-01-02', '2020-01-01'];
 * checkOrder(2, (i) => d[i].localeCompare(d[i - 1]), (i) => d[i], [2, 3], 'x.csv'); // throws: newest first
 */
export function checkOrder(
  n: number,
  order: (i: number) => number,
  at: (i: number) => string,
  lines: Uint32Array | number[],
  file: string,
): void {
  const dups = new FirstFew();
  const back = new FirstFew();
  for (let i = 1; i < n; i++) {
    const o = order(i);
    if (o === 0) dups.add(() => `${at(i)} at lines ${lines[i - 1]} and ${lines[i]}`);
    else if (o < 0) back.add(() => `line ${lines[i]} (${at(i)}) after line ${lines[i - 1]} (${at(i - 1)})`);
  }
  if (dups.count > 0) throw new InputError(`${file}: duplicate dates: ${dups}; each date must appear once${KEEP_HINT}`);
  if (back.count === n - 1 && back.count > 0) {
    const first = `line ${lines[0]}: ${at(0)}`;
    throw new InputError(
      `${file}: dates run newest first (${first}); sort the file oldest first (rows are never reordered)${KEEP_HINT}`,
    );
  }
  if (back.count > 0) {
    throw new InputError(
      `${file}: dates out of order: ${back}; sort the file by date (rows are never reordered)${KEEP_HINT}`,
    );
  }
}
