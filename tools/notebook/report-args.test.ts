import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { takeKernel } from './launch';
import { parseReportArgs, selectNotebooks } from './report-args';

test('parseReportArgs reads notebooks, --fast, repeated --param and inline values', () => {
  const a = parseReportArgs([
    '01',
    '--fast',
    '--param',
    'epochs=3',
    '--param=dataPath=a=b.csv',
    '-p',
    'x=1',
    '--out',
    'r',
  ]);
  assert.deepEqual(a.notebooks, ['01']);
  assert.equal(a.fast, true);
  assert.deepEqual(a.params, { epochs: '3', dataPath: 'a=b.csv', x: '1' });
  assert.equal(a.out, 'r');
  assert.equal(a.kernel, 'tslab');
  assert.equal(parseReportArgs(['--kernel', 'deno']).kernel, 'deno');
  assert.equal(parseReportArgs(['--kernel=tslab']).kernel, 'tslab');
});

test('parseReportArgs rejects malformed input with one-line messages', () => {
  assert.throws(() => parseReportArgs(['--param', 'novalue']), /invalid --param: novalue/);
  assert.throws(() => parseReportArgs(['--param']), /--param needs a value/);
  assert.throws(() => parseReportArgs(['--bogus']), /unknown option: --bogus/);
  assert.throws(() => parseReportArgs(['--timeout', '0']), /invalid --timeout/);
  assert.throws(
    () => parseReportArgs(['--kernel', 'python3']),
    /^InputError: invalid --kernel: python3 \(one of: tslab, deno\)$/,
  );
  assert.throws(() => parseReportArgs(['--kernel']), /--kernel needs a value/);
});

test('selectNotebooks matches names and number prefixes, refuses unknown or ambiguous ones', () => {
  const all = ['/n/01-colab-pipeline.ipynb', '/n/02-stacked-minmax.ipynb', '/n/03-general-electric.ipynb'];
  assert.deepEqual(selectNotebooks([], all), all);
  assert.deepEqual(selectNotebooks(['02'], all), [all[1]]);
  assert.deepEqual(selectNotebooks(['03-general-electric.ipynb', '01-colab-pipeline'], all), [all[2], all[0]]);
  assert.throws(() => selectNotebooks(['0'], all), /ambiguous notebook: 0/);
  assert.throws(() => selectNotebooks(['09'], all), /unknown notebook: 09 \(notebooks: 01-colab-pipeline/);
});

test('takeKernel takes --kernel out of the launcher arguments and leaves the rest to Jupyter', () => {
  assert.deepEqual(takeKernel(['--port=9000']), { kernel: 'tslab', rest: ['--port=9000'] });
  assert.deepEqual(takeKernel(['--kernel', 'deno', '--port=9000']), { kernel: 'deno', rest: ['--port=9000'] });
  assert.deepEqual(takeKernel(['--no-browser', '--kernel=tslab']), { kernel: 'tslab', rest: ['--no-browser'] });
  assert.throws(() => takeKernel(['--kernel', 'node']), /invalid --kernel: node/);
});
