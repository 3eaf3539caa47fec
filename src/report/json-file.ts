import * as fs from 'fs';
import * as path from 'path';

/** Arrays longer than this are written element by element; shorter values go through JSON.stringify whole. */
const LONG = 256;
/** Bytes of text gathered before each write. */
const FLUSH = 1 << 20;

/** Gathers text and writes it to a file descriptor in blocks of about {@link FLUSH} characters. */
class Sink {
  private buf = '';
  constructor(private readonly fd: number) {}
  add(s: string): void {
    this.buf += s;
    if (this.buf.length >= FLUSH) this.flush();
  }
  flush(): void {
    if (this.buf) fs.writeSync(this.fd, this.buf);
    this.buf = '';
  }
}

/** A value after its `toJSON` (as JSON.stringify sees it). */
function jsonValue(v: unknown, key: string): unknown {
  const o = v as { toJSON?: (k: string) => unknown } | null;
  return o !== null && typeof o === 'object' && typeof o.toJSON === 'function' ? o.toJSON(key) : v;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function skipped(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/** Write `v` (already through toJSON) at nesting `depth`, the same text as JSON.stringify(v, null, indent) there. */
function put(out: Sink, v: unknown, depth: number, indent: string): void {
  const nl = indent ? '\n' : '';
  const pad = indent.repeat(depth);
  if (Array.isArray(v) && v.length > LONG) {
    const inner = `${nl}${pad}${indent}`;
    out.add('[');
    for (let i = 0; i < v.length; i++) {
      const e = jsonValue(v[i], String(i));
      out.add(i ? `,${inner}` : inner);
      if (skipped(e)) out.add('null');
      else put(out, e, depth + 1, indent);
    }
    out.add(`${nl}${pad}]`);
    return;
  }
  if (v !== null && typeof v === 'object' && !Array.isArray(v) && !ArrayBuffer.isView(v)) {
    const rec = v as Record<string, unknown>;
    let first = true;
    for (const k of Object.keys(rec)) {
      const e = jsonValue(rec[k], k);
      if (skipped(e)) continue;
      out.add(`${first ? '{' : ','}${nl}${pad}${indent}${JSON.stringify(k)}${indent ? ': ' : ':'}`);
      first = false;
      put(out, e, depth + 1, indent);
    }
    out.add(first ? '{}' : `${nl}${pad}}`);
    return;
  }
  const s = JSON.stringify(v, null, indent);
  out.add(depth > 0 && s.includes('\n') ? s.replace(/\n/g, `\n${pad}`) : s);
}

/**
 * Write `value` to `file` as `JSON.stringify(value, null, indent)` would, byte for byte (`indent` 0: compact),
 * without ever building the whole text: long arrays (a run's per-window scores) are written element by element in
 * blocks of about 1 MB. The text goes to a temporary sibling renamed into place, so nothing half-written is left.
 *
 * @throws Error from the file system; TypeError for a value JSON.stringify refuses (a cycle, a BigInt).
 * @example
 * writeJsonFile(path.join(out, 'result.json'), result); // same bytes as JSON.stringify(result, null, 1)
 */
export function writeJsonFile(file: string, value: unknown, indent = 1): void {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.tmp-${process.pid}-${Date.now()}`);
  let fd: number | undefined = fs.openSync(tmp, 'w');
  try {
    const out = new Sink(fd);
    const v = jsonValue(value, '');
    if (!skipped(v)) put(out, v, 0, ' '.repeat(Math.max(0, Math.min(10, Math.floor(indent)))));
    out.flush();
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (e) {
    if (fd !== undefined) fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
}
