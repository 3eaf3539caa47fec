import assert from 'node:assert/strict';
import { test } from 'node:test';
import { reportFixture } from '../../tools/testing/fixture';
import type { AnomalyEvent } from '../events/events';
import { eventsSection } from './events';

test('events table: a calibrated score and the explanation (escaped) when events carry one, else no column', () => {
  const { result, series } = reportFixture();
  const d = series.dates;
  const ev: AnomalyEvent = {
    start: d[150],
    end: d[152],
    startIndex: 50,
    endIndex: 52,
    peak: d[151],
    peakScore: 3,
    severity: 1,
  };
  result.events = [ev];
  const plain = eventsSection(result, series);
  assert.doesNotMatch(plain, /<th>why<\/th>/);
  result.events = [
    {
      ...ev,
      explanation: 'value fell 10% in 3 days <&>',
      explained: { trainRank: { below: 998, ties: 0, of: 1000 }, calibrated: 0.998, steps: 3 },
    },
  ];
  const html = eventsSection(result, series);
  assert.match(html, /<th>calibrated<\/th><th>why<\/th><\/tr>/);
  assert.match(html, /<td>0\.998<\/td><td>value fell 10% in 3 days &lt;&amp;&gt;<\/td><\/tr>/);
});
