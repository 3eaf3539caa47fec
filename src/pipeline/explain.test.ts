import assert from 'node:assert/strict';
import { test } from 'node:test';
import { explainWindowThreshold } from './explain';

test('explainWindowThreshold: percentile, sigma and fixed rules in one sentence with their numbers', () => {
  assert.equal(
    explainWindowThreshold({ method: 'percentile', percentile: 95, value: 3.85 }, [1, 2, 3, 4]),
    '95th percentile of the 4 training-window MAEs (linear interpolation) = 3.85',
  );
  assert.equal(
    explainWindowThreshold({ method: 'percentile', percentile: 99.5, value: 1 }, [1]),
    '99.5th percentile of the 1 training-window MAE (linear interpolation) = 1',
  );
  assert.equal(
    explainWindowThreshold({ method: 'percentile', percentile: 1, value: 1 }, [1, 1]),
    '1st percentile of the 2 training-window MAEs (linear interpolation) = 1',
  );
  // [1, 3]: mean 2, population sd 1 -> 2 + 3 * 1 = 5
  assert.equal(
    explainWindowThreshold({ method: 'sigma', k: 3, value: 5 }, [1, 3]),
    'mean 2 + 3σ (σ 1, population) of the 2 training-window MAEs = 5',
  );
  assert.equal(
    explainWindowThreshold({ method: 'fixed', value: 0.65 }, Array(3987).fill(0)),
    'fixed value 0.65 given by --threshold, not derived from the 3,987 training-window MAEs',
  );
});
