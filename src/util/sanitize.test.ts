import assert from 'node:assert/strict';
import { test } from 'node:test';
import { stripControl } from './sanitize';

test('stripControl removes ANSI colour, cursor and title sequences and control characters', () => {
  assert.equal(stripControl('\u001b[31;1mClose\u001b[0m'), 'Close');
  assert.equal(stripControl('a\u001b[2Jb\u001b[10;5Hc'), 'abc');
  assert.equal(stripControl('\u001b]0;pwned\u0007x\u001b]8;;http://e.x\u001b\\y'), 'xy');
  assert.equal(stripControl('bell\u0007 nul\u0000 del\u007f c1\u009b31m'), 'bell nul del c1');
  assert.equal(stripControl('two\r\nlines\tand tab'), 'two lines and tab');
});

test('stripControl leaves ordinary text, unicode and empty strings alone', () => {
  assert.equal(stripControl(''), '');
  assert.equal(stripControl('Adj Close (€) <b>'), 'Adj Close (€) <b>');
});
