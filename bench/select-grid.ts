/**
 * Issue 28's selection grid and rule (docs/selection.md, written before any run): the model settings (each
 * retrains), the post-processing settings (applied to the same per-step errors), the measures per set and the
 * rule's verdict per candidate. Used by bench/select.ts.
 */
import { aggregate, type FileRow } from '../src/evaluate/aggregate';
import { overlapSegment } from '../src/evaluate/overlap';
import { autoSmoothing, rollingMean } from '../src/score/steps';
import { joinStepFlags } from '../src/threshold/join-flags';
import { flagRuns } from '../src/threshold/runs';
import { parseStepRule } from '../src/threshold/step-rule';
import { STUCK_RULE } from '../src/threshold/stuck';
import { windowedThreshold } from '../src/threshold/windowed';

/** A model setting: the flags it adds to `evaluate --fit all`, and whether it resamples by the auto rule. */
export interface ModelSetting {
  name: string;
  flags: string[];
  resampleAuto?: boolean;
}

/**
 * The model settings of docs/selection.md, as rounds 2 and 3 ran them: none resamples inside the pipeline
 * (`--resample none`, now that the whole-series defaults resample by the auto rule); those marked `resampleAuto`
 * apply the rule themselves.
 */
export const MODELS: ModelSetting[] = [
  { name: 'D', flags: ['--resample', 'none'] },
  { name: 'resample-auto', flags: ['--resample', 'none'], resampleAuto: true },
  { name: 'epochs-20', flags: ['--resample', 'none', '--epochs', '20'] },
  { name: 'window-50', flags: ['--resample', 'none', '--window', '50'] },
  // round 3 (docs/selection.md): settings that fit a whole series' rare departures less
  { name: 'mae', flags: ['--resample', 'none', '--loss', 'mae'], resampleAuto: true },
  { name: 'dropout-0.2', flags: ['--resample', 'none', '--dropout', '0.2'], resampleAuto: true },
];

/** The model setting of today's whole-series defaults: a round's incumbent unless `--incumbent` names another. */
export const INCUMBENT = 'resample-auto';

/** A post-processing setting. */
export interface PostSetting {
  name: string;
  rule: string;
  smooth: 'auto' | number;
  pad: number;
  prune: number;
  /** Round 4: also flag steps whose unsmoothed error is above mean + rawK·σ of them, padded (`extreme`). */
  rawK?: number;
  /**
   * Round 5 on: also flag runs of repeated inputs too long for the series (`stuckFlags`), padded; `uncapped`:
   * round 5's rule, without the cap on the share of the series that long runs may cover.
   */
  stuck?: 'capped' | 'uncapped';
}

const d: PostSetting = { name: 'd', rule: 'window-sigma:3', smooth: 'auto', pad: 100, prune: 0.13 };
/** The post-processing settings of docs/selection.md (d: today's defaults). */
export const POSTS: PostSetting[] = [
  d,
  { ...d, name: 'k2.5', rule: 'window-sigma:2.5' },
  { ...d, name: 'k4', rule: 'window-sigma:4' },
  { ...d, name: 'smooth-0', smooth: 0 },
  { ...d, name: 'pad-50', pad: 50 },
  { ...d, name: 'prune-0', prune: 0 },
];

/** Round 4's post-processing settings (docs/selection.md): d plus extreme one-step errors. */
export const ROUND4_POSTS: PostSetting[] = [
  { ...d, name: 'raw10', rawK: 10 },
  { ...d, name: 'raw20', rawK: 20 },
];

/**
 * Round 5's and 6's post-processing settings (docs/selection.md): raw20 plus a stuck sensor's runs, without (round 5,
 * `stuck`) and with (round 6, `stuck-rare`) the cap on how much of the series long runs may cover.
 */
export const ROUND5_POSTS: PostSetting[] = [
  { ...d, name: 'stuck', rawK: 20, stuck: 'uncapped' },
  { ...d, name: 'stuck-rare', rawK: 20, stuck: 'capped' },
];

/**
 * The post-processing settings named (`--posts`), in the order given; without names, the grid's six (POSTS).
 *
 * @throws Error for a name that is no setting.
 */
