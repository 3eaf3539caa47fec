import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { liveOutput, showHtml, showMarkdown } from './display';

test('on Deno the display helpers send display_data, and a live output its updates under one display_id', () => {
  const sent: { type: string; content: Record<string, unknown> }[] = [];
  const g = globalThis as { Deno?: unknown };
  g.Deno = {
    jupyter: { broadcast: (type: string, content: Record<string, unknown>) => void sent.push({ type, content }) },
  };
  try {
    showHtml('<b>3</b>');
    showMarkdown('**3**');
    const live = liveOutput();
    live.html('epoch 1');
    live.html('epoch 2');
    assert.deepEqual(
      sent.map((m) => [m.type, m.content.data]),
      [
        ['display_data', { 'text/html': '<b>3</b>' }],
        ['display_data', { 'text/markdown': '**3**' }],
        ['display_data', { 'text/html': 'epoch 1' }],
        ['update_display_data', { 'text/html': 'epoch 2' }],
      ],
    );
    const ids = sent.map((m) => (m.content.transient as { display_id?: string }).display_id);
    assert.deepEqual(ids.slice(0, 2), [undefined, undefined]);
    assert.match(ids[2] ?? '', /^lstm-anomaly-[0-9a-f]{12}$/);
    assert.equal(ids[3], ids[2]);
  } finally {
    delete g.Deno;
  }
});

test('outside a kernel the display helpers say which kernels they need', () => {
  assert.throws(
    () => showHtml('x'),
    /notebook display helpers (need the tslab or Deno kernel|only work inside a running tslab or Deno kernel)/,
  );
});
