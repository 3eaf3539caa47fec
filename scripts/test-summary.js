// A node:test reporter (`node --test --test-reporter=./scripts/test-summary.js`) for `npm test`: one line per
// failing test as it happens, then Node's own counts as TAP summary lines (`# tests N`, `# pass N`, ...), each
// failure again with the first line of its error, and the closing line `N passed, N failed, N skipped`.
// scripts/run-tests.js writes the full spec report beside it (reports/tests.log).

const path = require('path');

/** The first non-empty line of what a failed test threw (the assertion's cause, not the runner's wrapper). */
function firstLine(error) {
  let e = error;
  while (e && e.code === 'ERR_TEST_FAILURE' && e.cause) e = e.cause;
  const text = e instanceof Error ? e.message || String(e) : String(e);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  // assert's 'Expected values to be strictly equal:' says what differs on the next line.
  if (lines.length > 1 && lines[0].endsWith(':')) return `${lines[0]} ${lines[1]}`;
  return lines[0] ?? '(no message)';
}

/** Where a test lives, relative to the working directory (the file of a test that failed to load is its name). */
function where(data) {
  return data.file ? path.relative(process.cwd(), data.file) : '';
}

module.exports = async function* summary(source) {
  const counts = new Map();
  const failures = [];
  const stderr = new Map(); // file -> the first line of its stderr that names an error (a file that fails to load)
  for await (const event of source) {
    const { type, data } = event;
    if (type === 'test:stderr' && data.file && !stderr.has(data.file)) {
      const m = /^\s*(\w*Error\b.*)$/m.exec(data.message);
      if (m) stderr.set(data.file, m[1].trim());
    } else if (type === 'test:fail' && data.details?.type !== 'suite') {
      const file = where(data);
      const whole = data.file && data.name === data.file;
      const name = whole ? file : file ? `${file} > ${data.name}` : data.name;
      const line = (whole && stderr.get(data.file)) || firstLine(data.details?.error);
      failures.push({ name, line });
      yield `✖ ${name}: ${line}\n`;
    } else if (type === 'test:diagnostic' && data.nesting === 0) {
      const m = /^(tests|suites|pass|fail|cancelled|skipped|todo|duration_ms) ([\d.]+)$/.exec(data.message);
      if (m) counts.set(m[1], Number(m[2]));
    }
  }
  const n = (k) => counts.get(k) ?? 0;
  for (const k of ['tests', 'pass', 'fail', 'cancelled', 'skipped', 'todo']) yield `# ${k} ${n(k)}\n`;
  yield `# duration_ms ${Math.round(n('duration_ms'))}\n`;
  if (failures.length) {
    yield `\nfailed (${failures.length}):\n`;
    for (const f of failures) yield `  ${f.name}\n    ${f.line}\n`;
  }
  yield `\n${n('pass')} passed, ${n('fail') + n('cancelled')} failed, ${n('skipped') + n('todo')} skipped\n`;
};