export function postsNamed(names?: string[]): PostSetting[] {
  if (!names) return POSTS;
  const all = [...POSTS, ...ROUND4_POSTS, ...ROUND5_POSTS];
  return names.map((n) => {
    const p = all.find((x) => x.name === n);
    if (!p) throw new Error(`unknown post-processing setting: ${n} (one of ${all.map((x) => x.name).join(', ')})`);
    return p;
  });
}

/** One file's cached run: raw per-step errors and the labels as step spans. */
export interface CachedRun {
  file: string;
  subset: string;
  /** Rows of the file as written (before any resampling). */
  rows: number;
  error?: string;
  raw?: number[];
  spans?: [number, number][];
  /** Labels outside the scored span (each a miss, as evaluate counts them). */
  outside?: number;
  /** Each scored step's input as the model saw it (round 5 on; one column), for the `stuck` rule. */
  x?: number[];
  /** Kind of each label (synthetic set), in span order. */
  kinds?: string[];
  /** What the run chose for aggregation. */
  resample?: string;
  seconds: number;
  /** The pipeline's own overlap counts for the incumbent post-processing (the replay must match them). */
  pipeline?: { tp: number; fp: number; fn: number };
}

/**
 * Events (first and last step) from per-step errors under one post-processing setting, as steps-stage.ts does
 * (`rawK`: the pipeline's `extreme`; `stuck`: runs of repeated inputs `x`, one column).
 *
 * @throws Error when the setting reads inputs and `x` is missing or of another length.
 */
export function replayEvents(raw: ArrayLike<number>, p: PostSetting, x?: ArrayLike<number>): [number, number][] {
  const e = Float64Array.from(raw);
  const width = p.smooth === 'auto' ? autoSmoothing(e.length) : Math.max(p.smooth, 1);
  const scores = rollingMean(e, width);
  const flags = windowedThreshold(scores, parseStepRule(p.rule), { pad: p.pad, prune: p.prune }).flags;
  if (e.length === 0) return flagRuns(flags);
  if (p.stuck && (!x || x.length !== e.length))
    throw new Error(`${p.name}: the run has no inputs of its ${e.length} steps`);
  const joined = joinStepFlags(flags, p.pad, {
    raw: e,
    k: p.rawK ?? 0,
    inputs: p.stuck && x ? { x, features: 1 } : undefined,
    rule: p.stuck === 'uncapped' ? { ...STUCK_RULE, maxCover: 1 } : STUCK_RULE,
  });
  return flagRuns(joined.flags);
}

/** The measures of one set under one candidate. */
export interface SetMeasures {
  /** NAB: mean F1 over labeled sub-folders; synthetic: F1 of the summed counts. */
  headline: number;
  tp: number;
  fp: number;
  fn: number;
  recall: number;
  /** False events per 10,000 rows (as written). */
  fpPer10k: number;
  /** False events on the NAB controls (artificialNoAnomaly). */
  controlFp: number;
  /** Labels found / labels per anomaly kind (synthetic). */
  kinds: Record<string, [number, number]>;
  failed: number;
  /** Files, rows (as written) and labels of the set. */
  files: number;
  steps: number;
  labels: number;
  subsets: { subset: string; tp: number; fp: number; fn: number; f1: number }[];
  /** Files with more than half of their scored steps inside events, and that share (rule 5; round 5 on). */
  overHalf?: { file: string; share: number }[];
}

