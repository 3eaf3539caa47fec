import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI_MAIN, priceCsv, runCli, runCliSync, startCli } from '../../../tools/testing/cli';
import { parseSeriesCsv } from '../../data/load-csv';
import { LstmAutoencoderDetector } from '../../detector/lstm/detector';
import { refitDetector } from '../../scan/refit';
import type { RefitLine } from '../../scan/refit-run';

// `watch --refit-every`: a tiny model from a real detect run, refitted while rows stream in on stdin.
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu', '--seed', '7'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-refit-cli-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
const live = Array.from({ length: 80 }, (_, i) => {
  const d = new Date(Date.UTC(2021, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return `${d},${(100 + 5 * Math.sin(i / 6) + 0.5 * Math.cos(i / 3)).toFixed(4)}`;
});
const feed = `${['Date,Close', ...live].join('\n')}\n`;
const bytes = (dir: string) => fs.readFileSync(path.join(work, dir, 'weights.bin'));

before(async () => {
  priceCsv(path.join(work, 'train.csv'), { rows: 200 });
  const r = await runCli(['--csv', 'train.csv', '--out', 'det', '--threshold', 'p90', ...TINY], work);
  assert.equal(r.code, 0, r.err);
});

test('watch --refit-every 30: refits beside the scoring, each a JSON line and a new version folder; the base kept', async () => {
  const base = bytes('det/model');
  const args = ['watch', '--model', 'det/model', '--refit-every', '30', '--refit-window', '25', '--refit-epochs', '2'];
  const r = spawnSync(process.execPath, [CLI_MAIN, ...args, '--backend', 'cpu'], {
    cwd: work,
    input: feed,
    encoding: 'utf8',
    env: { ...process.env, LSTM_ANOMALY_OFFLINE: '1' },
  });
  assert.equal(r.status, 0, r.stderr);
  const refits: RefitLine[] = r.stdout
    .split('\n')
    .filter((l) => l.startsWith('{"type":"refit"'))
    .map((l) => JSON.parse(l));
  // 80 rows, 69 scored (window 10 and logret's lag): a refit starts at scored row 30; stdin is read on while it
  // trains (a refit due meanwhile waits for it), so how many more follow depends on speed: versions count up
  assert.ok(refits.length >= 1);
  assert.deepEqual(
    refits.map((x) => [x.version, x.model, x.rows, x.epochs]),
    refits.map((_, i) => [i + 1, `det/model@${i + 1}`, 25, 2]),
  );
  assert.match(r.stderr, new RegExp(`watch: 80 rows, \\d+ events, ${refits.length} refits`));
  assert.ok(base.equals(bytes('det/model')), 'the base model is untouched');
  // version 1 is, bit for bit, the base model refitted on the rows the line names (a warm start, 2 epochs)
  const first = refits[0];
  const rows = live.filter((l) => l.slice(0, 10) >= first.from && l.slice(0, 10) <= first.to);
  assert.equal(rows.length, 25);
  const loaded = await LstmAutoencoderDetector.load(path.join(work, 'det/model'), { backend: 'cpu' });
  const want = await refitDetector(loaded, parseSeriesCsv(['Date,Close', ...rows].join('\n'), { source: 'x' }), 2);
  const saved = await LstmAutoencoderDetector.load(path.join(work, 'det/model@1'), { backend: 'cpu' });
  const flat = (d: LstmAutoencoderDetector) => d.toState().weights.flatMap((w) => Array.from(w.values));
  assert.deepEqual(flat(saved), flat(want));
  assert.notDeepEqual(flat(saved), flat(loaded));
  assert.equal(first.threshold, saved.fitted().threshold.toJSON().value);
  [loaded, want, saved].forEach((d) => d.dispose());
  // rollback: --model DIR@N scores with version N
  const back = runCliSync(['score', '--model', 'det/model@1', '--csv', 'train.csv', '--out', 'sc1'], work);
  assert.equal(back.code, 0, back.err);
});

test('watch refit refused, one line, exit 2: a window shorter than the model, a bad --refit-every, no --refit-every', () => {
  const cases: [string[], RegExp][] = [
    [['--refit-every', '30', '--refit-window', '5'], /^error: --refit-window 5: shorter than the model's window/],
    [['--refit-every', 'weekly'], /^error: --refit-every: invalid "weekly"/],
    [['--refit-window', '50'], /^error: --refit-window and --refit-epochs need --refit-every/],
  ];
  for (const [args, re] of cases) {
    const r = runCliSync(['watch', '--model', 'det/model', ...args, '--backend', 'cpu'], work);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.err}`);
    assert.match(r.err, re);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
  }
});

test('a refit interrupted by SIGKILL leaves the previous model in place and loadable', async () => {
  // patience 0: the refit's epochs (the model's options) run on until the kill
  const k = await runCli(['--csv', 'train.csv', '--out', 'k', '--patience', '0', ...TINY], work);
  assert.equal(k.code, 0, k.err);
  const before = bytes('k/model');
  const file = path.join(work, 'k.csv');
  fs.writeFileSync(file, 'Date,Close\n');
  const args = ['--refit-every', '20', '--refit-window', '25', '--refit-epochs', '100000'];
  const w = startCli(['watch', '--model', 'k/model', '--follow', 'k.csv', ...args, '--backend', 'cpu'], work);
  await w.waitFor(/Ctrl-C stops/, 'err');
  fs.appendFileSync(file, `${live.slice(0, 40).join('\n')}\n`);
  await w.waitFor(/watch: refit started at/, 'err', 30000);
  await new Promise((r) => setTimeout(r, 300)); // mid-training
  w.proc.kill('SIGKILL');
  await w.done;
  assert.ok(before.equals(bytes('k/model')));
  const det = await LstmAutoencoderDetector.load(path.join(work, 'k/model'), { backend: 'cpu' });
  det.dispose();
  // no version folder was left half-written: none is there (hidden temporaries are not versions)
  assert.deepEqual(
    fs.readdirSync(path.join(work, 'k')).filter((e) => e.startsWith('model@')),
    [],
  );
});
