import { type ChildProcess, fork } from 'child_process';
import * as path from 'path';
import type { BackendChoice } from '../../backend/select';
import type { EvaluatedFile } from '../../report/evaluation';
import { type FileTask, failedRow } from './evaluate-file';
import type { JobPlan } from './evaluate-jobs';

/**
 * Run `evaluate`'s files in `plan.jobs` child processes (evaluate-child.js), each file in one child with the code
 * `evaluate` runs in-process, so a file gives the same row wherever it runs. Rows come back in file order; a
 * child that dies makes its file a row with the error, and the next file gets a new child. `onDone` is called
 * as each file finishes (in the order they finish). With `plan.oneThread` each child trains on one thread. When `stop` aborts, no new file starts and every child is
 * stopped (SIGTERM) and waited for; the rows are then those of the files that finished.
 *
 * @throws never (failures are rows).
 * @example
 * const rows = await evaluateInChildren(tasks, { jobs: 2, oneThread: true }, 'wasm', (r) => console.error(r.row.file));
 */
export async function evaluateInChildren(
  tasks: FileTask[],
  plan: JobPlan,
  backend: BackendChoice,
  onDone: (r: EvaluatedFile) => void,
  stop?: AbortSignal,
): Promise<EvaluatedFile[]> {
  const script = path.join(__dirname, 'evaluate-child.js');
  const results: EvaluatedFile[] = new Array(tasks.length);
  let next = 0;
  let seq = 0;
  const live = new Set<ChildProcess>();
  const exited = (c: ChildProcess): Promise<void> =>
    c.exitCode !== null || c.signalCode !== null ? Promise.resolve() : new Promise((r) => c.once('exit', () => r()));
  const stopAll = (): void => {
    for (const c of live) c.kill('SIGTERM');
  };
  stop?.addEventListener('abort', stopAll, { once: true });
  const runOn = async (): Promise<void> => {
    let child: ChildProcess | null = null;
    try {
      while (next < tasks.length && !stop?.aborted) {
        const i = next++;
        const t0 = Date.now();
        child ??= fork(script, [], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
        const c = child;
        live.add(c);
        const mine = ++seq;
        // a child that exits during the job leaves its file a failed row, and the next file a new child
        const { row, died } = await new Promise<{ row: EvaluatedFile; died: boolean }>((resolve) => {
          const onMsg = (m: { seq: number; result: EvaluatedFile }) => {
            if (m.seq !== mine) return;
            done();
            resolve({ row: m.result, died: false });
          };
          const onExit = (code: number | null, sig: string | null) => {
            done();
            const why = `evaluate child exited (${sig ?? `code ${code}`})`;
            resolve({ row: failedRow(tasks[i].rel, why, (Date.now() - t0) / 1000), died: true });
          };
          const done = () => {
            c.off('message', onMsg);
            c.off('exit', onExit);
          };
          c.on('message', onMsg);
          c.on('exit', onExit);
          // a child gone before the job reached it shows as its exit; the send error itself is not news
          c.send(
            { seq: mine, backend, oneThread: plan.oneThread, task: tasks[i] },
            (e) => e && onExit(c.exitCode, c.signalCode),
          );
        });
        if (died) {
          live.delete(c);
          child = null;
        }
        // Ctrl-C reaches the children too, and their exit may come before this process's own signal handler
        if (died && !stop?.aborted && /SIGINT|SIGTERM/.test(row.row.error ?? ''))
          await new Promise((r) => setTimeout(r, 200));
        if (died && stop?.aborted) break; // stopped: the file did not finish, it is no row
        results[i] = row;
        onDone(results[i]);
      }
    } finally {
      if (child) {
        child.kill();
        await exited(child);
        live.delete(child);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(plan.jobs, tasks.length)) }, runOn));
  stop?.removeEventListener('abort', stopAll);
  return results.filter((r) => r !== undefined);
}