/** Measure one set's cached runs under a post-processing setting. */
export function measure(set: 'nab' | 'synth', runs: CachedRun[], p: PostSetting): SetMeasures {
  const rows: FileRow[] = [];
  const kinds: Record<string, [number, number]> = {};
  const overHalf: { file: string; share: number }[] = [];
  let steps = 0;
  for (const r of runs) {
    steps += r.rows;
    if (r.error || !r.raw || !r.spans) {
      rows.push({ file: r.file, subset: r.subset, error: r.error ?? 'no scores' });
      continue;
    }
    const ev = replayEvents(r.raw, p, r.x);
    const inside = ev.reduce((n, [a, b]) => n + b - a + 1, 0);
    if (inside > r.raw.length / 2) overHalf.push({ file: r.file, share: inside / r.raw.length });
    const c = overlapSegment(r.spans, ev);
    const counts = { ...c, fn: c.fn + (r.outside ?? 0) };
    rows.push({ file: r.file, subset: r.subset, counts: counts as typeof c });
    r.spans.forEach((s, i) => {
      const k = r.kinds?.[i];
      if (!k) return;
      const hit = ev.some((e) => s[0] <= e[1] && e[0] <= s[1]);
      kinds[k] = [(kinds[k]?.[0] ?? 0) + (hit ? 1 : 0), (kinds[k]?.[1] ?? 0) + 1];
    });
  }
  const agg = aggregate(rows);
  const sum = (k: 'tp' | 'fp' | 'fn'): number => agg.subsets.reduce((s, x) => s + x[k], 0);
  const tp = sum('tp');
  const fp = sum('fp');
  const fn = sum('fn');
  const f1 = tp ? (2 * tp) / (2 * tp + fp + fn) : 0;
  return {
    headline: set === 'nab' ? agg.meanF1 : f1,
    tp,
    fp,
    fn,
    recall: tp + fn ? tp / (tp + fn) : 0,
    fpPer10k: (fp / steps) * 10_000,
    controlFp: agg.subsets.find((s) => s.subset === 'artificialNoAnomaly')?.fp ?? 0,
    kinds,
    failed: agg.subsets.reduce((s, x) => s + x.failed, 0),
    files: runs.length,
    steps,
    labels: tp + fn,
    subsets: agg.subsets.map((s) => ({ subset: s.subset, tp: s.tp, fp: s.fp, fn: s.fn, f1: s.f1 })),
    overHalf,
  };
}

/** A candidate's measures on both sets and the rule's verdict. */
export interface Verdict {
  model: string;
  post: string;
  nab: SetMeasures;
  synth: SetMeasures;
  passes: boolean;
  why: string;
  /** The smaller of the two gains over the incumbent (headline measures, at three decimals). */
  minGain: number;
}

const r3 = (v: number): number => Math.round(v * 1000) / 1000;

/** The rule of docs/selection.md for one candidate against the incumbent. */
export function judge(c: Omit<Verdict, 'passes' | 'why' | 'minGain'>, inc: Verdict | undefined): Verdict {
  if (!inc) return { ...c, passes: false, why: 'the incumbent', minGain: 0 };
  const gN = r3(c.nab.headline) - r3(inc.nab.headline);
  const gS = r3(c.synth.headline) - r3(inc.synth.headline);
  const minGain = r3(Math.min(gN, gS));
  const fails: string[] = [];
  if (!(gN >= 0 && gS >= 0)) fails.push(`worse on ${gN < 0 ? 'NAB' : 'synthetic'} (${(gN < 0 ? gN : gS).toFixed(3)})`);
  else if (!(gN > 0.02 + 1e-9 || gS > 0.02 + 1e-9)) fails.push('no gain above 0.02');
  if (c.nab.controlFp > inc.nab.controlFp) fails.push(`controls ${c.nab.controlFp} false events`);
  if (c.synth.fpPer10k > Math.max(inc.synth.fpPer10k, 1) + 1e-9)
    fails.push(`${c.synth.fpPer10k.toFixed(2)} false events per 10,000 steps`);
  if (!(c.nab.headline >= 0.7)) fails.push('NAB below 0.70');
  if (c.nab.failed > inc.nab.failed || c.synth.failed > inc.synth.failed) fails.push('more failed files');
  // rule 5 (added after round 5): no file made mostly anomalous where the incumbent's events left it mostly normal
  const was = new Set([...(inc.nab.overHalf ?? []), ...(inc.synth.overHalf ?? [])].map((o) => o.file));
  const over = [...(c.nab.overHalf ?? []), ...(c.synth.overHalf ?? [])].filter((o) => !was.has(o.file));
  if (over.length)
    fails.push(
      `events cover over half of ${over.map((o) => `${o.file.slice(o.file.lastIndexOf('/') + 1)} (${(100 * o.share).toFixed(1)}%)`).join(', ')}`,
    );
  const passes = fails.length === 0;
  return {
    ...c,
    passes,
    minGain,
    why: passes ? `passes (gains NAB ${gN.toFixed(3)}, synthetic ${gS.toFixed(3)})` : fails.join('; '),
  };
}

/** The adopted candidate: the passing one of largest smaller gain, ties to the earlier (cheaper) one; or none. */
export function winner(verdicts: Verdict[]): Verdict | undefined {
  return verdicts.filter((v) => v.passes).sort((a, b) => b.minGain - a.minGain)[0];
}
