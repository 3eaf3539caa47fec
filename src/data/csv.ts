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
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  const starts: number[] = [];
  let line = 1;
  let field = '';
  let record: string[] = [];
  let recordLine = 1;
  let quoted = false; // the current field started with a quote (so it is not "blank")
  let i = 0;
  const endRecord = (): void => {
    record.push(field);
    if (!(record.length === 1 && record[0] === '' && !quoted)) {
      records.push(record);
      starts.push(recordLine);
    }
    record = [];
    field = '';
    quoted = false;
  };
  while (i < src.length) {
    const c = src[i];
    if (c === '"' && field === '' && !quoted) {
      quoted = true;
      const open = line;
      i++;
      for (;;) {
        if (i >= src.length) throw new InputError(`${name} line ${open}: unterminated quoted field`);
        const q = src[i];
        if (q === '"') {
          if (src[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        if (q === '\n' || (q === '\r' && src[i + 1] !== '\n')) line++;
        field += q;
        i++;
      }
      continue;
    }
    if (c === ',') {
      record.push(field);
      field = '';
      quoted = false;
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      field += c;
      i++;
    }
  }
  if (field !== '' || record.length > 0 || quoted) endRecord();
  if (records.length === 0) return { header: [], rows: [], lines: [], headerLine: 0 };
  return { header: records[0].map((h) => h.trim()), rows: records.slice(1), lines: starts.slice(1), headerLine: starts[0] };
}
