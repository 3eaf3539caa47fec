import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_PIPELINE_OPTIONS } from '../pipeline/options';
import { DETECT_FLAGS, SCORE_FLAGS, shownDefault } from './flags';
import { helpText, parseFlags } from './parse';
import { resolveOptions } from './resolve';

test('parseFlags: values, =values, numbers and booleans', () => {
  assert.deepEqual(parseFlags(['--window', '20', '--csv=a.csv', '--quiet', '--threshold', 'p99'], DETECT_FLAGS), {
    window: 20,
    csv: 'a.csv',
    quiet: true,
    threshold: 'p99',
  });
  assert.deepEqual(parseFlags(['--train-frac', '0.7'], DETECT_FLAGS), { trainFrac: 0.7 });
});

test('parseFlags: unknown option, missing value, non-number', () => {
  assert.throws(() => parseFlags(['--windw', '3'], DETECT_FLAGS), /unknown option: --windw/);
  assert.throws(() => parseFlags(['--csv'], DETECT_FLAGS), /option --csv needs a value \(PATH\)/);
  assert.throws(() => parseFlags(['--window', 'thirty'], DETECT_FLAGS), /invalid --window: thirty/);
  assert.throws(() => parseFlags(['data.csv'], DETECT_FLAGS), /unexpected argument: data.csv/);
  assert.throws(() => parseFlags(['--quiet=yes'], DETECT_FLAGS), /takes no value/);
});

test('resolveOptions: CLI default is log returns; presets set tutorial options; flags win', () => {
  assert.equal(resolveOptions({}).options.transform, 'logret');
  const colab = resolveOptions({ preset: 'colab' }).options;
  assert.equal(colab.transform, 'none');
  assert.deepEqual(colab.encoder, [128]);
  assert.equal(resolveOptions({ preset: 'colab', transform: 'logret' }).options.transform, 'logret');
  const st = resolveOptions({ preset: 'stacked' }).options;
  assert.deepEqual([st.encoder, st.scaler], [[64, 32, 16], 'minmax']);
  assert.deepEqual(resolveOptions({ preset: 'stacked', layers: '8,4' }).options.encoder, [8, 4]);
  const ge = resolveOptions({ preset: 'ge' });
  assert.deepEqual(
    [ge.options.trainUntil, ge.options.threshold, ge.preset?.data],
    ['2004-01-01', 'p99', { kind: 'ticker', ticker: 'GE', start: '1999-01-01' }],
  );
  assert.equal(resolveOptions({ preset: 'ge', trainFrac: 0.5 }).options.trainUntil, undefined);
  assert.deepEqual(
    [resolveOptions({ preset: 'sine' }).options.loss, resolveOptions({ preset: 'fixed' }).options.threshold],
    ['mse', '0.65'],
  );
  assert.deepEqual(resolveOptions({ units: 16 }).options.encoder, [16]);
});

test('resolveOptions: unknown preset and bad layer lists', () => {
  assert.throws(
    () => resolveOptions({ preset: 'keras' }),
    /unknown preset: keras \(presets: colab, stacked, ge, sine, fixed\)/,
  );
  assert.throws(() => resolveOptions({ layers: '64,,16' }), /invalid --layers: 64,,16/);
  assert.throws(() => resolveOptions(parseFlags(['--units', '0'], DETECT_FLAGS)), /invalid --units: 0/);
});

test('helpText: every flag appears with its default', () => {
  const h = helpText('x', 'about', DETECT_FLAGS);
  for (const f of DETECT_FLAGS) assert.ok(h.includes(f.flag), f.flag);
  assert.match(h, /--window N\s+steps per window \[30; dense: 1; aer: 100\]/);
});

test('parseFlags: --seed is an integer, sizes positive integers, enums from their one list', () => {
  assert.deepEqual(parseFlags(['--seed', '7', '--units', '16', '--epochs=2'], DETECT_FLAGS), {
    seed: 7,
    units: 16,
    epochs: 2,
  });
  assert.throws(() => parseFlags(['--seed', '1.5'], DETECT_FLAGS), /^InputError: invalid --seed: 1\.5 \(an integer\)$/);
  for (const f of ['--units', '--window', '--batch-size', '--epochs']) {
    assert.throws(() => parseFlags([f, '0'], DETECT_FLAGS), new RegExp(`invalid ${f}: 0 \\(a positive integer\\)`));
    assert.throws(() => parseFlags([f, '2.5'], DETECT_FLAGS), new RegExp(`invalid ${f}: 2.5 \\(a positive integer\\)`));
  }
  assert.throws(
    () => parseFlags(['--transform', 'sqrt'], DETECT_FLAGS),
    /invalid --transform: sqrt \(one of: none, logret, diff\)/,
  );
  assert.throws(
    () => parseFlags(['--fill', 'zero'], DETECT_FLAGS),
    /invalid --fill: zero \(one of: none, ffill, drop\)/,
  );
  assert.throws(
    () => parseFlags(['--backend', 'gpu'], SCORE_FLAGS),
    /invalid --backend: gpu \(one of: auto, tensorflow, wasm, cpu\)/,
  );
});

test('helpText: derived from the option tables, every default shown once in brackets', () => {
  const h = helpText('x', 'about', DETECT_FLAGS);
  const lines = h.split('\n');
  for (const f of DETECT_FLAGS) {
    const line = lines.find((l) => l.startsWith(`  ${f.flag} `));
    assert.ok(line, f.flag);
    const shown = shownDefault(f);
    if (shown) assert.ok(line.endsWith(`[${shown}]`), `${f.flag}: ${line}`);
    else assert.doesNotMatch(line, /\]$/, f.flag);
  }
  assert.equal(shownDefault(DETECT_FLAGS.find((f) => f.flag === '--transform')!), 'logret; dense: none; aer: none');
  assert.equal(shownDefault(DETECT_FLAGS.find((f) => f.flag === '--window')!), '30; dense: 1; aer: 100');
  assert.equal(DEFAULT_PIPELINE_OPTIONS.transform, 'none');
  for (const [flag, def] of [
    ['--learning-rate', 0.001],
    ['--train-frac', 0.8],
    ['--seed', 42],
  ] as const) {
    assert.match(h, new RegExp(`${flag} .*\\[${String(def).replace('.', '\\.')}\\]`));
  }
  assert.match(h, /--window N +steps per window \[30; dense: 1; aer: 100\]/);
  assert.match(h, /--units N +LSTM units of the single-layer model \[128; aer: 30\]/);
  assert.match(
    h,
    /--transform none\|logret\|diff +transform before scaling \(logret: log returns\) \[logret; dense: none; aer: none\]/,
  );
  assert.match(helpText('x', 'about', SCORE_FLAGS), /--backend NAME .*identical scores\) \[auto\]/);
});

test('flags: every run option with a flag is a detect flag, every event option an event flag', async () => {
  const { PIPELINE_OPTION_DEFS } = await import('../pipeline/options');
  const { EVENT_OPTION_DEFS } = await import('../pipeline/event-options');
  const { EVENT_FLAGS } = await import('./flags');
  const detect = new Set(DETECT_FLAGS.map((d) => d.flag));
  assert.deepEqual(
    PIPELINE_OPTION_DEFS.filter((d) => d.flag !== undefined && !detect.has(d.flag)).map((d) => d.key),
    [],
  );
  const events = new Set<string>(EVENT_FLAGS.map((d) => d.key));
  assert.deepEqual(
    EVENT_OPTION_DEFS.map((d) => d.key).filter((k) => !events.has(k)),
    [],
  );
});
