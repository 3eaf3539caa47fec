import { CsvError, Parser } from 'csv-parse';
import * as fs from 'fs';
import { InputError } from '../util/errors';

/** A parsed CSV file: the header, the data rows, and the file line where each row starts. */
export interface CsvTable {
  /** Field names from the first record, trimmed. Empty for an empty file. */
  header: string[];
  /** Data records as raw strings (quotes removed, `""` unescaped, no trimming). */
  rows: string[][];
  /** 1-based file line on which each data row starts (the header is on `headerLine`). */
  lines: number[];
  /** 1-based file line of the header (1 unless blank lines precede it; 0 for an empty file). */
  headerLine: number;
}

/** Receives each non-blank record and the 1-based file line it starts on (the header is the first call). */
export type CsvRecordHandler = (fields: string[], line: number) => void;

/** The part of csv-parse's parser used here: its synchronous push parser (what `csv-parse/sync` runs on). */
interface PushParser {
  parse(
    buf: Buffer | undefined,
    end: boolean,
    push: (r: { record: string[]; raw: string }) => void,
    close: () => void,
  ): Error | undefined;
}

/** Line breaks in a raw record: CRLF, LF and lone CR each count once. */
function lineBreaks(raw: string): number {
  let n = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 10 || (c === 13 && raw.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

/**
 * A push CSV reader (csv-parse, RFC 4180): feed it chunks of bytes, it calls `onRecord` for every non-blank
 * record with the line the record starts on. Holds at most one record, never the whole text.
 */
class CsvStream {
  private readonly parser: PushParser;
  private line = 1;
  constructor(
    private readonly name: string,
    private readonly onRecord: CsvRecordHandler,
    delimiter = ',',
  ) {
    const opts = {
      bom: true,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      raw: true,
      skip_empty_lines: false,
    };
    this.parser = (new Parser(opts) as unknown as { api: PushParser }).api;
  }
  private push = (r: { record: string[]; raw: string }): void => {
    const start = this.line;
    this.line += lineBreaks(r.raw);
    const blank = r.record.length === 1 && r.record[0] === '' && !r.raw.startsWith('"');
    if (!blank) this.onRecord(r.record, start);
  };
  /** Parse the next chunk (`undefined` at the end of the input). */
  feed(chunk: Buffer | undefined): void {
    const err = this.parser.parse(chunk, chunk === undefined, this.push, () => {});
    if (err === undefined) return;
    if (err instanceof CsvError && err.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new InputError(`${this.name} line ${this.line}: unterminated quoted field`);
    }
    throw new InputError(`${this.name} line ${this.line}: ${err.message.split('\n')[0]}`);
  }
}

/**
 * Stream CSV text through `onRecord` (see {@link parseCsv} for the dialect): each non-blank record, header first,
 * with the file line it starts on. `delimiter` separates fields (`,` unless given).
 *
 * @throws InputError `<name> line N: unterminated quoted field` when a quote is never closed.
 * @example
 * eachCsvRecord('a,b\n1,2\n', 'x.csv', (fields, line) => console.log(line, fields)); // 1 ['a','b'], 2 ['1','2']
 */
export function eachCsvRecord(text: string, name: string, onRecord: CsvRecordHandler, delimiter = ','): void {
  if (!/["\r\uFEFF]/.test(text)) {
    eachPlainRecord(text, onRecord, delimiter);
    return;
  }
  const s = new CsvStream(name, onRecord, delimiter);
  s.feed(Buffer.from(text, 'utf8'));
  s.feed(undefined);
}

/**
 * Text with no quote, carriage return or BOM: RFC 4180 reading is then a split on line feeds and the delimiter,
 * which is what this does (same records, same lines, blank lines skipped) without a parser per call: `watch`
 * reads each arriving row as a two-line text, and csv-parse's set-up was a third of its time a row.
 */
function eachPlainRecord(text: string, onRecord: CsvRecordHandler, delimiter: string): void {
  let line = 1;
  for (let from = 0; from <= text.length; line++) {
    let to = text.indexOf('\n', from);
    if (to < 0) to = text.length;
    if (to > from) onRecord(text.slice(from, to).split(delimiter), line);
    from = to + 1;
  }
}

/** Bytes read from a file at a time by {@link eachCsvFileRecord}. */
const CHUNK = 1 << 18;

/**
 * Stream a CSV file through `onRecord` in 256 KB chunks: memory holds one chunk and one record, not the file.
 * `delimiter` separates fields (`,` unless given).
 *
 * @throws InputError for an unterminated quote; Error from `fs` when the file cannot be read.
 * @example
 * eachCsvFileRecord('prices.csv', (fields, line) => { if (line > 1) count++; });
 */
export function eachCsvFileRecord(path: string, onRecord: CsvRecordHandler, name = path, delimiter = ','): void {
  const s = new CsvStream(name, onRecord, delimiter);
  const fd = fs.openSync(path, 'r');
  try {
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = fs.readSync(fd, buf, 0, CHUNK, null);
      if (n === 0) break;
      s.feed(Buffer.from(buf.subarray(0, n)));
    }
    s.feed(undefined);
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Parse CSV text (RFC 4180): comma-separated fields, `"quoted"` fields that may hold commas, `""` and
 * line breaks, CRLF / LF / CR line ends, an optional UTF-8 BOM and an optional trailing newline.
 * Blank lines are skipped. Rows are not checked against the header length (the caller decides).
 *
 * @param name shown in error messages (usually the file path); default `'CSV'`.
 * @throws InputError `<name> line N: unterminated quoted field` when a quote is never closed.
 * @example
 * parseCsv('Date,Close\r\n2020-01-02,"1,234.5"\r\n');
 * // { header: ['Date', 'Close'], rows: [['2020-01-02', '1,234.5']], lines: [2], headerLine: 1 }
 */
export function parseCsv(text: string, name = 'CSV'): CsvTable {
  const t: CsvTable = { header: [], rows: [], lines: [], headerLine: 0 };
  let first = true;
  eachCsvRecord(text, name, (fields, line) => {
    if (first) {
      first = false;
      t.header = fields.map((h) => h.trim());
      t.headerLine = line;
    } else {
      t.rows.push(fields);
      t.lines.push(line);
    }
  });
  return t;
}
