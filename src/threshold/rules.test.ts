import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flaggedText } from './flagged-text';
import { Threshold } from './rule';
import { parseRule, RULE_NAMES, ruleKind, ruleLabel, THRESHOLD_HINT } from './rules';

test('parseRule: one registry for window and step rules, each with its kind and label', () => {
  const cases: Array<[string, string, string]> = [
    ['p95', 'window', 'p95'],
    ['0.65', 'window', 'fixed 0.65'],
    ['3sigma', 'window', '3sigma'],
    ['window-sigma', 'step', 'window-sigma:4'],
    ['Window-Sigma:3', 'step', 'window-sigma:3'],
    ['dynamic', 'step', 'dynamic'],
  ];
  for (const [text, kind, label] of cases) {
    const r = parseRule(text);
    assert.equal(ruleKind(r), kind, text);
    assert.equal(ruleLabel(r), label, text);
  }
  assert.deepEqual(RULE_NAMES, ['percentile', 'fixed', 'sigma', 'window-sigma', 'dynamic']);
});

test('parseRule refuses unknown rules with every form, and an infinite fixed threshold in one line', () => {
  assert.equal(
    THRESHOLD_HINT,
    'p95, p99 (percentile of training MAE), a number (0.65), 3sigma, ' +
      'or per step: window-sigma[:k] (mean + k sigma in sliding windows), dynamic',
  );
  assert.throws(() => parseRule('median'), { message: `invalid threshold: median (${THRESHOLD_HINT})` });
  assert.throws(() => parseRule('1e400'), {
    name: 'InputError',
    message: 'invalid threshold: 1e400 (a fixed threshold must be a finite number)',
  });
  assert.throws(() => parseRule('window-sigma:0'), /invalid threshold: window-sigma:0 \(window-sigma, window-sigma:K/);
  assert.throws(() => parseRule('p0'), /percentile must be in/);
});

test('a step rule keeps its spec through JSON: no window value (null in JSON), no window flagged', () => {
  const t = Threshold.fit(parseRule('window-sigma:3'), [1, 2, 3]);
  assert.equal(t.kind, 'step');
  assert.deepEqual(t.flag([0, 100]), [false, false]);
  const json = JSON.parse(JSON.stringify(t.toJSON()));
  assert.deepEqual(json, { method: 'window-sigma', value: null, k: 3 });
  const back = Threshold.fromJSON(JSON.parse(JSON.stringify(t)));
  assert.equal(back.label(), 'window-sigma:3');
  assert.ok(Number.isNaN(back.value));
  assert.deepEqual(JSON.parse(JSON.stringify(Threshold.fit(parseRule('dynamic'), []))), {
    method: 'dynamic',
    value: null,
  });
  assert.throws(() => Threshold.fromJSON({ method: 'iqr' as 'dynamic', value: 1 }), /unknown threshold method "iqr"/);
});

test('flaggedText names the rule that flagged: a value for window rules, none for step rules', () => {
  const p95 = Threshold.fit(parseRule('p95'), [1, 2, 3, 4]).toJSON();
  assert.equal(flaggedText(p95, 3, 51, 'test windows'), '3 of 51 test windows above p95 = 3.850');
  const ws = Threshold.fit(parseRule('window-sigma:3'), []).toJSON();
  assert.equal(
    flaggedText(ws, 3, 51, 'test windows'),
    '3 of 51 test windows flagged by window-sigma:3 (a threshold per step)',
  );
});
