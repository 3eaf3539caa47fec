import assert from 'node:assert/strict';
import { test } from 'node:test';
import { smoothOption, WHOLE_SERIES_DEFAULTS } from '../pipeline/event-options';
import { resampled, resampleLine, resolveEventOptions, withResample } from './events-flags';
import type { CliFlags } from './flags';

test('resolveEventOptions: --fit all fills the whole-series defaults; flags and the preset win', () => {
  const o = resolveEventOptions({ fit: 'all' }, { transform: 'logret' });
  assert.equal(o.fit, 'all');
  for (const [k, v] of Object.entries(WHOLE_SERIES_DEFAULTS)) assert.deepEqual((o as Record<string, unknown>)[k], v, k);
  const f = resolveEventOptions(
    { fit: 'all', window: 20, units: 8, transform: 'logret' },
    { window: 20, encoder: [8], transform: 'logret', scaler: 'standard' },
    { about: '', options: { scaler: 'standard' } },
  );
  assert.deepEqual([f.window, f.encoder, f.transform, f.scaler, f.pad], [20, [8], 'logret', 'standard', 100]);
  // the whole-series rule and padding: mean + 3 sigma, padded by one default window
  assert.deepEqual([o.threshold, o.pad, o.window], ['window-sigma:3', 100, 100]);
  const split = resolveEventOptions({ pad: 3 }, { window: 30 });
  assert.deepEqual(split, { window: 30, pad: 3 });
});

test('resolveEventOptions: an unknown rule, a bad smoothing, prune or extreme is refused with one line', () => {
  assert.throws(
    () => resolveEventOptions({}, { threshold: 'window-sigma:0' }),
    /^InputError: invalid threshold: window-sigma:0/,
  );
  assert.throws(() => resolveEventOptions({}, { threshold: 'p101' }), /invalid threshold: p101/);
  assert.throws(() => resolveEventOptions({ smooth: '2.5' }, {}), /invalid smooth: 2\.5 \(auto, or a whole number/);
  assert.throws(() => resolveEventOptions({ prune: 1 }, {}), /invalid --prune: 1 \(0 to 1\)/);
  assert.throws(() => resolveEventOptions({ pad: -1 }, {}), /invalid --pad: -1/);
  assert.throws(
    () => resolveEventOptions({ extreme: -2 }, {}),
    /invalid --extreme: -2 \(a number of standard deviations/,
  );
  assert.throws(
    () => resolveEventOptions({}, { stuck: 'yes' as 'on' }),
    /^InputError: invalid --stuck: yes \(on or off\)/,
  );
  assert.equal(resolveEventOptions({ fit: 'all', stuck: 'off' }, {}).stuck, 'off');
});

test('smoothOption: auto, whole numbers, nothing else', () => {
  assert.equal(smoothOption('auto'), 'auto');
  assert.equal(smoothOption('0'), 0);
  assert.equal(smoothOption('40'), 40);
  assert.throws(() => smoothOption(''), /invalid smooth/);
  assert.throws(() => smoothOption('-1'), /invalid smooth/);
});

test('--point-adjust needs labels', () => {
  assert.throws(() => resolveEventOptions({ pointAdjust: true }, {}), /^InputError: --point-adjust needs --labels/);
  assert.equal(resolveEventOptions({ pointAdjust: true, labels: 'w.json' }, {}).threshold, undefined);
  assert.doesNotThrow(() => resolveEventOptions({ pointAdjust: true, labelCol: 'y' }, {}));
});

test('resampled: auto applies the rule and says why; none and no flag leave the series; rules resample', () => {
  const rows = (n: number, step: number) => ({
    dates: Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1) + i * step).toISOString().slice(0, 19)),
    values: Array.from({ length: n }, (_, i) => [i]),
    columns: ['v'],
    source: 't',
  });
  const s = rows(4032, 300_000);
  const a = resampled(s, { resample: 'auto' } as CliFlags);
  assert.deepEqual(a.auto, { chosen: '10min', why: 'median step 5 min, 4,032 rows' });
  assert.equal(a.series.dates.length, 2016);
  assert.equal(resampleLine(a.auto!), 'resample: auto -> 10min means (median step 5 min, 4,032 rows)');
  const short = rows(1200, 300_000);
  const lines: string[] = [];
  assert.equal(withResample(short, { resample: 'auto' } as CliFlags, (m) => lines.push(m)).series, short);
  assert.deepEqual(lines, ['resample: auto -> none (1,200 rows, under 4,000)']);
  assert.deepEqual(resampled(s, { resample: 'none' } as CliFlags), { series: s });
  assert.deepEqual(resampled(s, {} as CliFlags), { series: s });
  assert.equal(resampled(s, { resample: '1h' } as CliFlags).series.dates.length, 336);
  assert.equal(resampled(s, { resample: '1h' } as CliFlags).auto, undefined);
});
