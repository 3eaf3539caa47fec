import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import * as net from 'net';
import { connectQueue, parseQueueUrl, queueFromEnv, redactUrl } from './redis-url';

test('redactUrl: the password never shows', () => {
  assert.equal(redactUrl('redis://:s3cret@db.example:6380/2'), 'redis://:***@db.example:6380/2');
  assert.equal(redactUrl('redis://user:s3cret@db:6379'), 'redis://user:***@db:6379');
  assert.equal(redactUrl('redis://127.0.0.1:6379'), 'redis://127.0.0.1:6379');
  assert.equal(redactUrl('not a url:pw@host'), '***@host');
});

test('parseQueueUrl: host and port (6379 by default); a malformed URL is one line without the password', () => {
  assert.deepEqual([parseQueueUrl('redis://h:7000').host, parseQueueUrl('redis://h:7000').port], ['h', 7000]);
  assert.equal(parseQueueUrl('rediss://:pw@h').port, 6379);
  assert.throws(
    () => parseQueueUrl('http://:pw@h:1'),
    /^InputError: --queue: http:\/\/:\*\*\*@h:1\/?: expected redis:\/\/ or rediss:\/\/$/,
  );
  assert.throws(
    () => parseQueueUrl('redis//pw@h'),
    (e: Error) => e.name === 'InputError' && !e.message.includes('pw@') && /not a URL/.test(e.message),
  );
});

async function closedPort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });
}

test('connectQueue: nobody listening -> InputError naming host:port, not the password, well within 10 s', async () => {
  const port = await closedPort();
  const t0 = Date.now();
  await assert.rejects(connectQueue(`redis://:hunter2@127.0.0.1:${port}`), (e: Error) => {
    assert.equal(e.name, 'InputError');
    assert.equal(e.message, `--queue: cannot reach Redis at 127.0.0.1:${port} (ECONNREFUSED)`);
    return true;
  });
  assert.ok(Date.now() - t0 < 10000);
});

test('connectQueue: a host that never answers times out with its host:port', async () => {
  // a listening socket that accepts and says nothing: the PING never gets an answer
  const quiet = net.createServer(() => undefined);
  await new Promise<void>((r) => quiet.listen(0, '127.0.0.1', () => r()));
  const port = (quiet.address() as net.AddressInfo).port;
  const t0 = Date.now();
  try {
    await assert.rejects(connectQueue(`redis://:hunter2@127.0.0.1:${port}`, 1500), (e: Error) => {
      assert.match(e.message, new RegExp(`^--queue: cannot reach Redis at 127\\.0\\.0\\.1:${port} \\(`));
      assert.ok(!e.message.includes('hunter2'));
      return true;
    });
    const ms = Date.now() - t0;
    assert.ok(ms >= 1400 && ms < 10000, String(ms));
  } finally {
    quiet.close();
  }
});

test('queueFromEnv: $LSTM_ANOMALY_QUEUE, else $REDIS_URL; empty values are unset', () => {
  assert.equal(queueFromEnv({}), undefined);
  assert.deepEqual(queueFromEnv({ REDIS_URL: 'redis://b:6379' }), { url: 'redis://b:6379', from: 'REDIS_URL' });
  assert.deepEqual(queueFromEnv({ LSTM_ANOMALY_QUEUE: 'redis://a:6379', REDIS_URL: 'redis://b:6379' }), {
    url: 'redis://a:6379',
    from: 'LSTM_ANOMALY_QUEUE',
  });
  assert.deepEqual(queueFromEnv({ LSTM_ANOMALY_QUEUE: '', REDIS_URL: 'redis://b:6379' })?.from, 'REDIS_URL');
});
