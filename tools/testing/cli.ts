import { type ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

/** The compiled CLI entry (`dist/src/cli/main.js`). */
export const CLI_MAIN = path.join(__dirname, '..', '..', 'src', 'cli', 'main.js');

/** What a finished CLI run gave. */
export interface CliRun {
  code: number | null;
  out: string;
  err: string;
  /** Wall time of the run, ms. */
  ms: number;
}

/** A CLI process still running: its output so far, a way to wait for a line, and its end. */
export interface CliProcess {
  proc: ChildProcess;
  out: () => string;
  err: () => string;
  /** Resolves when stdout or stderr (`which`) has a line matching `re`; rejects after `timeoutMs`. */
  waitFor(re: RegExp, which?: 'out' | 'err', timeoutMs?: number): Promise<void>;
  done: Promise<CliRun>;
}

/**
 * Start `node dist/src/cli/main.js ARGS` in `cwd`, offline (`LSTM_ANOMALY_OFFLINE=1`), stdin ignored.
 *
 * @throws Nothing (a failure to start shows as the run's code null).
 * @example
 * const w = startCli(['worker', '--queue', url], dir); await w.waitFor(/"ready"/);
 */
export function startCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): CliProcess {
  const t0 = Date.now();
  const proc = spawn(process.execPath, [CLI_MAIN, ...args], {
    cwd,
    env: { ...process.env, LSTM_ANOMALY_OFFLINE: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const text = { out: '', err: '' };
  const waiters: (() => void)[] = [];
  proc.stdout!.on('data', (d: Buffer) => {
    text.out += d.toString();
    for (const w of waiters) w();
  });
  proc.stderr!.on('data', (d: Buffer) => {
    text.err += d.toString();
    for (const w of waiters) w();
  });
  const done = new Promise<CliRun>((resolve) =>
    proc.once('close', (code) => resolve({ code, out: text.out, err: text.err, ms: Date.now() - t0 })),
  );
  const waitFor = (re: RegExp, which: 'out' | 'err' = 'out', timeoutMs = 60000) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!re.test(text[which])) return;
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(
        () => reject(new Error(`no ${re} on ${which} in ${timeoutMs} ms:\n${text[which]}`)),
        timeoutMs,
      );
      waiters.push(check);
      check();
      done.then(() => setTimeout(() => reject(new Error(`exited before ${re}:\n${text.out}\n${text.err}`)), 50));
    });
  return { proc, out: () => text.out, err: () => text.err, waitFor, done };
}

/**
 * Run the CLI to its end (see {@link startCli}).
 *
 * @example
 * const r = await runCli(['scan', '--csv-dir', 'in'], dir); assert.equal(r.code, 0, r.err);
 */
export function runCli(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<CliRun> {
  return startCli(args, cwd, env).done;
}

/**
 * Write a deterministic daily price CSV (`Date,Close` from 2020-01-01): a sine of phase `phase`, plus `shock`
 * on six days ending 14 days before the last one.
 *
 * @example
 * priceCsv(path.join(dir, 'AAA.csv'), { rows: 160, shock: 30 });
 */
export function priceCsv(file: string, opts: { rows: number; phase?: number; shock?: number }): void {
  const lines = ['Date,Close'];
  for (let i = 0; i < opts.rows; i++) {
    const d = new Date(Date.UTC(2020, 0, 1) + i * 86400000).toISOString().slice(0, 10);
    const hit = i > opts.rows - 20 && i < opts.rows - 14;
    lines.push(`${d},${(100 + 5 * Math.sin(i / 6 + (opts.phase ?? 0)) + (hit ? (opts.shock ?? 0) : 0)).toFixed(4)}`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

/**
 * Run `node dist/src/cli/main.js ARGS` in `cwd` to the end, offline (`LSTM_ANOMALY_OFFLINE=1` added to `env`, which
 * defaults to this process's environment): exit code, stdout, stderr.
 *
 * @throws Nothing (a failure to start shows as code null).
 * @example
 * const r = runCliSync(['--help'], work); // r.code === 0
 */
export function runCliSync(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [CLI_MAIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...env, LSTM_ANOMALY_OFFLINE: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}
