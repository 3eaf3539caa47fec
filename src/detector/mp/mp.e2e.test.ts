import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { runCliSync } from '../../../tools/testing/cli';
import { packageRoot } from '../../util/paths';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-mp-'));
const run = (args: string[]) => runCliSync(args, work);
after(() => fs.rmSync(work, { recursive: true, force: true }));
const NAB = path.join(packageRoot(), 'data', 'nab');

test('--detector mp --fit all on the shipped NAB file: the self-join of 22,695 steps, events, a saved reference', () => {
  const csv = path.join(NAB, 'machine_temperature_system_failure.csv');
  const labels = path.join(NAB, 'windows.json');
  const r = run([
    '--csv',
    csv,
    '--detector',
    'mp',
    '--fit',
    'all',
    '--order',
    'keep',
    '--resample',
    'none', // the whole series' 22,695 steps (under --fit all, auto would aggregate it to 10-minute means)
    '--labels',
    labels,
    '--out',
    'nab',
  ]);
  assert.equal(r.code, 0, r.err);
  const result = JSON.parse(fs.readFileSync(path.join(work, 'nab', 'result.json'), 'utf8'));
  assert.deepEqual([result.config.detector, result.config.window, result.training.epochs], ['mp', 100, 0]);
  assert.equal(result.test.length, 22695 - 99);
  assert.deepEqual(
    result.trainScores,
    result.test.map((w: { mae: number }) => w.mae),
  ); // fit all: both the self-join
  assert.ok(result.events.length >= 1, `${result.events.length} events`);
  assert.match(r.err, /\d+ events? \(/);
  const model = JSON.parse(fs.readFileSync(path.join(work, 'nab', 'model', 'model.json'), 'utf8'));
  assert.deepEqual([model.kind, model.model.window, model.model.reference[0].length], ['mp', 100, 22695]);
});

test('--compare lstm,mp: both detectors on one split, mp flags the jump', () => {
  const rows = Array.from({ length: 160 }, (_, i) => {
    const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    return `${d},${(100 + 5 * Math.sin(i / 6) + (i > 140 && i < 146 ? 30 : 0)).toFixed(4)}`;
  });
  const data = path.join(work, 'prices.csv');
  fs.writeFileSync(data, `${['Date,Close', ...rows].join('\n')}\n`);
  const tiny = ['--epochs', '2', '--units', '4', '--window', '8', '--batch-size', '16', '--backend', 'cpu'];
  const r = run(['--csv', data, '--out', 'cmp', '--compare', 'lstm,mp', '--transform', 'none', ...tiny]);
  assert.equal(r.code, 0, r.err);
  const json = JSON.parse(fs.readFileSync(path.join(work, 'cmp', 'compare.json'), 'utf8'));
  assert.deepEqual(
    json.detectors.map((d: { kind: string }) => d.kind),
    ['lstm', 'mp'],
  );
  const mp = JSON.parse(fs.readFileSync(path.join(work, 'cmp', 'mp', 'result.json'), 'utf8'));
  const top = mp.test.reduce((b: { mae: number }, w: { mae: number }) => (w.mae > b.mae ? w : b));
  // the jump is on 2020-05-21..25; the top window overlaps it
  assert.ok(top.start <= '2020-05-25' && top.end >= '2020-05-21', `top window ${top.start}..${top.end}`);
  assert.ok(mp.events.length >= 1);
});

test('--detector mp with --window 2: exit 2, one line', () => {
  const r = run(['--csv', path.join(work, 'prices.csv'), '--detector', 'mp', '--window', '2', '--out', 'bad']);
  assert.equal(r.code, 2, r.err);
  assert.match(r.err, /^error: invalid window: 2 \(the mp detector needs at least 3 steps\)$/m);
  assert.doesNotMatch(r.err, /\n\s+at /);
  assert.ok(!fs.existsSync(path.join(work, 'bad')));
});
