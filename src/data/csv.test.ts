import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../util/errors';
import { eachCsvRecord, parseCsv } from './csv';

test('parseCsv: header, rows and start lines', () => {
  const t = parseCsv('Date,Close\n2020-01-02,10\n2020-01-03,11\n');
  assert.deepEqual(t.header, ['Date', 'Close']);
  assert.deepEqual(t.rows, [
    ['2020-01-02', '10'],
    ['2020-01-03', '11'],
  ]);
  assert.deepEqual(t.lines, [2, 3]);
  assert.equal(t.headerLine, 1);
});

test('parseCsv: BOM, CRLF, no trailing newline, header trimmed', () => {
  const t = parseCsv('\uFEFFDate , Close\r\n2020-01-02,10\r\n2020-01-03,11');
  assert.deepEqual(t.header, ['Date', 'Close']);
  assert.deepEqual(t.rows, [
    ['2020-01-02', '10'],
    ['2020-01-03', '11'],
  ]);
  assert.deepEqual(t.lines, [2, 3]);
});

test('parseCsv: lone CR line ends', () => {
  assert.deepEqual(parseCsv('a,b\r1,2\r3,4\r').rows, [
    ['1', '2'],
    ['3', '4'],
  ]);
});

test('parseCsv: quoted fields with commas, escaped quotes and line breaks', () => {
  const t = parseCsv('name,note\n"a,b","say ""hi"""\n"multi\r\nline",x\nlast,""\n');
  assert.deepEqual(t.rows, [
    ['a,b', 'say "hi"'],
    ['multi\r\nline', 'x'],
    ['last', ''],
  ]);
  assert.deepEqual(t.lines, [2, 3, 5]);
});

test('parseCsv: blank lines are skipped but line numbers stay true', () => {
  const t = parseCsv('\na,b\n\n1,2\n\n\n3,4\n\n');
  assert.deepEqual(t.rows, [
    ['1', '2'],
    ['3', '4'],
  ]);
  assert.deepEqual(t.lines, [4, 7]);
  assert.equal(t.headerLine, 2);
});

test('parseCsv: empty fields and ragged rows are kept as they are', () => {
  assert.deepEqual(parseCsv('a,b,c\n1,,3\n4\n,,\n').rows, [['1', '', '3'], ['4'], ['', '', '']]);
});

test('parseCsv: empty text, BOM only, header only', () => {
  assert.deepEqual(parseCsv(''), { header: [], rows: [], lines: [], headerLine: 0 });
  assert.deepEqual(parseCsv('\uFEFF\r\n').header, []);
  const h = parseCsv('Date,Close\n');
  assert.deepEqual([h.header, h.rows], [['Date', 'Close'], []]);
});

test('parseCsv: an unclosed quote is an InputError naming the line', () => {
  assert.throws(
    () => parseCsv('a,b\n1,2\n3,"oops\n4,5\n', 'x.csv'),
    (e: unknown) => e instanceof InputError && e.message === 'x.csv line 3: unterminated quoted field',
  );
});

test('eachCsvRecord: text without quotes, CR or BOM (read by splitting) reads as csv-parse reads it', () => {
  // The same texts with CRLF line ends go through csv-parse: records and lines must agree.
  const texts = [
    'Date,Close\n2020-01-02,10\n2020-01-03,11\n',
    'Date,Close\n2020-01-02,10',
    '\na,b\n\n1,2\n\n\n3,4\n\n',
    'a,b,c\n1,,3\n4\n,,\n \n',
    'a;b\n1;2,5\n',
    '',
    '\n\n',
    'header only',
  ];
  const read = (text: string, sep: string) => {
    const out: [number, string[]][] = [];
    eachCsvRecord(text, 'x', (fields, line) => out.push([line, fields]), sep);
    return out;
  };
  for (const text of texts) {
    const sep = text.includes(';') ? ';' : ',';
    assert.deepEqual(read(text, sep), read(text.replace(/\n/g, '\r\n'), sep), JSON.stringify(text));
  }
  assert.deepEqual(read('a,b\n1,2\n\n3,4', ','), [
    [1, ['a', 'b']],
    [2, ['1', '2']],
    [4, ['3', '4']],
  ]);
});
