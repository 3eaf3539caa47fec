import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addedEntries, isOwnOutput, writeOutput } from './out-dir';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-outdir-'));
after(() => fs.rmSync(work, { recursive: true, force: true }));

/** Make a folder from a map of relative paths to contents (a path ending in `/` is a folder). */
function tree(name: string, files: Record<string, string>): string {
  const dir = path.join(work, name);
  for (const [p, text] of Object.entries(files)) {
    if (p.endsWith('/')) fs.mkdirSync(path.join(dir, p), { recursive: true });
    else {
      fs.mkdirSync(path.dirname(path.join(dir, p)), { recursive: true });
      fs.writeFileSync(path.join(dir, p), text);
    }
  }
  return dir;
}

test('writeOutput: the marker names the command and lists every entry written', async () => {
  const out = path.join(work, 'w');
  await writeOutput(out, 'evaluate', (tmp) => {
    fs.mkdirSync(path.join(tmp, 'lstm'));
    fs.writeFileSync(path.join(tmp, 'lstm', 'evaluation.json'), '{}');
    fs.writeFileSync(path.join(tmp, 'comparison.md'), '|');
  });
  const m = JSON.parse(fs.readFileSync(path.join(out, '.lstm-anomaly'), 'utf8'));
  assert.deepEqual(
    [m.tool, m.command, m.files],
    ['lstm-anomaly', 'evaluate', ['comparison.md', 'lstm/', 'lstm/evaluation.json']],
  );
  assert.deepEqual(addedEntries(out), []);
  assert.equal(isOwnOutput(out), true);
  fs.writeFileSync(path.join(out, 'lstm', 'mine.txt'), 'x');
  fs.mkdirSync(path.join(out, 'extra'));
  assert.deepEqual(addedEntries(out), ['extra/', 'lstm/mine.txt']);
  assert.equal(isOwnOutput(out), false);
});

test('addedEntries: older outputs (a marker without a list, or none) and foreign folders', () => {
  const marker = JSON.stringify({ tool: 'lstm-anomaly', command: 'scan' });
  const oldScan = tree('old-scan', { '.lstm-anomaly': marker, 'AAA/result.json': '{}', 'summary.csv': '' });
  assert.deepEqual(addedEntries(oldScan), []);
  fs.writeFileSync(path.join(oldScan, 'AAA', 'notes.txt'), 'mine');
  assert.deepEqual(addedEntries(oldScan), ['AAA/notes.txt']);
  const oldDetect = tree('old-detect', { 'result.json': '{}', 'report.html': '', 'model/model.json': '{}' });
  assert.deepEqual(addedEntries(oldDetect), []);
  assert.equal(addedEntries(tree('foreign', { 'thesis.txt': 'x' })), null);
  assert.equal(addedEntries(tree('mixed', { 'result.json': '{}', 'thesis.txt': 'x' })), null);
  const otherTool = tree('other-tool', { '.lstm-anomaly': '{"tool":"other"}', 'result.json': '{}' });
  assert.deepEqual(addedEntries(otherTool), []);
  assert.equal(addedEntries(path.join(work, 'missing')), null);
});
