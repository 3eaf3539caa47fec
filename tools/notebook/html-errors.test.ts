import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { notebookHtmlErrors } from './html-errors';

test('notebookHtmlErrors finds error outputs of the lab (runner) and classic templates', () => {
  const lab =
    '<div class="output_error" data-ename="Error"><div class="jp-RenderedText"><pre>\nError: boom &lt;here&gt;</pre></div></div>';
  const classic =
    '<div class="output_subarea output_text output_error">\n<pre>\n<span>ReferenceError</span>: x is not defined\n</pre></div>';
  assert.deepEqual(notebookHtmlErrors(lab), ['Error: boom <here>']);
  assert.deepEqual(notebookHtmlErrors(classic), ['ReferenceError: x is not defined']);
  assert.deepEqual(notebookHtmlErrors('<div class="jp-OutputArea-output">stderr text</div>'), []);
});
