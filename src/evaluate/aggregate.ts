import { type Counts, scoreCounts } from './counts';

/** One file's result in an evaluation: its overlap-segment counts, or the one-line error that stopped it. */
export interface FileRow {
  /** Path relative to the evaluated folder, `subset/file.csv`. */
  file: string;
  /** Sub-folder (`.` for files at the top). */
  subset: string;
  counts?: Counts;
  error?: string;
  seconds?: number;
}

/** Counts summed over a sub-folder's files, and the scores from the sums. */
export interface SubsetRow extends Counts {
  subset: string;
  files: number;
  failed: number;
}

/** The whole table. */
export interface Aggregate {
  files: FileRow[];
  subsets: SubsetRow[];
  /** Mean F1 over sub-folders that hold at least one label (others have no F1 to average). */
  meanF1: number;
  /** Sub-folders averaged in meanF1. */
  averaged: string[];
}

/**
 * Orion's leaderboard aggregation (`orion/results.py`): tp, fp and fn are SUMMED over the files of each
 * sub-folder, precision, recall and F1 computed from the sums, then F1 averaged over sub-folders. Failed files
 * are listed with their error and count nowhere; a sub-folder with no labels (tp + fn = 0) has no F1 and is
 * left out of the mean (its false positives still show).
 *
 * @throws never.
 * @example
 * aggregate([{ file: 'a/x.csv', subset: 'a', counts: scoreCounts(1, 0, 0) }]).meanF1; // 1
 */
export function aggregate(files: FileRow[]): Aggregate {
  const names = [...new Set(files.map((f) => f.subset))].sort();
  const subsets = names.map((subset) => {
    const mine = files.filter((f) => f.subset === subset);
    const ok = mine.filter((f) => f.counts && !f.error);
    const sum = (k: 'tp' | 'fp' | 'fn'): number => ok.reduce((s, f) => s + f.counts![k], 0);
    const counts = scoreCounts(sum('tp'), sum('fp'), sum('fn'));
    return { subset, files: mine.length, failed: mine.length - ok.length, ...counts };
  });
  const scored = subsets.filter((s) => s.tp + s.fn > 0);
  const meanF1 = scored.length ? scored.reduce((s, r) => s + r.f1, 0) / scored.length : NaN;
  return { files, subsets, meanF1, averaged: scored.map((s) => s.subset) };
}
