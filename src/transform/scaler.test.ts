import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../util/errors';
import { Scaler } from './scaler';

const fails = (fn: () => unknown, re: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof InputError && !e.message.includes('\n') && re.test(e.message));

test('Scaler: values whose spread overflows are refused naming the column', () => {
  fails(
    () =>
      Scaler.fit(
        'standard',
        [
          [1, -1e308],
          [2, 1e308],
        ],
        ['a', 'Close'],
      ),
    /^column "Close": values too large to scale \(their mean or standard deviation overflows\)/,
  );
  fails(
    () => Scaler.fit('minmax', [[-1e308], [1e308]], ['Close']),
    /^column "Close": values too large to scale \(their range overflows\)/,
  );
});

test('Scaler: a value that scales beyond float32 is refused before training, naming the column and row', () => {
  // min-max on [0, 2^-100]: a later value of 2^30 scales to 2^130 = 1.36e39 > 3.4e38
  const s = Scaler.fit('minmax', [[0], [2 ** -100]], ['Close']);
  assert.deepEqual(s.transform([[2 ** -101]]), [[0.5]]);
  fails(
    () => s.transform([[0], [2 ** 30]]),
    /^column "Close": value 1073741824 at row 2 scales to 1\.361129467683754e\+39, beyond the float32 range/,
  );
  // a rebuilt scaler names the column by index
  fails(() => Scaler.fromJSON(s.toJSON()).transform([[2 ** 30]]), /^column "0": value/);
  // within range: the largest float32 itself passes
  assert.deepEqual(Scaler.fit('minmax', [[0], [1]]).transform([[3.4e38]]), [[3.4e38]]);
});
