import { parentPort } from 'worker_threads';
import type { Series } from '../data/series';
import { LstmAutoencoderDetector } from '../detector/lstm/detector';
import type { DetectorState } from '../detector/lstm/state';
import type { EpochRecord } from '../model';
import { isInputError } from '../util/errors';
import { refitDetector } from './refit';

/** What the refit worker is sent: the current model's state, the rows to train on, the epochs. */
export interface RefitJob {
  state: DetectorState;
  recent: Series;
  epochs: number;
}

/** What it answers: the refitted state and its training history, or why it failed (`input`: an InputError). */
export type RefitReply =
  | { ok: true; state: DetectorState; history: EpochRecord[] }
  | { ok: false; input: boolean; message: string };

/**
 * The refit worker's body: rebuild the current model, refit it (see {@link refitDetector}) and give back its state.
 *
 * @example
 * const reply = await refitJob({ state: det.toState(), recent, epochs: 5 });
 */
export async function refitJob(job: RefitJob): Promise<RefitReply> {
  try {
    const current = await LstmAutoencoderDetector.fromState(job.state);
    const next = await refitDetector(current, job.recent, job.epochs);
    current.dispose();
    const reply: RefitReply = { ok: true, state: next.toState(job.state.extra), history: next.training!.history };
    next.dispose();
    return reply;
  } catch (e) {
    return { ok: false, input: isInputError(e), message: e instanceof Error ? e.message : String(e) };
  }
}

parentPort?.on('message', (job: RefitJob) => {
  void refitJob(job).then((reply) => parentPort!.postMessage(reply));
});
