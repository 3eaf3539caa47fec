import assert from 'node:assert/strict';
import test from 'node:test';
import type { EpochRecord } from '../result';
import { finalProgressHtml } from './progress';

const rec = (epoch: number, loss: number, valLoss: number | null): EpochRecord => ({
  epoch,
  loss,
  valLoss,
  seconds: 0.5,
  seqPerSec: 100,
});

test('finalProgressHtml: early stop shows a full bar, epochs run of the maximum and the best epoch', () => {
  const history = [rec(1, 0.5, 0.4), rec(2, 0.3, 0.2), rec(3, 0.2, 0.25), rec(4, 0.1, 0.3)];
  const html = finalProgressHtml('LSTM <128>', { history, bestEpoch: 2 }, 100);
  assert.match(html, /<progress value="4" max="4"/);
  assert.match(html, /4 of 100 epochs, stopped early/);
  assert.match(html, /best epoch 2 \(loss 0\.3, val_loss 0\.2\), its weights kept/);
  assert.match(html, /500 ms\/epoch/);
  assert.match(html, /LSTM &lt;128&gt;/);
});

test('finalProgressHtml: all epochs run is not an early stop; no validation loss prints a dash', () => {
  const html = finalProgressHtml('t', { history: [rec(1, 0.5, null), rec(2, 0.4, null)], bestEpoch: 2 }, 2);
  assert.match(html, /2 of 2 epochs · best/);
  assert.doesNotMatch(html, /stopped early/);
  assert.match(html, /val_loss –/);
});

test('finalProgressHtml: no epoch at all gives an empty bar, not a division by zero', () => {
  const html = finalProgressHtml('t', { history: [], bestEpoch: 0 }, 5);
  assert.match(html, /<progress value="0" max="1"/);
  assert.match(html, /0 of 5 epochs, stopped early · best epoch 0, its weights kept/);
});

test("finalProgressHtml: without a best epoch it reports the last epoch's losses", () => {
  const html = finalProgressHtml('dense', { history: [rec(1, 0.5, 0.6), rec(2, 0.25, 0.125)] }, 2);
  assert.match(html, /2 of 2 epochs · final loss 0\.25, val_loss 0\.125/);
  assert.doesNotMatch(html, /best epoch/);
});
