#!/usr/bin/env node
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError } from '../../src/util/errors';
import { runScript } from '../script';
import { cellSource, formatNotebook, readNotebook } from './ipynb';
import { findJupyterPython, HEADLESS_MODULES, INSTALL_HINT, jupyterEnv } from './jupyter-env';
import { ensureKernelSpec, ensureSelfLink, kernelSpec } from './kernelspec';
import { injectParameters, parametersCellIndex, parseParamDecls } from './params';
import { repoRoot } from './paths';
import { listNotebooks, parseReportArgs, REPORT_USAGE, type ReportArgs, selectNotebooks } from './report-args';
import { main as setupJupyter } from './setup';
import { slimCssFile } from './slim-css';

/** Outcome of one notebook run. */
interface RunOutcome {
  ok: boolean;
  seconds: number;
  /** The kernel's CPU seconds, all threads (execute_notebook.py's `done` event; undefined where unknown). */
  cpu?: number;
  message?: string;
}

const fmt = (s: number): string =>
  s < 60 ? `${s.toFixed(1)}s` : `${Math.floor(Math.round(s) / 60)}m${Math.round(s) % 60}s`; // 119.6 s: 2m0s, not 1m60s

/** The CPU the times were taken on, e.g. `AMD EPYC, 2 cores`: a time means little without it. */
function cpuName(): string {
  const cpus = os.cpus();
  const model = (cpus[0]?.model ?? 'unknown CPU').replace(/\s+/g, ' ').trim();
  return `${model}, ${cpus.length} core${cpus.length === 1 ? '' : 's'}`;
}

/** Names declared in a notebook's parameters cell (empty without one). */
function declaredParams(file: string): Set<string> {
  const nb = readNotebook(file);
  const at = parametersCellIndex(nb);
  return new Set(at < 0 ? [] : parseParamDecls(cellSource(nb.cells[at])).map((d) => d.name));
}

/** Run one notebook through scripts/execute_notebook.py, showing cell progress on a terminal. */
function runOne(
  root: string,
  python: string,
  file: string,
  html: string,
  args: ReportArgs,
  params: Record<string, string>,
): Promise<RunOutcome> {
  const name = path.basename(file, '.ipynb');
  const nb = injectParameters(readNotebook(file), params, args.fast, name);
  // The copy names the kernel it ran on (the export's metadata says which); the committed notebook says tslab.
  const spec = kernelSpec(root, args.kernel) as { display_name: string };
  nb.metadata = {
    ...nb.metadata,
    kernelspec: { display_name: spec.display_name, language: 'typescript', name: args.kernel },
  };
  const tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lstm-anomaly-nb-'));
  const input = path.join(tmpDir, path.basename(file));
  fs.writeFileSync(input, formatNotebook(nb));
  const driver = path.join(root, 'scripts', 'execute_notebook.py');
  const argv = [driver, input, html, '--cwd', path.dirname(file), '--name', name, '--timeout', String(args.timeout)];
  argv.push('--kernel', args.kernel);
  const start = Date.now();
  const tty = process.stdout.isTTY;
  return new Promise((resolve) => {
    const child = spawn(python, argv, { env: jupyterEnv(root), stdio: ['ignore', 'pipe', 'pipe'] });
    let message: string | undefined;
    let cpu: number | undefined;
    let buf = '';
    let errText = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        let ev: { event?: string; number?: number; total?: number; message?: string; cpu?: number | null };
        try {
          ev = JSON.parse(line);
        } catch {
          continue;
        }
        if (ev.event === 'cell' && tty)
          process.stdout.write(`\r  cell ${ev.number}/${ev.total}  ${fmt((Date.now() - start) / 1000)}   `);
        if (ev.event === 'error') message = `${ev.number ? `cell ${ev.number}: ` : ''}${ev.message}`;
        if (ev.event === 'done' && typeof ev.cpu === 'number') cpu = ev.cpu;
      }
    });
    child.stderr.on('data', (d: Buffer) => {
      if (args.verbose) process.stderr.write(d);
      errText = (errText + d.toString()).slice(-4000);
    });
    child.on('close', (code) => {
      if (tty) process.stdout.write('\r\x1b[K');
      fs.rmSync(tmpDir, { recursive: true, force: true });
      const seconds = (Date.now() - start) / 1000;
      if (code === 0) return resolve({ ok: true, seconds, cpu });
      // Never leave an older report behind for a run that produced none: checks would pass on stale output.
      if (fs.existsSync(html) && fs.statSync(html).mtimeMs < start) fs.rmSync(html);
      const last = errText.trim().split('\n').filter(Boolean).pop() ?? `exit code ${code}`;
      resolve({ ok: false, seconds, cpu, message: message ?? last });
    });
  });
}

