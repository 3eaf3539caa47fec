import * as fs from 'fs';
import * as readline from 'readline';
import { StringDecoder } from 'string_decoder';
import { InputError } from '../util/errors';

/** Options of {@link followFile}. */
export interface FollowOptions {
  /** Stop: the lines already in the file are still read (one last pass), then the generator ends. */
  signal?: AbortSignal;
  /** How often the file is looked at, ms. Default 100. */
  pollMs?: number;
  /** Told once per change of the file: truncated, gone (moved or deleted), replaced by a new file. */
  onNote?: (message: string) => void;
}

/** The identity of an open file (device and inode), to tell a new file at the same path from the old one. */
const idOf = (st: fs.Stats): string => `${st.dev}:${st.ino}`;

/**
 * The complete lines of a file that grows, like `tail -F` from the start: polls it every `pollMs` and yields
 * each new line once it ends with a newline. It follows the name: when the file is truncated it is read again
 * from its start; when it is renamed or deleted (log rotation), the rest of the old file is read, then the new
 * file at the same path from its start once it appears. Each such change is told to `onNote` once. When
 * `signal` aborts, the lines already in the file are still read (one last pass), then it stops: a Ctrl-C loses
 * no row that was written before it.
 *
 * @throws InputError when the file does not exist at the start (`FILE: no such file`) or cannot be read.
 * @example
 * for await (const line of followFile('live.csv', { signal, onNote: (m) => console.error(m) })) console.log(line);
 */
export async function* followFile(file: string, opts: FollowOptions = {}): AsyncGenerator<string> {
  const poll = opts.pollMs ?? 100;
  const note = opts.onNote ?? (() => undefined);
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
  const fail = (e: unknown): never => {
    throw new InputError(`${file}: cannot read (${(e as Error).message})`);
  };
  const statPath = (): fs.Stats | null => {
    try {
      return fs.statSync(file);
    } catch (e) {
      return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : fail(e);
    }
  };
  let fd: number | null;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new InputError(`${file}: no such file`);
    return fail(e);
  }
  let id = idOf(fs.fstatSync(fd));
  let pos = 0;
  let rest = '';
  let decoder = new StringDecoder('utf8');
  let gone = false;
  /** The complete lines added to the open file since the last read. */
  const readNew = (): string[] => {
    if (fd === null) return [];
    const size = fs.fstatSync(fd).size;
    if (size < pos) {
      note(`${file} was truncated; reading it again from its start`);
      pos = 0;
      rest = '';
      decoder = new StringDecoder('utf8');
    }
    if (size === pos) return [];
    const buf = Buffer.alloc(size - pos);
    const n = fs.readSync(fd, buf, 0, buf.length, pos);
    pos += n;
    const parts = (rest + decoder.write(buf.subarray(0, n))).split('\n');
    rest = parts.pop()!;
    return parts.map((p) => p.replace(/\r$/, ''));
  };
  /** Read the old file to its end (a last line without newline included), close it, open the new one. */
  const reopen = (): string[] => {
    const lines = readNew();
    const tail = rest + decoder.end();
    if (tail !== '') lines.push(tail.replace(/\r$/, ''));
    if (fd !== null) fs.closeSync(fd);
    fd = null;
    pos = 0;
    rest = '';
    decoder = new StringDecoder('utf8');
    try {
      fd = fs.openSync(file, 'r');
      id = idOf(fs.fstatSync(fd));
      gone = false;
      note(`${file} is a new file; reading it from its start`);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') fail(e);
    }
    return lines;
  };
  try {
    for (let last = false; !last; ) {
      last = !!opts.signal?.aborted;
      const lines = readNew();
      const st = statPath();
      if (st === null) {
        if (!gone) note(`${file} is gone (moved or deleted); waiting for a new file at that path`);
        gone = true;
      } else if (fd === null || idOf(st) !== id) {
        for (const l of reopen()) lines.push(l);
        for (const l of readNew()) lines.push(l);
      } else gone = false;
      for (const line of lines) yield line;
      if (!last && lines.length === 0) await sleep();
    }
  } finally {
    if (fd !== null) fs.closeSync(fd);
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
