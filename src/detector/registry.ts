import * as fs from 'fs';
import * as path from 'path';
import type { BackendChoice } from '../backend/select';
import { resolveSpec } from '../model';
import { InputError, isInputError } from '../util/errors';
import { keyword } from '../util/keyword';
import { AerWindowDetector, checkAerOptions } from './aer/detector';
import type { BaselineState } from './baseline';
import type { AnyDetectorOptions, Detector, DetectorKind } from './contract';
import { DenseWindowDetector } from './dense/detector';
import { EnsembleDetector, type EnsembleState, type MemberFactory } from './ensemble/detector';
import { ensembleMembers, isEnsembleName } from './ensemble/name';
import { IForestWindowDetector } from './iforest/detector';
import { checkModelSize } from './limits';
import { LstmAutoencoderDetector } from './lstm/detector';
import type { DetectorState } from './lstm/state';
import { MpWindowDetector } from './mp/detector';
import { checkWindow } from './mp/mp';
import { checkComponents, PcaWindowDetector } from './pca/detector';
import { ZScoreWindowDetector } from './zscore/detector';

/** Where a saved detector is loaded from: its directory (model.json, and weights.bin for the LSTM). */
export interface LoadFrom {
  dir: string;
  /** Load on this tfjs backend instead of the saved one (lstm, dense). */
  backend?: BackendChoice;
}

/** The options a detector's {@link DetectorEntry.check} sees (resolved: defaults filled in). */
export type CheckedOptions = Pick<AnyDetectorOptions, 'window' | 'encoder' | 'batchSize' | 'components'> & {
  /** The run's detector name (an ensemble's `check` reads its members from it). */
  detector?: string;
};

/**
 * Everything the product knows about one detector kind; {@link DETECTORS} holds one per kind. A new detector is its
 * folder (the algorithm, and the `Detector` class whose file adds its kind to `DetectorKinds` in contract.ts) and
 * one entry here: the compiler names a kind without an entry, and an entry without a kind.
 */
export interface DetectorEntry {
  /** What the report calls it (the report's subtitle). */
  name: string;
  /** What its score is, in words (the compare report). */
  score: string;
  /** Its words in `--detector`'s help, after the kind ('' for none). */
  hint: string;
  /** A new, unfitted detector with options (defaults filled in). @throws InputError for invalid options. */
  create(options: Partial<AnyDetectorOptions> & { detector?: string }): Detector;
  /** A saved detector from its parsed model.json. @throws InputError naming the file for an invalid state. */
  fromState(state: unknown, from: LoadFrom): Promise<Detector>;
  /**
   * Checks of resolved options against the data's feature count, before any data is read or anything fitted
   * (`checkRunOptions` of pipeline/resolve.ts calls it). @throws InputError naming the option and its limit.
   */
  check?(options: CheckedOptions, features: number): void;
  /**
   * Whether fitting trains a network (seconds a file, not a fraction of one): `evaluate --jobs auto` then runs
   * files side by side in child processes (see {@link detectorTrains}; an ensemble's members decide for it).
   */
  trains: boolean;
}

/** A baseline's loader, naming model.json in any error of its state. */
function baseline(load: (state: BaselineState<never>, from: LoadFrom) => Detector | Promise<Detector>) {
  return async (state: unknown, from: LoadFrom): Promise<Detector> => {
    try {
      return await load(state as BaselineState<never>, from);
    } catch (e) {
      if (isInputError(e)) throw new InputError(`${path.join(from.dir, 'model.json')}: ${e.message}`);
      throw e;
    }
  };
}

/**
 * The detectors there are, by kind, in `--help` order ('lstm', the default, first): one entry each.
 *
 * @example
 * DETECTORS.pca.name; // 'PCA reconstruction'
 * const det = DETECTORS.zscore.create({ window: 20 });
 */
