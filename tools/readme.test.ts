import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { packageRoot } from '../src/util/paths';
import { runCli } from './testing/cli';

// Every CLI command of the README's shell blocks that can run offline runs here, as written, from a folder where
// data/ is the project's data/ (so the README's relative paths hold). Training commands get `--epochs 1` appended
// (the README's own values are about results, not whether the command runs); a command naming a file the
// project does not ship (prices.csv, sensor.csv, a model folder) or reaching the network (--ticker, --queue) is
// listed as skipped, and the list of commands run is pinned, so a README edit cannot drop one silently.
const ROOT = packageRoot();
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The CLI arguments of each command line in the README's ```sh blocks, comments removed. */
function readmeCommands(): string[][] {
  const out: string[][] = [];
  for (const block of README.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1].split('\n')) {
      const line = raw.replace(/\s+#.*$/, '').trim();
      const m = /^(?:npm install && )?(?:npm run detect(?: --)?|npx lstm-anomaly|lstm-anomaly)(?:\s+(.*))?$/.exec(line);
      if (m) out.push((m[1] ?? '').split(/\s+/).filter(Boolean));
    }
  }
  return out;
}

const commands = readmeCommands();
const PATH_FLAGS = ['--csv', '--labels', '--model', '--csv-dir', '--tickers-file', '--follow'];
const ONLINE_FLAGS = ['--ticker', '--tickers', '--queue'];

/** Why a command cannot run offline from the project folder, or null when it can. */
function whyNot(args: string[]): string | null {
  const online = args.find((a) => ONLINE_FLAGS.includes(a));
  if (online) return `${online} needs the network`;
  if (['worker', 'watch'].includes(args[0])) return `${args[0]} runs until stopped`;
  const paths = args.flatMap((a, i) => (PATH_FLAGS.includes(args[i - 1]) ? [a] : []));
  if (args[0] === 'evaluate') paths.push(args[1]);
  // a folder an earlier README command writes (synth --out DIR) counts as there: the commands run in order
  const made = new Set(commands.flatMap((c) => (c[0] === 'synth' ? [c[c.indexOf('--out') + 1]] : [])));
  const missing = paths.find((p) => !fs.existsSync(path.join(ROOT, p)) && !made.has(p.split('/')[0]));
  return missing ? `${missing} is not in the project` : null;
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-readme-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));
fs.symlinkSync(path.join(ROOT, 'data'), path.join(work, 'data'));

const runnable = commands.filter((c) => whyNot(c) === null);

test("the README's offline commands are the ones pinned here", () => {
  assert.deepEqual(
    runnable.map((c) => c.join(' ')),
    [
      '',
      '--help',
      '',
      '--preset colab --transform none',
      '--csv data/sp500_1986_2018.csv --preset stacked',
      'synth --out synth-dev',
      'evaluate synth-dev --labels synth-dev/windows.json --train-frac 0.5',
      'synth --base seasonal --length 8000 --kinds missing-cycle,spike --seed 3 --out holiday',
      'evaluate data/nab --labels data/nab/windows.json --fit all --resample 10min --order keep',
      'evaluate data/nab --labels data/nab/windows.json --fit all --resample 10min --order keep --compare lstm,pca,zscore,iforest',
      '--csv data/anomaly.csv --value-col Power,Detector --detector dense --label-col Quality --anomaly-value Bad',
    ],
  );
  assert.ok(commands.length > runnable.length, 'some commands need files or the network: listed as skipped');
});

for (const args of runnable.filter((c, i) => runnable.findIndex((d) => d.join(' ') === c.join(' ')) === i)) {
  const help = args.includes('--help');
  const synth = args[0] === 'synth'; // no training: run exactly as written
  // CI's second pass (Node 24, WebAssembly kernels) skips the one long command, which the first pass ran
  const long = args[0] === 'evaluate' && args[1] === 'synth-dev' && process.env.LSTM_ANOMALY_SECOND_PASS === '1';
  const skip = long ? 'ran in the first pass of CI (the whole synthetic suite: minutes)' : false;
  test(`README: lstm-anomaly ${args.join(' ')}`, { skip }, async () => {
    const r = await runCli([...args, ...(help || synth ? [] : ['--epochs', '1', '--quiet'])], work);
    assert.equal(r.code, 0, r.err);
    if (help) return assert.match(r.out, /^Usage|lstm-anomaly/);
    const out = synth ? args[args.indexOf('--out') + 1] : r.out.trim();
    assert.ok(fs.existsSync(path.join(work, out)), `the run wrote ${out}`);
    assert.ok(fs.existsSync(path.join(work, out, '.lstm-anomaly')), 'with its marker');
    assert.doesNotMatch(r.err, /^error/m);
    if (args[0] === 'evaluate') {
      const file = args.includes('--compare')
        ? path.join(out, 'lstm', 'evaluation.json')
        : path.join(out, 'evaluation.json');
      const j = JSON.parse(fs.readFileSync(path.join(work, file), 'utf8'));
      assert.deepEqual(
        j.files.filter((f: { error?: string }) => f.error),
        [],
        'no file failed',
      );
    }
  });
}

test('README: the commands that cannot run offline say why', () => {
  for (const c of commands.filter((x) => whyNot(x) !== null))
    assert.match(whyNot(c)!, /network|not in the project|until/);
});
