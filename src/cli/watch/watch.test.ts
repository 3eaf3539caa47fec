import * as assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CLI_MAIN, priceCsv, runCli, startCli } from '../../../tools/testing/cli';
import type { ScoredWindow } from '../../result';
import { eventsFromScores, type WatchEvent } from '../../scan/watch';

// A tiny model from a real detect run, then `watch --follow` on a file written in chunks while it runs; the
// events it prints must be those of `score` on the final file.
const TINY = ['--epochs', '1', '--window', '10', '--units', '8', '--backend', 'cpu', '--seed', '7'];
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-watch-cli-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

// 80 live rows after the training data, with shocks on rows 30 and 55
const live = Array.from({ length: 80 }, (_, i) => {
  const d = new Date(Date.UTC(2021, 0, 1) + i * 86400000).toISOString().slice(0, 10);
  return `${d},${(100 + 5 * Math.sin(i / 6) + (i === 30 || i === 55 ? 15 : 0)).toFixed(4)}`;
});
let want: WatchEvent[] = [];

before(async () => {
  priceCsv(path.join(work, 'train.csv'), { rows: 200 });
  const r = await runCli(['--csv', 'train.csv', '--out', 'det', '--threshold', 'p90', ...TINY], work);
  assert.equal(r.code, 0, r.err);
  fs.writeFileSync(path.join(work, 'final.csv'), `${['Date,Close', ...live].join('\n')}\n`);
  const s = await runCli(
    ['score', '--model', 'det/model', '--csv', 'final.csv', '--out', 'sc', '--backend', 'cpu'],
    work,
  );
  assert.equal(s.code, 0, s.err);
  const windows: ScoredWindow[] = JSON.parse(fs.readFileSync(path.join(work, 'sc', 'scores.json'), 'utf8')).windows;
  want = eventsFromScores({
    end: windows.map((w) => w.end),
    mae: windows.map((w) => w.mae),
    anomaly: windows.map((w) => w.anomaly),
  });
});

const printed = (out: string): WatchEvent[] =>
  out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l));

test('watch --follow on a file that grows prints the events of score on the final file; SIGINT ends it', async () => {
  assert.ok(want.length >= 2 && want[0].type === 'start', `the shocks make events: ${JSON.stringify(want)}`);
  const file = path.join(work, 'live.csv');
  fs.writeFileSync(file, 'Date,Close\n');
  const w = startCli(['watch', '--model', 'det/model', '--follow', 'live.csv', '--backend', 'cpu'], work);
  await w.waitFor(/Ctrl-C stops/, 'err');
  for (let i = 0; i < live.length; i += 7) {
    fs.appendFileSync(file, `${live.slice(i, i + 7).join('\n')}\n`);
    await new Promise((r) => setTimeout(r, 30));
  }
  w.proc.kill('SIGINT'); // the rows already written are read first
  const r = await w.done;
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, new RegExp(`watch: 80 rows, ${want.length} events\\n$`));
  assert.deepEqual(printed(r.out), want);
});

test('watch on stdin: the same events; a row going back in time is exit 2 naming the row', () => {
  const run = (input: string) =>
    spawnSync(process.execPath, [CLI_MAIN, 'watch', '--model', 'det/model', '--backend', 'cpu'], {
      cwd: work,
      input,
      encoding: 'utf8',
    });
  const ok = run(`${['Date,Close', ...live].join('\n')}\n`);
  assert.equal(ok.status, 0, ok.stderr);
  assert.deepEqual(printed(ok.stdout), want);
  const back = run(`${['Date,Close', live[1], live[0]].join('\n')}\n`);
  assert.equal(back.status, 2);
  assert.match(back.stderr, /\nerror: stdin row 2: date 2021-01-01 is not after 2021-01-02\n$/);
  const none = spawnSync(process.execPath, [CLI_MAIN, 'watch'], { cwd: work, encoding: 'utf8' });
  assert.deepEqual(
    [none.status, none.stderr],
    [2, 'error: watch needs --model DIR (the model/ folder of a detect run)\n'],
  );
});

test('watch refuses a model saved with a step rule (its thresholds need a whole scored span), exit 2', () => {
  fs.cpSync(path.join(work, 'det', 'model'), path.join(work, 'step-model'), { recursive: true });
  const file = path.join(work, 'step-model', 'model.json');
  const m = JSON.parse(fs.readFileSync(file, 'utf8'));
  m.options.threshold = 'window-sigma:3';
  m.threshold = { method: 'window-sigma', value: null, k: 3 };
  fs.writeFileSync(file, JSON.stringify(m));
  const r = spawnSync(process.execPath, [CLI_MAIN, 'watch', '--model', 'step-model', '--backend', 'cpu'], {
    cwd: work,
    input: `${['Date,Close', ...live].join('\n')}\n`,
    encoding: 'utf8',
  });
  assert.equal(r.status, 2, r.stderr);
  assert.match(r.stderr, /^error: step-model: threshold window-sigma:3 is a per-step rule, .*--threshold p95\)\n$/m);
});

test('watch --follow goes on across a rotated (renamed) and a truncated file, as tail -F does', async () => {
  const file = path.join(work, 'rot.csv');
  const header = 'Date,Close';
  // rows 0..39 before the start: read in one pass, so once the first event is out they are all read
  fs.writeFileSync(file, `${[header, ...live.slice(0, 40)].join('\n')}\n`);
  const w = startCli(['watch', '--model', 'det/model', '--follow', 'rot.csv', '--backend', 'cpu'], work);
  await w.waitFor(/Ctrl-C stops/, 'err');
  const first = want.find((e) => e.date > live[0].slice(0, 10) && e.date <= live[39].slice(0, 10));
  assert.ok(first, `an event in rows 0..39 (${JSON.stringify(want)})`);
  await w.waitFor(new RegExp(`"date":"${first.date}"`));
  // rotation: renamed away, a new file with the header and rows 40..59
  fs.renameSync(file, `${file}.1`);
  fs.writeFileSync(file, `${[header, ...live.slice(40, 60)].join('\n')}\n`);
  await w.waitFor(/rot\.csv is a new file; reading it from its start/, 'err');
  await new Promise((r) => setTimeout(r, 1000));
  // truncation: emptied, then the header and rows 60..79
  fs.truncateSync(file, 0);
  await w.waitFor(/rot\.csv was truncated; reading it again from its start/, 'err');
  fs.writeFileSync(file, `${[header, ...live.slice(60)].join('\n')}\n`);
  await new Promise((r) => setTimeout(r, 1000));
  w.proc.kill('SIGINT');
  const r = await w.done;
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, new RegExp(`watch: 80 rows, ${want.length} events\\n$`));
  assert.deepEqual(printed(r.out), want, 'the events of score on the whole series');
});

test('watch --follow on a path that does not exist: exit 2, one line, before the model loads', () => {
  const r = spawnSync(process.execPath, [CLI_MAIN, 'watch', '--model', 'nope', '--follow', 'nope.csv'], {
    cwd: work,
    encoding: 'utf8',
  });
  assert.deepEqual(
    [r.status, r.stderr],
    [2, 'error: --follow: nope.csv: no such file (create it, header line first, then start watch)\n'],
  );
});