export const DETECTORS = {
  lstm: {
    name: 'LSTM autoencoder',
    score: 'reconstruction MAE of the LSTM autoencoder',
    hint: 'autoencoder',
    trains: true,
    create: (o) => new LstmAutoencoderDetector(o),
    // the LSTM's own loader reads model.json and weights.bin, and names the file in its errors
    fromState: (_state, from) => LstmAutoencoderDetector.load(from.dir, from),
    // window, batch and model size within what the engine can allocate
    check: (o, features) =>
      checkModelSize(resolveSpec({ window: o.window, encoder: o.encoder, features }), o.batchSize),
  },
  pca: {
    name: 'PCA reconstruction',
    score: 'reconstruction MAE of the principal components',
    hint: '',
    trains: false,
    create: (o) => new PcaWindowDetector(o),
    fromState: baseline((s) => PcaWindowDetector.fromState(s)),
    check: checkComponents,
  },
  zscore: {
    name: 'rolling z-score',
    score: "largest rolling |z| of the window's steps",
    hint: '',
    trains: false,
    create: (o) => new ZScoreWindowDetector(o),
    fromState: baseline((s) => ZScoreWindowDetector.fromState(s)),
  },
  iforest: {
    name: 'isolation forest',
    score: 'isolation-forest anomaly score (0.5: ordinary, near 1: isolated fast)',
    hint: '',
    trains: false,
    create: (o) => new IForestWindowDetector(o),
    fromState: baseline((s) => IForestWindowDetector.fromState(s)),
  },
  dense: {
    name: 'dense autoencoder',
    score: 'reconstruction MAE of the dense autoencoder',
    hint: 'autoencoder on rows of a table',
    trains: true,
    create: (o) => new DenseWindowDetector(o),
    fromState: baseline((s, from) => DenseWindowDetector.fromState(s, from)),
  },
  mp: {
    name: 'matrix-profile discords',
    score: 'z-normalised distance to the nearest non-trivial neighbour (matrix profile)',
    hint: 'matrix-profile discords',
    trains: false,
    create: (o) => new MpWindowDetector(o),
    fromState: baseline((s) => MpWindowDetector.fromState(s)),
    check: (o) => checkWindow(o.window),
  },
  aer: {
    name: 'AER (bidirectional LSTM, reconstruction and regression)',
    score: 'product of the normalised reconstruction and regression errors per step, mean over the window (Orion AER)',
    hint: 'bidirectional LSTM, reconstruction and regression',
    trains: true,
    create: (o) => new AerWindowDetector(o),
    fromState: baseline((s) => AerWindowDetector.fromState(s)),
    check: checkAerOptions,
  },
  ensemble: {
    name: "ensemble (the mean of its members' normalised per-step scores)",
    score: "mean of the members' per-step scores, each divided by its median per-step score on the fitted part",
    hint: "ensemble:A,B[,C]: the mean of the members' normalised scores",
    trains: false,
    create: (o) => new EnsembleDetector(o, memberFactory()),
    fromState: (state, from) => EnsembleDetector.load(state as EnsembleState, from.dir, memberFactory(from)),
    // each member's own checks, on the same options
    check: (o, features) => {
      for (const k of ensembleMembers(o.detector ?? 'ensemble', DETECTOR_KINDS))
        (DETECTORS[k] as DetectorEntry).check?.(o, features);
    },
  },
} satisfies Record<DetectorKind, DetectorEntry>;

/**
 * The single detectors there are (the keys of {@link DETECTORS} but `ensemble`, whose runs are named
 * `ensemble:A,B[,C]` of these); 'lstm' is the default.
 */
export const DETECTOR_KINDS: readonly DetectorKind[] = (Object.keys(DETECTORS) as DetectorKind[]).filter(
  (k) => k !== 'ensemble',
);

/** A detector's name as a run gives it: one of {@link DETECTOR_KINDS}, or an ensemble of them `ensemble:A,B[,C]`. */
export type DetectorName = DetectorKind | `ensemble:${string}`;

/**
 * How an ensemble makes, rebuilds and loads its members: by this registry (on `from.backend` where given).
 *
 * @throws never (its functions throw as the members' own do).
 * @example
 * const copy = await EnsembleDetector.fromState(det.toState(), memberFactory());
 */
export function memberFactory(from: { backend?: BackendChoice } = {}): MemberFactory {
  return {
    kinds: DETECTOR_KINDS,
    create: (kind, options) => DETECTORS[kind].create(options),
    // the LSTM's entry loads from a folder; in memory its state is rebuilt directly
    fromState: (kind, state) =>
      kind === 'lstm'
        ? LstmAutoencoderDetector.fromState(state as DetectorState, from)
        : DETECTORS[kind].fromState(state, { ...from, dir: '' }),
    load: (dir) => loadAnyDetector(dir, from),
  };
}

/**
 * Check a run's detector name: one of {@link DETECTOR_KINDS}, or an ensemble of them (`ensemble:A,B[,C]`: at
 * least two, none twice, no ensemble inside). `label` names it in the error (`--detector` for the flag).
 *
 * @throws InputError `invalid detector: x (one of: lstm, pca, ...)`, or for an ensemble what is wrong with it.
 * @example
 * detectorName('ensemble:lstm,pca'); // 'ensemble:lstm,pca'
 * detectorName('ensemble:lstm,foo'); // throws: invalid detector: ensemble:lstm,foo (unknown member foo; ...)
 */
