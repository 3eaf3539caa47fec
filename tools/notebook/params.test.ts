import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { cellSource, type Notebook } from './ipynb';
import { injectParameters, literalFor, parseParamDecls } from './params';

const PARAMS = [
  'let fast = false;',
  "let dataPath = 'data/sp500_1986_2018.csv';",
  'let epochs = 50; // fast: 2',
  'let ticker: string = "^GSPC";',
  'let layers = [128];',
  'const window = 30;',
].join('\n');

function nb(): Notebook {
  return {
    nbformat: 4,
    nbformat_minor: 5,
    metadata: {},
    cells: [
      { cell_type: 'markdown', metadata: {}, source: '# t' },
      { cell_type: 'code', metadata: { tags: ['parameters'] }, source: PARAMS, outputs: [], execution_count: null },
      { cell_type: 'code', metadata: {}, source: 'console.log(epochs)', outputs: [], execution_count: null },
    ],
  };
}

test('parseParamDecls reads names, string-ness, const and fast values', () => {
  const d = parseParamDecls(PARAMS);
  assert.deepEqual(
    d.map((x) => x.name),
    ['fast', 'dataPath', 'epochs', 'ticker', 'layers', 'window'],
  );
  assert.equal(d[1].isString, true);
  assert.equal(d[3].isString, true);
  assert.equal(d[2].isString, false);
  assert.equal(d[2].fast, '2');
  assert.equal(d[5].mutable, false);
});

test('literalFor keeps strings for string parameters and parses the rest', () => {
  const str = { name: 's', mutable: true, isString: true };
  const other = { name: 'n', mutable: true, isString: false };
  assert.equal(literalFor(str, '123'), '"123"');
  assert.equal(literalFor(str, "it's"), '"it\'s"');
  assert.equal(literalFor(other, '5'), '5');
  assert.equal(literalFor(other, '1e-3'), '0.001');
  assert.equal(literalFor(other, 'true'), 'true');
  assert.equal(literalFor(other, '[64, 32,16]'), '[64,32,16]');
  assert.equal(literalFor(other, 'p95'), '"p95"');
});

test('injectParameters adds a tagged cell right after the parameters cell, explicit values win', () => {
  const src = nb();
  const out = injectParameters(src, { epochs: '5', dataPath: 'x.csv' }, true);
  assert.equal(out.cells.length, 4);
  assert.deepEqual(out.cells[2].metadata.tags, ['injected-parameters']);
  const code = cellSource(out.cells[2]);
  assert.match(code, /^fast = true;$/m);
  assert.match(code, /^epochs = 5;$/m);
  assert.match(code, /^dataPath = "x\.csv";$/m);
  assert.equal(src.cells.length, 3, 'the input notebook is not modified');
});

test('injectParameters with --fast alone uses the fast values; nothing to inject returns the same notebook', () => {
  const code = cellSource(injectParameters(nb(), {}, true).cells[2]);
  assert.match(code, /^epochs = 2;$/m);
  const same = nb();
  assert.equal(injectParameters(same, {}, false), same);
});

test('injectParameters refuses unknown and const parameters and notebooks without a parameters cell', () => {
  assert.throws(
    () => injectParameters(nb(), { nope: '1' }, false),
    /unknown parameter "nope" \(parameters: fast, dataPath/,
  );
  assert.throws(() => injectParameters(nb(), { window: '10' }, false), /const/);
  const bare = nb();
  bare.cells[1].metadata = {};
  assert.throws(() => injectParameters(bare, { epochs: '1' }, false), /no cell tagged "parameters"/);
});
