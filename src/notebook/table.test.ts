import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { rowsToTable, tableHtml } from './table';

test('tableHtml escapes every cell and header and right-aligns numbers', () => {
  const html = tableHtml({ columns: ['<b>', 'v'], values: [['<script>x</script>', 1.234567]], index: ['a&b'] });
  assert.ok(!html.includes('<script>'));
  assert.match(html, /&lt;script&gt;x&lt;\/script&gt;/);
  assert.match(html, /<th>&lt;b&gt;<\/th>/);
  assert.match(html, /<th>a&amp;b<\/th>/);
  assert.match(html, /<td style="text-align:right">1\.2346<\/td>/);
});

test('tableHtml elides long tables around a … row and says how big they are', () => {
  const values = Array.from({ length: 100 }, (_, i) => [i]);
  const html = tableHtml({ columns: ['i'], values }, { maxRows: 4 });
  assert.equal((html.match(/<tr>/g) ?? []).length, 1 + 4 + 1);
  assert.match(html, /<td>…<\/td>/);
  assert.match(html, /100 rows × 1 columns/);
  assert.match(html, />99<\/td>/);
});

test('rowsToTable turns records into columns in first-seen key order', () => {
  const t = rowsToTable([
    { date: '2020-03-16', mae: 0.5 },
    { date: '2020-03-17', mae: 0.7, value: 2 },
  ]);
  assert.deepEqual(t.columns, ['date', 'mae', 'value']);
  assert.deepEqual(t.values[0], ['2020-03-16', 0.5, undefined]);
  assert.match(tableHtml([{ a: 1 }]), /<th>a<\/th>/);
});
