import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as fs from 'fs';
import * as path from 'path';
import { tempDir } from '../../../tools/testing/temp';
import { csvFilesUnder } from '../evaluate/evaluate';
import { readTrainScores, saveTrainScores } from './rethreshold';

test('train scores: saved and read back; missing or malformed files are one-line input errors', (t) => {
  const dir = tempDir('lstm-anomaly-rethreshold-', t);
  saveTrainScores(dir, [0.5, 1.25]);
  assert.deepEqual(readTrainScores(dir), [0.5, 1.25]);
  fs.writeFileSync(path.join(dir, 'train-scores.json'), '{"mae": [1, "x"]}');
  assert.throws(() => readTrainScores(dir), /train-scores\.json: expected \{"mae": \[numbers\]\}/);
  assert.throws(() => readTrainScores(path.join(dir, 'none')), /missing or malformed; a window rule needs/);
});

test('csvFilesUnder: every CSV under a folder, relative with /, sorted; none is an error', (t) => {
  const dir = tempDir('lstm-anomaly-tree-', t);
  fs.mkdirSync(path.join(dir, 'b', 'c'), { recursive: true });
  for (const f of ['z.csv', 'b/y.CSV', 'b/c/x.csv', 'b/notes.txt']) fs.writeFileSync(path.join(dir, f), '');
  assert.deepEqual(csvFilesUnder(dir), ['b/c/x.csv', 'b/y.CSV', 'z.csv']);
  assert.throws(() => csvFilesUnder(path.join(dir, 'b', 'c', 'x.csv')), /evaluate: no folder/);
  fs.mkdirSync(path.join(dir, 'empty'));
  assert.throws(() => csvFilesUnder(path.join(dir, 'empty')), /evaluate: no CSV files under/);
});