export function detectorName(name: unknown, label = 'detector'): DetectorName {
  if (typeof name === 'string' && isEnsembleName(name)) {
    ensembleMembers(name, DETECTOR_KINDS, label);
    return name as DetectorName;
  }
  return keyword(label, name, DETECTOR_KINDS);
}

/**
 * The entry of a kind or of a run's detector name (an ensemble's name `ensemble:A,B[,C]` is checked and gives the
 * ensemble's entry; see {@link DETECTORS}).
 *
 * @throws InputError `invalid detector: x (one of: lstm, pca, zscore, iforest, dense, mp)`, or a bad ensemble.
 * @example
 * detectorEntry('pca').name; // 'PCA reconstruction'
 */
export function detectorEntry(kind: string): DetectorEntry {
  const name = detectorName(kind);
  return DETECTORS[isEnsembleName(name) ? 'ensemble' : (name as DetectorKind)];
}

/**
 * Whether a run's detector trains a network ({@link DetectorEntry.trains}; an ensemble when one of its members does).
 *
 * @throws InputError for an unknown detector or a bad ensemble (as {@link detectorName}).
 * @example
 * detectorTrains('lstm'); // true
 * detectorTrains('ensemble:pca,zscore'); // false
 */
export function detectorTrains(name: string): boolean {
  const checked = detectorName(name);
  return isEnsembleName(checked)
    ? ensembleMembers(checked, DETECTOR_KINDS).some((k) => DETECTORS[k].trains)
    : DETECTORS[checked as DetectorKind].trains;
}

/**
 * Check a detector name: one of {@link DETECTOR_KINDS}.
 *
 * @throws InputError `invalid detector: x (one of: lstm, pca, zscore, iforest, dense, mp)`.
 * @example
 * detectorKind('pca'); // 'pca'
 */
export function detectorKind(name: unknown): DetectorKind {
  return keyword('detector', name, DETECTOR_KINDS);
}

/**
 * A new, unfitted detector of a kind, or an ensemble of kinds (`ensemble:A,B[,C]`), with options (defaults filled
 * in).
 *
 * @throws InputError for an unknown kind, a bad ensemble or invalid options.
 * @example
 * const det = createDetector('zscore', { window: 20 });
 * const both = createDetector('ensemble:lstm,pca', { window: 20 });
 */
export function createDetector(kind: string, options: Partial<AnyDetectorOptions> = {}): Detector {
  const entry = detectorEntry(kind);
  return entry.create(isEnsembleName(kind) ? { ...options, detector: kind } : options);
}

/**
 * Load any saved detector: reads `kind` from model.json (absent: an LSTM saved before there were several) and
 * dispatches to that detector's `fromState`.
 *
 * @throws InputError when the directory holds no model.json, it is not JSON, names an unknown detector, or is not a
 * valid state of its detector (`<dir>/model.json: <what>`).
 * @example
 * const det = await loadAnyDetector('reports/run/model');
 * const { anomalies } = await det.score(series);
 */
export async function loadAnyDetector(dir: string, opts: { backend?: BackendChoice } = {}): Promise<Detector> {
  const jf = path.join(dir, 'model.json');
  if (!fs.existsSync(jf)) throw new InputError(`${dir}: not a saved model (needs model.json)`);
  let json: { kind?: unknown };
  try {
    json = JSON.parse(fs.readFileSync(jf, 'utf8'));
  } catch {
    throw new InputError(`${jf}: not valid JSON`);
  }
  // no kind (or no object): the LSTM's loader, whose format check names what is wrong
  const saved = json && typeof json === 'object' ? json.kind : undefined;
  const kind = saved === undefined ? 'lstm' : saved === 'ensemble' ? 'ensemble' : detectorKind(saved);
  return DETECTORS[kind].fromState(json, { ...opts, dir });
}

/**
 * The `--detector` help: each kind, with its hint in brackets where it has one.
 *
 * @example
 * detectorHelp(); // 'the detector: lstm (autoencoder), pca, ..., or ensemble (ensemble:A,B[,C]: the mean of the members' normalised scores)'
 */
export function detectorHelp(): string {
  const items = [...DETECTOR_KINDS, 'ensemble' as const].map((k) =>
    DETECTORS[k].hint ? `${k} (${DETECTORS[k].hint})` : k,
  );
  return `the detector: ${items.slice(0, -1).join(', ')}, or ${items[items.length - 1]}`;
}
