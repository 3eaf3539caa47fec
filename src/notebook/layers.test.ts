import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { parameterCount, resolveSpec } from '../model';
import { layerTable } from './layers';

test('layerTable of the Colab model: 66,560 + 131,584 + 129 = 198,273', () => {
  const rows = layerTable(resolveSpec());
  assert.deepEqual(
    rows.map((r) => r.params),
    [66560, 0, 0, 131584, 0, 129],
  );
  assert.deepEqual(
    rows.map((r) => r.output),
    ['(None, 128)', '(None, 128)', '(None, 30, 128)', '(None, 30, 128)', '(None, 30, 128)', '(None, 30, 1)'],
  );
  assert.equal(rows[3].layer, 'lstm_1 (LSTM)');
});

test('layerTable of the stacked 64-32-16 model adds up to parameterCount', () => {
  const spec = resolveSpec({ encoder: [64, 32, 16] });
  const rows = layerTable(spec);
  assert.equal(
    rows.reduce((a, r) => a + r.params, 0),
    parameterCount(spec),
  );
  assert.deepEqual(rows.map((r) => r.output).slice(0, 3), ['(None, 30, 64)', '(None, 30, 32)', '(None, 16)']);
  assert.equal(rows.length, 3 + 2 + 3 + 2);
});
