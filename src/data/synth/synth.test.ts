import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { InputError } from '../../util/errors';
import { ANOMALIES, ANOMALY_KINDS, type AnomalyKind } from './anomalies';
import { BASE_SHAPES, type BaseShape } from './bases';
import { synthSeries } from './series';
import { makeSuite, SUITES } from './suite';
import { labelsCsv, nabWindows, seriesCsv } from './write';

const sha = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 16);
const col = (s: { series: { values: number[][] } }): number[] => s.series.values.map((r) => r[0]);

test('synthSeries: same seed, same values to the bit; known values, labels and hash', () => {
  const spec = { base: 'sine', length: 1000, kinds: ['spike', 'level-shift'], seed: 1 } as const;
  const a = synthSeries(spec);
  const b = synthSeries(spec);
  assert.deepEqual(col(a), col(b));
  assert.equal(a.period, 20);
  assert.deepEqual(
    a.labels.map((l) => [l.kind, l.start, l.end, l.startDate, l.endDate]),
    [
      ['level-shift', 527, 639, '2021-01-02T19:55:00', '2021-01-03T05:15:00'],
      ['spike', 812, 814, '2021-01-03T19:40:00', '2021-01-03T19:50:00'],
    ],
  );
  assert.deepEqual(
    [0, 1, 500, 999].map((i) => col(a)[i]),
    [9.98902, 10.30291, 9.90688, 9.66339],
  );
  assert.equal(a.series.dates[1], '2021-01-01T00:05:00');
  assert.equal(sha(seriesCsv(a)), 'b4b16e07638cd586');
  assert.notDeepEqual(col(synthSeries({ ...spec, seed: 2 })), col(a));
});

test('makeSuite dev: 24 series, 220,700 steps, every base, 64 anomalies, every kind 6-7 times; pinned hashes', () => {
  const dev = makeSuite('dev');
  assert.equal(dev.length, 24);
  assert.equal(
    dev.reduce((a, s) => a + s.series.dates.length, 0),
    220700,
  );
  assert.deepEqual([...new Set(dev.map((s) => s.base))].sort(), [...BASE_SHAPES].sort());
  for (const k of ANOMALY_KINDS) {
    const count = dev.reduce((a, s) => a + s.labels.filter((l) => l.kind === k).length, 0);
    assert.ok(count >= 6 && count <= 7, `${k}: ${count}`);
  }
  assert.equal(
    dev.reduce((a, s) => a + s.labels.length, 0),
    64,
  );
  const low = Math.min(...dev.map((s) => Math.min(...col(s))));
  assert.ok(low > 0, `lowest value ${low}: log returns need positive values`);
  for (const s of dev) {
    const n = s.series.dates.length;
    assert.ok(n >= 1000 && n <= 50000 && s.labels.length >= 1 && s.labels.length <= 5, s.name);
  }
  assert.equal(sha(JSON.stringify(nabWindows(dev))), 'c472769eb1e1d288');
  assert.equal(sha(dev.map(seriesCsv).join('')), '515b4edc9f1d057b');
  assert.equal(sha(labelsCsv(makeSuite('dev', { seed: 7 }))) === sha(labelsCsv(dev)), false);
  assert.deepEqual(SUITES.mini.series.flatMap((s) => s.kinds).sort(), [...ANOMALY_KINDS].sort());
});

/** Bases a kind can go on: every base but random-walk for the kinds that change the cycle. */
const basesFor = (k: AnomalyKind): BaseShape[] =>
  BASE_SHAPES.filter((b) => !(ANOMALIES[k].cyclic && b === 'random-walk'));

