import { useBackend } from '../../backend/active';
import type { BackendChoice } from '../../backend/select';
import { capWorkers } from '../../model';
import { evaluateOne, type FileTask, failedRow } from './evaluate-file';

/** A job for an `evaluate --jobs` child: a file, on a backend (selected once per child). */
export interface ChildJob {
  seq: number;
  backend: BackendChoice;
  /** Train on one thread (the children fill the cores). */
  oneThread?: boolean;
  task: FileTask;
}

/**
 * Entry point of an `evaluate --jobs N` child process (see evaluate-pool.ts): runs each file it is sent with
 * {@link evaluateOne}, the code `evaluate` runs in-process, and sends the row back. When the parent goes away
 * (its channel closes) the child exits at once instead of training on for nobody.
 */
let ready: Promise<unknown> | null = null;
process.on('disconnect', () => process.exit(0));
process.on('message', async (m: ChildJob) => {
  if (m.oneThread) capWorkers(0);
  ready ??= useBackend(m.backend);
  let result: unknown;
  try {
    await ready;
    result = await evaluateOne(m.task);
  } catch (e) {
    // evaluateOne turns every failure into a row; this is the backend failing to start.
    result = failedRow(m.task.rel, e, 0);
  }
  if (process.connected) process.send?.({ seq: m.seq, result }, (e: Error | null) => e && process.exit(0));
});
