/**
 * Text from the data (column names, sources, titles) made plain for Plotly, whose labels understand a little
 * HTML (`<a href>`, `<b>`, `<span style>`, `<br>`) and entities: `&`, `<` and `>` become entities, so the
 * text shows as written and makes no links, styles or line breaks.
 *
 * @throws never.
 * @example
 * plotText('<a href="https://x.y">Close</a>'); // '&lt;a href="https://x.y"&gt;Close&lt;/a&gt;'
 */
export function plotText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
