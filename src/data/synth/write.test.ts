import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError } from '../../util/errors';
import { synthSeries } from './series';
import { labelsCsv, nabWindows, seriesCsv, windowsJson, writeSuite } from './write';

const one = synthSeries({ base: 'sine', length: 1000, kinds: ['spike', 'level-shift'], seed: 1 });

test('seriesCsv, nabWindows, labelsCsv: NAB timestamps, inclusive windows, one row a label', () => {
  const csv = seriesCsv(one).split('\n');
  assert.deepEqual(csv.slice(0, 3), ['timestamp,value', '2021-01-01 00:00:00,9.98902', '2021-01-01 00:05:00,10.30291']);
  assert.equal(csv.length, 1002);
  assert.deepEqual(nabWindows([one]), {
    'sine/sine-1000.csv': [
      ['2021-01-02 19:55:00.000000', '2021-01-03 05:15:00.000000'],
      ['2021-01-03 19:40:00.000000', '2021-01-03 19:50:00.000000'],
    ],
  });
  assert.deepEqual(JSON.parse(windowsJson([one])), nabWindows([one]));
  assert.equal(
    labelsCsv([one]),
    'start,end,label,file\n2021-01-02 19:55:00,2021-01-03 05:15:00,level-shift,sine/sine-1000.csv\n' +
      '2021-01-03 19:40:00,2021-01-03 19:50:00,spike,sine/sine-1000.csv\n',
  );
});

test('writeSuite: a new folder with the files; a non-empty folder or two series of one name are refused', async () => {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-synth-write-'));
  after(() => fs.rmSync(work, { recursive: true, force: true }));
  const dir = path.join(work, 'a', 'suite');
  await writeSuite(dir, [one], { labelsCsv: true });
  assert.deepEqual(fs.readdirSync(dir).sort(), ['labels.csv', 'sine', 'windows.json']);
  assert.equal(fs.readFileSync(path.join(dir, 'sine', 'sine-1000.csv'), 'utf8'), seriesCsv(one));
  await assert.rejects(
    writeSuite(dir, [one]),
    (e: Error) => e instanceof InputError && /is not an empty folder/.test(e.message),
  );
  assert.equal(fs.readFileSync(path.join(dir, 'windows.json'), 'utf8'), windowsJson([one]));
  const other = path.join(work, 'b');
  await assert.rejects(writeSuite(other, [one, one]), /two series would both be written to sine\/sine-1000.csv/);
  assert.ok(!fs.existsSync(other));
});
