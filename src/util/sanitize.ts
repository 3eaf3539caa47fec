/* eslint-disable no-control-regex */
/** ANSI escape sequences (CSI `ESC [ ... final`, OSC `ESC ] ... BEL|ESC \`, and two-byte `ESC x`). */
const ANSI_RE =
  /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|\u001b[@-_]?|\u009b[0-?]*[ -/]*[@-~]/g;
/** C0 and C1 control characters and DEL (tab, line feed and carriage return included). */
const CONTROL_RE = /[\u0000-\u001f\u007f-\u009f]/g;

/**
 * Text from the data made safe to print on a terminal or put in a one-line message: ANSI escape sequences are
 * removed, tabs and line breaks become a space, other control
 * characters are removed, so nothing can move the cursor,
 * change colours, set the window title or split a message across lines.
 *
 * @throws never.
 * @example
 * stripControl('\u001b[31mClose\u001b[0m'); // 'Close'
 * stripControl('a\nb\tc'); // 'a b c'
 */
export function stripControl(text: string): string {
  return text
    .replace(ANSI_RE, '')
    .replace(/[\t\n\r]+/g, ' ')
    .replace(CONTROL_RE, '');
}

/** A plain number as text (left alone by {@link spreadsheetSafe}: `-0.5` is a value, not a formula). */
const NUMBER_RE = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * A CSV cell's text that a spreadsheet will not run as a formula: text starting with `=`, `+`, `-`, `@`, a tab or
 * a carriage return gets a leading `'` (as OWASP and the spreadsheet tools advise); plain numbers stay as they are.
 *
 * @throws never.
 * @example
 * spreadsheetSafe('=HYPERLINK("x")'); // "'=HYPERLINK(\"x\")"
 * spreadsheetSafe('-0.25'); // '-0.25'
 */
export function spreadsheetSafe(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !NUMBER_RE.test(text) ? `'${text}` : text;
}
