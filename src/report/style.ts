/**
 * The report's stylesheet: system fonts only (no web fonts, nothing fetched), cards on a light grey page,
 * two-column chart grid on wide screens, sticky table headers, print-friendly.
 *
 * @example
 * const head = `<style>${REPORT_CSS}</style>`;
 */
export const REPORT_CSS = `
:root { --fg: #1f2937; --muted: #6b7280; --line: #e5e7eb; --bg: #f3f4f6; --card: #ffffff;
  --blue: #2563eb; --red: #dc2626; --amber-bg: #fffbeb; --amber: #b45309; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--fg);
  font: 14px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif; }
main { max-width: 1240px; margin: 0 auto; padding: 24px 24px 48px; }
header.top { padding: 4px 0 16px; }
header.top h1 { margin: 0; font-size: 26px; font-weight: 650; letter-spacing: -0.01em; }
header.top .sub { color: var(--muted); margin-top: 4px; }
header.top code, td code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.92em;
  background: #eef2ff; color: #3730a3; padding: 1px 6px; border-radius: 4px; }
.banner { border: 1px solid #fcd34d; border-left: 5px solid #f59e0b; background: var(--amber-bg); color: var(--amber);
  padding: 12px 16px; border-radius: 8px; margin: 0 0 16px; }
.banner strong { color: #92400e; }
.summary { display: grid; grid-template-columns: repeat(4, 1fr); gap: 12px; margin-bottom: 20px; }
@media (max-width: 760px) { .summary { grid-template-columns: repeat(2, 1fr); } }
.stat { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px; }
.stat .k { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.04em; }
.stat .v { font-size: 20px; font-weight: 600; margin-top: 2px; overflow-wrap: anywhere; }
.stat .d { color: var(--muted); font-size: 12px; }
.stat.alert .v { color: var(--red); }
section.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 18px 20px;
  margin-bottom: 20px; box-shadow: 0 1px 2px rgba(0, 0, 0, 0.04); }
section.card > h2 { margin: 0 0 4px; font-size: 18px; font-weight: 620; }
.caption { color: var(--muted); margin: 2px 0 8px; font-size: 13px; }
.grid2 { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; margin-bottom: 12px; }
@media (max-width: 900px) { .grid2 { grid-template-columns: 1fr; } }
.plot { width: 100%; }
.scroll { max-height: 420px; overflow: auto; border: 1px solid var(--line); border-radius: 8px; margin-top: 12px; }
.scroll, table.kv { max-width: 720px; }
table.kv td:first-child { color: #374151; font-weight: 500; width: 40%; }
table { border-collapse: collapse; width: 100%; font-size: 13px; }
th, td { padding: 7px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
th { background: #f9fafb; position: sticky; top: 0; font-weight: 600; color: #374151; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
tr:last-child td { border-bottom: 0; }
tbody tr:hover { background: #f9fafb; }
.empty { color: var(--muted); font-style: italic; padding: 8px 0; }
footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 8px; }
@media print { body { background: #fff; } section.card { break-inside: avoid; box-shadow: none; } .scroll { max-height: none; } }
`;
