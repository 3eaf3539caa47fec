import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spawnSync } from 'child_process';
import * as path from 'path';

// Real CLI runs: a bad ensemble name is refused before any data is read, one line, exit 2, no stack trace.
const MAIN = path.join(__dirname, '..', '..', 'cli', 'main.js');

function run(args: string[]) {
  const r = spawnSync(process.execPath, [MAIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, LSTM_ANOMALY_OFFLINE: '1' },
  });
  return { code: r.status, err: r.stderr };
}

test('ensemble e2e: unknown member, one member, a member twice, nesting: exit 2, one line', () => {
  const cases: [string, RegExp][] = [
    ['ensemble:lstm,foo', /unknown member foo; members are: lstm, pca, zscore, iforest, dense/],
    ['ensemble:lstm', /an ensemble needs at least 2 members: ensemble:A,B\[,C\]/],
    ['ensemble:pca,pca', /names pca twice/],
    ['ensemble:ensemble:lstm,pca', /an ensemble cannot be a member of an ensemble/],
  ];
  for (const [name, why] of cases) {
    // the data file does not exist: the detector's name is checked first
    const r = run(['--detector', name, '--csv', 'no-such-file.csv']);
    assert.equal(r.code, 2, name);
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.ok(r.err.startsWith(`error: invalid --detector: ${name} (`), r.err);
    assert.match(r.err, why);
    const e = run(['evaluate', 'no-such-dir', '--detector', name]);
    assert.equal(e.code, 2, `evaluate ${name}`);
    assert.match(e.err, why);
  }
});
