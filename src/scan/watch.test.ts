import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadCsvSeries } from '../data/load-csv';
import { sineSeries } from '../data/synthetic';
import { loadDetector, saveDetector } from '../detector/lstm/persist';
import { runPipeline } from '../pipeline/run';
import { followFile } from './follow';
import { eventsFromScores, StreamScorer, type WatchEvent, watchLines } from './watch';

test('eventsFromScores: a start at each run of flags, an end at the first window below again', () => {
  const s = {
    end: ['a', 'b', 'c', 'd', 'e', 'f'],
    mae: [1, 5, 6, 1, 7, 2],
    anomaly: [false, true, true, false, true, false],
  };
  assert.deepEqual(eventsFromScores(s), [
    { type: 'start', date: 'b', score: 5 },
    { type: 'end', date: 'd', score: 1 },
    { type: 'start', date: 'e', score: 7 },
    { type: 'end', date: 'f', score: 2 },
  ]);
  assert.deepEqual(eventsFromScores({ end: ['a'], mae: [3], anomaly: [true] }), [
    { type: 'start', date: 'a', score: 3 },
  ]);
  assert.deepEqual(eventsFromScores({ end: [], mae: [], anomaly: [] }), []);
});

test('watch on a file that grows: the events equal those of scoring the final file', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-watch-'));
  try {
    const base = sineSeries({ n: 200, period: 20, seed: 3, start: '2021-01-01' });
    base.values = base.values.map((v) => [v[0] + 3]);
    const { detector: fitted } = await runPipeline(base, {
      window: 10,
      encoder: [8],
      epochs: 2,
      seed: 7,
      transform: 'logret',
      threshold: 'p90',
    });
    await saveDetector(fitted, path.join(dir, 'model'));
    fitted.dispose();
    const { detector } = await loadDetector(path.join(dir, 'model'));
    // the live feed: 80 new rows with two spikes, written in chunks while watching
    const live = sineSeries({ n: 80, period: 20, seed: 9, start: '2021-08-01' });
    const rows = live.values.map((v, i) => `${live.dates[i]},${v[0] + 3 + (i === 30 || i === 55 ? 1.5 : 0)}`);
    const file = path.join(dir, 'live.csv');
    fs.writeFileSync(file, 'Date,value\n');
    const ac = new AbortController();
    const got: WatchEvent[] = [];
    let seen = 0;
    const watching = watchLines(
      detector,
      followFile(file, { signal: ac.signal, pollMs: 20 }),
      (e) => got.push(e),
      (n) => {
        seen = n;
        if (n === rows.length) ac.abort();
      },
    );
    for (let i = 0; i < rows.length; i += 7) {
      fs.appendFileSync(file, `${rows.slice(i, i + 7).join('\n')}\n`);
      await new Promise((r) => setTimeout(r, 30));
    }
    const res = await watching;
    assert.equal(seen, 80);
    assert.equal(res.rows, 80);
    const want = eventsFromScores(await detector.score(loadCsvSeries(file)));
    assert.ok(want.length >= 2, `the spikes make events (${JSON.stringify(want)})`);
    assert.deepEqual(got, want);
    detector.dispose();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('StreamScorer: a row going back in time is an InputError naming the row', async () => {
  const { detector } = await runPipeline(sineSeries({ n: 60, period: 20 }), { window: 10, encoder: [4], epochs: 1 });
  const w = new StreamScorer(detector, 'Date,value', 'live.csv');
  assert.equal(await w.push('2024-01-02,1'), null);
  await assert.rejects(
    w.push('2024-01-01,1'),
    /^InputError: live\.csv row 2: date 2024-01-01 is not after 2024-01-02$/,
  );
  detector.dispose();
});
