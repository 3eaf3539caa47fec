/**
 * The work users wait for (issue 27): `evaluate` on the 14 development files and a notebook's full run, each timed
 * end to end in its own process and printed in seconds per file.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findJupyterPython, HEADLESS_MODULES } from '../tools/notebook/jupyter-env';
import { nabLayout } from './nab-layout';

/** One timed piece of work: `seconds` in all over `files` files. */
export interface WorkTiming {
  name: string;
  seconds: number;
  files: number;
  perFile: number;
}

/**
 * A timing with its seconds per file (`seconds` when there are no files).
 * @example
 * workTiming('evaluate', 70, 14).perFile; // 5
 */
export function workTiming(name: string, seconds: number, files: number): WorkTiming {
  return { name, seconds, files, perFile: files > 0 ? seconds / files : seconds };
}

/** One line of the bench's output for a timing. */
export const workLine = (w: WorkTiming): string =>
  `${w.name}: ${w.seconds.toFixed(1)} s, ${w.perFile.toFixed(2)} s per file (${w.files} file${w.files === 1 ? '' : 's'})`;

/** The notebook the bench runs in full (the bundled S&P 500 pipeline). */
export const BENCH_NOTEBOOK = '01';

/**
 * `evaluate` over the development files of `../shared/data/nab` (laid out as NAB does; the LSTM, whole-series
 * defaults, `--jobs auto`, seed 42) and notebook {@link BENCH_NOTEBOOK} run in full (`npm run report`), each timed end to end
 * (Jupyter is set up first where it is missing, outside the timing); with the reason in `skipped` for what could not run.
 * @example
 * workTimings(root).timings.map(workLine);
 */
export function workTimings(root: string): { timings: WorkTiming[]; skipped: string[] } {
  const timings: WorkTiming[] = [];
  const skipped: string[] = [];
  const src = path.resolve(root, '..', 'shared', 'data', 'nab');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-bench-work-'));
  try {
    if (!fs.existsSync(src)) skipped.push(`evaluate: ${path.join('..', 'shared', 'data', 'nab')} is absent`);
    else {
      const dir = nabLayout(src);
      const files = fs.readdirSync(src).filter((f) => f.endsWith('.csv')).length;
      const labels = path.join(src, 'windows.json');
      // as a user runs it: the whole-series defaults (resample auto) and --jobs auto
      const args = ['evaluate', dir, '--labels', labels, '--fit', 'all', '--order', 'keep'];
      const t = timed(root, 'evaluate', [...args, '--seed', '42', '--out', path.join(tmp, 'eval')]);
      if (typeof t === 'string') skipped.push(t);
      else timings.push(workTiming(`evaluate, ${files} development files`, t, files));
      fs.rmSync(path.dirname(dir), { recursive: true, force: true });
    }
    const report = path.join(root, 'dist', 'tools', 'notebook', 'report.js');
    // On a fresh machine `report` first installs Jupyter (about 25 s): a one-time cost, not the notebook's run.
    if (!findJupyterPython([...HEADLESS_MODULES, 'jinja2'])) {
      const setup = path.join(root, 'dist', 'tools', 'notebook', 'setup.js');
      timed(root, 'Jupyter set-up (once per machine; not in the timings)', ['--headless'], setup);
    }
    const t = timed(root, `notebook ${BENCH_NOTEBOOK}`, [BENCH_NOTEBOOK, '--out', path.join(tmp, 'nb')], report);
    if (typeof t === 'string') skipped.push(t);
    else timings.push(workTiming(`notebook ${BENCH_NOTEBOOK}, full run`, t, 1));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  return { timings, skipped };
}

/** Seconds of one run of `script` (the CLI by default) with `args`, or why it failed. */
function timed(root: string, name: string, args: string[], script?: string): number | string {
  process.stdout.write(`  ${name} ...`);
  const t = performance.now();
  const r = spawnSync(process.execPath, [script ?? path.join(root, 'dist', 'src', 'cli', 'main.js'), ...args], {
    encoding: 'utf8',
    cwd: root,
    maxBuffer: 1 << 26,
  });
  const s = (performance.now() - t) / 1000;
  if (r.status !== 0) {
    const why = `${name} failed: ${(r.stderr || r.stdout || '').trim().split('\n').pop()}`;
    console.log(` ${why}`);
    return why;
  }
  console.log(` ${s.toFixed(1)} s`);
  return s;
}
