import * as assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { followFile } from './follow';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-follow-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Pull lines from a followed file until `n` have come (the generator polls every 10 ms). */
async function take(it: AsyncGenerator<string>, n: number): Promise<string[]> {
  const out: string[] = [];
  while (out.length < n) {
    const r = await it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
}

test('followFile follows the name: a rotated or truncated file is read from its new start', {
  timeout: 20000,
}, async () => {
  const file = path.join(dir, 'live.csv');
  fs.writeFileSync(file, 'h\na1\na2\n');
  const notes: string[] = [];
  const ac = new AbortController();
  const it = followFile(file, { signal: ac.signal, pollMs: 10, onNote: (m) => notes.push(m) });
  assert.deepEqual(await take(it, 3), ['h', 'a1', 'a2']);

  // rotation: the old file gets a last line (no newline) after it was renamed, then a new file appears
  fs.renameSync(file, `${file}.1`);
  fs.appendFileSync(`${file}.1`, 'a3\na4');
  fs.writeFileSync(file, 'h\nb1\n');
  assert.deepEqual(await take(it, 4), ['a3', 'a4', 'h', 'b1']);
  assert.deepEqual(notes, [`${file} is a new file; reading it from its start`]);

  // truncation: the file is emptied, then written again from its start
  // (the generator runs only while pulled: the next lines are asked for before waiting for the note)
  fs.truncateSync(file, 0);
  const c = take(it, 2);
  while (notes.length < 2) await new Promise((r) => setTimeout(r, 10));
  fs.writeFileSync(file, 'h\nc1\n');
  assert.deepEqual(await c, ['h', 'c1']);

  // deleted, then created again
  fs.rmSync(file);
  const d = take(it, 2);
  while (notes.length < 3) await new Promise((r) => setTimeout(r, 10));
  fs.writeFileSync(file, 'h\nd1\n');
  assert.deepEqual(await d, ['h', 'd1']);
  assert.deepEqual(notes.slice(1), [
    `${file} was truncated; reading it again from its start`,
    `${file} is gone (moved or deleted); waiting for a new file at that path`,
    `${file} is a new file; reading it from its start`,
  ]);

  fs.appendFileSync(file, 'd2\n');
  ac.abort(); // the lines written before the abort are still read
  assert.deepEqual(await take(it, 10), ['d2']);
});

test('followFile: a path that does not exist is an InputError at the first read', async () => {
  const it = followFile(path.join(dir, 'nope.csv'), { pollMs: 10 });
  await assert.rejects(it.next(), (e: Error) => e.name === 'InputError' && /nope\.csv: no such file$/.test(e.message));
});