test('each anomaly kind changes the series inside its label and nowhere else, on every base', () => {
  for (const kind of ANOMALY_KINDS) {
    for (const base of basesFor(kind)) {
      for (const seed of [1, 2]) {
        const spec = { base, length: 3000, kinds: [kind, kind], seed, from: 0.2 };
        const hit = synthSeries(spec);
        const clean = col(synthSeries({ ...spec, kinds: [] }));
        const v = col(hit);
        const where = `${kind} on ${base} seed ${seed}`;
        assert.equal(hit.labels.length, 2, where);
        const inside = new Set<number>();
        for (const l of hit.labels) {
          assert.ok(l.start >= 600 && l.end >= l.start && l.end < 3000 - hit.period, `${where}: ${l.start}..${l.end}`);
          let changed = 0;
          let sum = 0;
          for (let t = l.start; t <= l.end; t++) {
            inside.add(t);
            const d = Math.abs(v[t] - clean[t]);
            if (d > 0) changed++;
            sum += d;
          }
          const len = l.end - l.start + 1;
          const scale = base === 'quiet' ? 0.1 : 1;
          assert.ok(changed >= len / 2, `${where}: ${changed} of ${len} steps changed`);
          assert.ok(sum / len > 0.05 * scale, `${where}: mean change ${sum / len}`);
        }
        assert.ok(hit.labels[0].end + hit.period <= hit.labels[1].start, `${where}: labels overlap or touch`);
        for (let t = 0; t < 3000; t++) if (!inside.has(t)) assert.equal(v[t], clean[t], `${where}: step ${t}`);
      }
    }
  }
});

test('spike, dip and level shift: the size the table says, on every step of the label', () => {
  for (const [kind, lo, hi] of [
    ['spike', 4, 6],
    ['dip', -6, -4],
  ] as const) {
    const s = synthSeries({ base: 'sine', length: 2000, kinds: [kind], seed: 5 });
    const c = col(synthSeries({ base: 'sine', length: 2000, kinds: [], seed: 5 }));
    const l = s.labels[0];
    assert.ok(l.end - l.start < 3);
    for (let t = l.start; t <= l.end; t++) {
      const d = col(s)[t] - c[t];
      assert.ok(d >= lo - 1e-4 && d <= hi + 1e-4, `${kind} step ${t}: ${d}`);
    }
  }
  const s = synthSeries({ base: 'random-walk', length: 5000, kinds: ['level-shift'], seed: 9 });
  const c = col(synthSeries({ base: 'random-walk', length: 5000, kinds: [], seed: 9 }));
  const l = s.labels[0];
  const d = col(s)[l.start] - c[l.start];
  assert.ok(Math.abs(d) >= 1.5 - 1e-4 && Math.abs(d) <= 3 + 1e-4, `shift ${d}`);
  for (let t = l.start; t <= l.end; t++) assert.ok(Math.abs(col(s)[t] - c[t] - d) < 2e-5, `step ${t}`);
});

test('missing-cycle and frequency-change start at a cycle; seasonal misses a whole day of 24 hours', () => {
  const s = synthSeries({ base: 'seasonal', length: 5000, kinds: ['missing-cycle'], seed: 3 });
  const l = s.labels[0];
  assert.deepEqual([s.period, s.intervalSeconds, l.start % 24, l.end - l.start + 1], [24, 3600, 0, 24]);
  assert.match(l.startDate, /T00:00:00$/);
  const f = synthSeries({ base: 'sine', length: 4000, kinds: ['frequency-change'], seed: 3 });
  assert.equal(f.labels[0].start % f.period, 0);
  assert.equal((f.labels[0].end - f.labels[0].start + 1) % (2 * f.period), 0);
});

test('synthSeries refuses bad specs with one line', () => {
  const ok = { base: 'sine', length: 2000, kinds: ['spike'], seed: 1 } as const;
  const bad: [object, RegExp][] = [
    [{ length: 999 }, /^invalid length: 999 \(an integer from 1000 to 50000\)$/],
    [{ length: 50001 }, /^invalid length: 50001/],
    [{ length: 1500.5 }, /^invalid length: 1500.5/],
    [{ base: 'triangle' }, /^invalid base: triangle \(one of sine, /],
    [{ kinds: ['spike', 'wobble'] }, /^invalid anomaly kind: wobble \(one of spike, dip, /],
    [{ base: 'random-walk', kinds: ['missing-cycle'] }, /^anomaly kind missing-cycle needs a cycle; base random-walk/],
    [{ from: 0.95 }, /^invalid from: 0.95/],
    [
      { length: 1000, kinds: ['drift', 'drift', 'drift', 'drift', 'drift'] },
      /^anomalies drift,.* need \d+ steps; a 1000-step/,
    ],
  ];
  for (const [patch, re] of bad) {
    assert.throws(
      () => synthSeries({ ...ok, ...patch } as typeof ok),
      (e: Error) => e instanceof InputError && re.test(e.message) && !e.message.includes('\n'),
      JSON.stringify(patch),
    );
  }
  assert.throws(() => makeSuite('big'), /^InputError: invalid suite: big \(one of dev, mini\)$|invalid suite: big/);
});