/** `npm run report`: execute the notebooks headless and write `reports/<notebook>.html`, its CSS cut to what it uses. */
export async function main(argv = process.argv.slice(2)): Promise<number> {
  const args = parseReportArgs(argv);
  if (args.help) {
    console.log(REPORT_USAGE);
    return 0;
  }
  const root = repoRoot();
  const notebooks = selectNotebooks(args.notebooks, listNotebooks(path.join(root, 'notebooks')));
  if (notebooks.length === 0) throw new Error('no notebooks found in notebooks/');
  if (!fs.existsSync(path.join(root, 'dist', 'src', 'index.js')))
    throw new Error('the library is not built: run `npm run build`');
  const declared = notebooks.map(declaredParams);
  for (const key of Object.keys(args.params)) {
    if (!declared.some((d) => d.has(key)))
      throw new InputError(`unknown parameter "${key}": no selected notebook declares it`);
  }
  let py = findJupyterPython([...HEADLESS_MODULES, 'jinja2']);
  if (!py) {
    // First run on a fresh machine: install the headless Jupyter (pip, else apt-get as root), as setup:jupyter does.
    console.log('Jupyter not found: running `npm run setup:jupyter -- --headless` first');
    if (setupJupyter(['--headless']) !== 0) return 1; // it said how to install Jupyter
    py = findJupyterPython([...HEADLESS_MODULES, 'jinja2']);
  }
  if (!py) {
    console.error(INSTALL_HINT);
    return 1;
  }
  ensureKernelSpec(root, args.kernel);
  ensureSelfLink(root);
  try {
    require.resolve('lstm-anomaly/notebook', { paths: [path.join(root, 'notebooks')] });
  } catch {
    throw new Error(
      'notebooks import `lstm-anomaly/notebook`, which package.json does not export (see notebooks/README.md)',
    );
  }
  const out = path.resolve(root, args.out);
  fs.mkdirSync(out, { recursive: true });
  const t0 = Date.now();
  let failed = 0;
  const times: string[] = [];
  console.log(`kernel ${args.kernel}${args.fast ? ', fast mode' : ''}, on ${cpuName()}`);
  for (const [i, file] of notebooks.entries()) {
    const name = path.basename(file, '.ipynb');
    const html = path.join(out, `${name}.html`);
    const params = Object.fromEntries(Object.entries(args.params).filter(([k]) => declared[i].has(k)));
    console.log(`[${i + 1}/${notebooks.length}] ${name}${args.fast ? ' (fast)' : ''}`);
    const r = await runOne(root, py.python, file, html, args, params);
    // nbconvert's lab template inlines all of JupyterLab's CSS: keep the rules this page uses.
    if (fs.existsSync(html)) await slimCssFile(html);
    const rel = path.relative(process.cwd(), html);
    const cpu = r.cpu === undefined ? '' : ` (kernel CPU ${fmt(r.cpu)})`;
    times.push(`${name.slice(0, 2)} ${fmt(r.seconds)}${cpu}${r.ok ? '' : ' FAILED'}`);
    if (r.ok) console.log(`  ok in ${fmt(r.seconds)}${cpu} -> ${rel}`);
    else {
      failed++;
      console.log(`  FAILED after ${fmt(r.seconds)}: ${r.message}${fs.existsSync(html) ? ` (see ${rel})` : ''}`);
    }
  }
  // The times are the point of a full run (each notebook should execute in under a minute): always print them.
  // Wall time grows with whatever else runs; the kernel's CPU time does not (it sums both threads of training).
  const total = fmt((Date.now() - t0) / 1000);
  const ok = `${notebooks.length - failed}/${notebooks.length} notebooks ok on ${args.kernel}`;
  console.log(`${ok} in ${total} (${cpuName()}): ${times.join(', ')}`);
  return failed ? 1 : 0;
}

if (require.main === module) runScript('report', () => main());
