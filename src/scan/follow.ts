import * as fs from 'fs';
import * as readline from 'readline';
import { InputError } from '../util/errors';

/**
 * The complete lines of a file that grows (like `tail -f` from the start): polls its size every `pollMs`
 * and yields each new line once it ends with a newline. When `signal` aborts, the lines already in the file
 * are still read (one last pass), then it stops: a Ctrl-C loses no row that was written before it.
 *
 * @throws InputError when the file cannot be read (when it does not exist, it is waited for).
 * @example
 * for await (const line of followFile('live.csv', { signal })) console.log(line);
 */
export async function* followFile(
  file: string,
  opts: { signal?: AbortSignal; pollMs?: number } = {},
): AsyncGenerator<string> {
  const poll = opts.pollMs ?? 100;
  let pos = 0;
  let rest = '';
  const sleep = () =>
    new Promise<void>((r) => {
      const wake = () => {
        clearTimeout(t);
        opts.signal?.removeEventListener('abort', wake);
        r();
      };
      const t = setTimeout(wake, poll);
      opts.signal?.addEventListener('abort', wake, { once: true });
    });
  for (let last = false; !last; ) {
    last = !!opts.signal?.aborted;
    let size: number;
    try {
      size = fs.statSync(file).size;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new InputError(`${file}: cannot read (${(e as Error).message})`);
      if (!last) await sleep();
      continue;
    }
    if (size < pos) pos = 0; // truncated: start over
    if (size > pos) {
      const fd = fs.openSync(file, 'r');
      const buf = Buffer.alloc(size - pos);
      fs.readSync(fd, buf, 0, buf.length, pos);
      fs.closeSync(fd);
      pos = size;
      const parts = (rest + buf.toString('utf8')).split('\n');
      rest = parts.pop()!;
      for (const p of parts) yield p.replace(/\r$/, '');
      if (!last) continue;
    }
    if (!last) await sleep();
  }
}

/**
 * The lines of stdin (or another stream) as they arrive, until it ends or is closed (`close()`). Not in terminal
 * mode, so Ctrl-C on a terminal is the process's SIGINT.
 *
 * @example
 * for await (const line of streamLines(process.stdin)) handle(line);
 */
export function streamLines(input: NodeJS.ReadableStream = process.stdin): readline.Interface {
  return readline.createInterface({ input, crlfDelay: Infinity, terminal: false });
}
