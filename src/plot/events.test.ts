import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventsChart } from './events';
import { zoomChart } from './zoom';

const dates = Array.from(
  { length: 100 },
  (_, i) => `2020-01-01T${String(Math.floor(i / 4)).padStart(2, '0')}:${String((i % 4) * 15).padStart(2, '0')}:00`,
);

test('eventsChart: one band per label and event, dashed edges for false positives, x for missed labels', () => {
  const line = { dates, values: dates.map((_, i) => i % 7), name: 'v' };
  const fig = eventsChart(
    line,
    [
      { start: dates[10], end: dates[12] },
      { start: dates[50], end: dates[50] },
    ],
    {
      labels: [
        { start: dates[9], end: dates[11] },
        { start: dates[80], end: dates[90] },
      ],
      eventHits: [true, false],
      labelHits: [true, false],
    },
  );
  const shapes = fig.layout.shapes as Array<{ x0: string; line: { dash?: string } }>;
  assert.equal(shapes.length, 4);
  assert.deepEqual(
    shapes.slice(2).map((s) => s.line.dash),
    ['solid', 'dash'],
  );
  assert.equal(fig.data.length, 2);
  assert.deepEqual([fig.data[1].x, fig.data[1].y], [[dates[80]], [6]]);
  assert.equal(eventsChart(line, []).data.length, 1);
  assert.throws(() => eventsChart({ dates, values: [1] }, []), /events chart: 100 dates but 1 values/);
});

test('zoomChart: the event and its own length (at least 20 steps) each side, error on a second axis', () => {
  const v = {
    dates,
    x: dates.map((_, i) => i),
    recon: dates.map(() => 0),
    features: 1,
    scores: dates.map(() => 1),
    thresholds: dates.map(() => 2),
  };
  const fig = zoomChart(v, { startIndex: 40, endIndex: 44, start: dates[40], end: dates[44] }, 'Event 1');
  const x = fig.data[0].x as string[];
  assert.deepEqual([x[0], x[x.length - 1], x.length], [dates[20], dates[64], 45]);
  assert.deepEqual((fig.data[0].y as number[]).slice(0, 2), [20, 21]);
  assert.deepEqual(
    fig.data.map((d) => d.yaxis ?? 'y'),
    ['y', 'y', 'y2', 'y2'],
  );
  const edge = zoomChart(v, { startIndex: 0, endIndex: 59, start: dates[0], end: dates[59] }, 'e');
  assert.equal((edge.data[0].x as string[]).length, 100);
});

test('eventsChart: a missed label on a 1M-row series draws (no spread of the values onto the call stack)', () => {
  const n = 1_000_000;
  const t0 = Date.UTC(2020, 0, 1);
  const line = {
    dates: Array.from({ length: n }, (_, i) => new Date(t0 + i * 60_000).toISOString()),
    values: Array.from({ length: n }, (_, i) => Math.sin(i / 100)),
    name: 'v',
  };
  line.values[777_777] = 9;
  const label = { start: line.dates[500_000], end: line.dates[500_010] };
  const fig = eventsChart(line, [], { labels: [label], labelHits: [false] });
  const missed = fig.data.find((t) => String(t.name).startsWith('missed labels'));
  assert.deepEqual(missed?.y, [9], 'the x sits at the top of the series');
});
