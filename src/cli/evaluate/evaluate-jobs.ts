import * as os from 'os';
import { detectorTrains } from '../../detector/registry';
import { invalid } from '../../util/errors';

/** How `evaluate` runs its files: how many at once, and whether each child trains on one thread. */
export interface JobPlan {
  /** Files at once (1: in this process, one after the other). */
  jobs: number;
  /** Each child trains its model on one thread (the children already fill the cores). */
  oneThread: boolean;
}

/** The cores this process may use. */
export function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * Check the text of `--jobs`: a positive whole number, or `auto`.
 *
 * @throws InputError `invalid --jobs: x (a positive whole number, or auto)`.
 * @example
 * jobsFlag('2'); // '2'
 */
export function jobsFlag(text: string, name = '--jobs'): string {
  const t = text.trim();
  const n = Number(t);
  if (t !== 'auto' && (!/^\d+$/.test(t) || !Number.isSafeInteger(n) || n < 1)) {
    throw invalid(name, text, 'a positive whole number, or auto');
  }
  return t;
}

/**
 * The plan for `--jobs` (a positive whole number, or `auto`, the default). `auto` runs one file per core when the
 * detectors train a network (seconds a file: see {@link detectorTrains}) and there are two files or more, each
 * child training on one thread; otherwise one file at a time in this process (a child's start costs more than a
 * baseline's whole file). With a number, children train on one thread when they fill the cores (`jobs` x 2 >
 * `cores`). The rows are the same either way (the engine gives the same numbers on one thread and on two).
 *
 * @throws InputError `invalid --jobs: x (a positive whole number, or auto)`.
 * @example
 * planJobs('auto', 14, ['lstm'], 2); // { jobs: 2, oneThread: true }
 * planJobs('auto', 14, ['zscore'], 2); // { jobs: 1, oneThread: false }
 * planJobs('3', 14, ['lstm'], 8); // { jobs: 3, oneThread: false }
 */
export function planJobs(
  text: string | undefined,
  files: number,
  detectors: string[],
  cores = availableCores(),
): JobPlan {
  const t = (text ?? 'auto').trim();
  if (t === 'auto') {
    const jobs = cores >= 2 && files >= 2 && detectors.some(detectorTrains) ? Math.min(cores, files) : 1;
    return { jobs, oneThread: jobs > 1 };
  }
  const jobs = Math.min(Number(jobsFlag(t)), Math.max(files, 1));
  return { jobs, oneThread: jobs > 1 && jobs * 2 > cores };
}
