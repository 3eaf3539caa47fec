import { type Counts, scoreCounts } from './counts';

/** One file's result in an evaluation: its overlap-segment counts, or the one-line error that stopped it. */
export interface FileRow {
  /** Path relative to the evaluated folder, `subset/file.csv`. */
  file: string;
  /** Sub-folder (`.` for files at the top). */
  subset: string;
  counts?: Counts;
  /** The other measures of the file (absent for a failed file). */
  measures?: FileMeasures;
  error?: string;
  seconds?: number;
  /** What `--resample auto` chose for the file (`10min` or `none`) and why. */
  resample?: { chosen: string; why: string };
}

/** One file's measures besides the overlap counts, for the folder's means (NaN where the file has none). */
export interface FileMeasures {
  vusPr: number;
  vusRoc: number;
  rangeF1: number;
  affiliationF1: number;
  nabScore: number;
  /** NAB's raw, null-detector and perfect-detector scores, summed over files for NAB's corpus score. */
  nabRaw: number;
  nabNull: number;
  nabPerfect: number;
  /** UCR top-1 hit; undefined for a file without labels. */
  ucrTop1?: boolean;
  /** Only with --point-adjust. */
  pointAdjustedF1?: number;
}

/** The measures over every file that ran. */
export interface MeasureMeans {
  /** Files that ran (with measures). */
  files: number;
  /** Means over the files where the measure is defined (VUS and affiliation need a label). */
  vusPr: number;
  vusRoc: number;
  rangeF1: number;
  affiliationF1: number;
  /** NAB's corpus score: 100 (Σ raw - Σ null) / (Σ perfect - Σ null) over the files, as NAB totals a corpus. */
  nabScore: number;
  /** UCR accuracy: share of the files with labels whose top-1 step hits one. */
  ucrTop1: number;
  pointAdjustedF1?: number;
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
  /** VUS, range-based, affiliation, NAB and UCR top-1 over every file that ran. */
  measures: MeasureMeans;
}

function meanOf(v: (number | undefined)[]): number {
  const ok = v.filter((x): x is number => x !== undefined && Number.isFinite(x));
  return ok.length ? ok.reduce((a, b) => a + b, 0) / ok.length : NaN;
}

/**
 * The measures of the files that ran: means where defined, NAB's corpus score from summed raw, null and perfect
 * scores, and the share of UCR top-1 hits.
 *
 * @throws never.
 * @example
 * measureMeans([]).files; // 0
 */
export function measureMeans(files: FileRow[]): MeasureMeans {
  const m = files.filter((f) => !f.error && f.measures).map((f) => f.measures!);
  const sum = (k: 'nabRaw' | 'nabNull' | 'nabPerfect'): number => m.reduce((s, x) => s + x[k], 0);
  const ucr = m.filter((x) => x.ucrTop1 !== undefined);
  const pa = m.some((x) => x.pointAdjustedF1 !== undefined);
  return {
    files: m.length,
    vusPr: meanOf(m.map((x) => x.vusPr)),
    vusRoc: meanOf(m.map((x) => x.vusRoc)),
    rangeF1: meanOf(m.map((x) => x.rangeF1)),
    affiliationF1: meanOf(m.map((x) => x.affiliationF1)),
    nabScore: (100 * (sum('nabRaw') - sum('nabNull'))) / (sum('nabPerfect') - sum('nabNull')),
    ucrTop1: ucr.length ? ucr.filter((x) => x.ucrTop1).length / ucr.length : NaN,
    ...(pa ? { pointAdjustedF1: meanOf(m.map((x) => x.pointAdjustedF1)) } : {}),
  };
}

/**
 * Orion's leaderboard aggregation (`orion/results.py`): tp, fp and fn are SUMMED over the files of each
 * sub-folder, precision, recall and F1 computed from the sums, then F1 averaged over sub-folders. Failed files
 * are listed with their error and count nowhere; a sub-folder with no labels (tp + fn = 0) has no F1 and is
 * left out of the mean (its false positives still show). The other measures are taken over files
 * (`measureMeans`).
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
  return { files, subsets, meanF1, averaged: scored.map((s) => s.subset), measures: measureMeans(files) };
}
