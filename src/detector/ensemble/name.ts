import { InputError } from '../../util/errors';

/** The prefix of an ensemble's name: `ensemble:A,B[,C]`. */
export const ENSEMBLE_PREFIX = 'ensemble:';

/**
 * Whether a detector name is an ensemble's (`ensemble`, or `ensemble:` with members), checked or not.
 *
 * @throws never.
 * @example
 * isEnsembleName('ensemble:lstm,pca'); // true
 * isEnsembleName('pca'); // false
 */
export function isEnsembleName(name: string): boolean {
  return name === 'ensemble' || name.startsWith(ENSEMBLE_PREFIX);
}

/**
 * The members of an ensemble's name `ensemble:A,B[,C]`, checked: each one of `kinds` (the detectors there are),
 * at least two, none twice, no ensemble inside it. `label` names what was given in the error (`detector`, or the
 * flag `--detector`).
 *
 * @throws InputError one line, naming the name and what is wrong with it: `invalid detector: ensemble:lstm,foo
 * (unknown member foo; members are: lstm, pca, ...)`, fewer than 2 members, a member twice, an ensemble inside.
 * @example
 * ensembleMembers('ensemble:lstm,pca', ['lstm', 'pca', 'zscore']); // ['lstm', 'pca']
 * ensembleMembers('ensemble:lstm,foo', ['lstm', 'pca']); // throws: ... unknown member foo ...
 */
export function ensembleMembers<K extends string>(name: string, kinds: readonly K[], label = 'detector'): K[] {
  const bad = (why: string): InputError => new InputError(`invalid ${label}: ${name} (${why})`);
  const list = name === 'ensemble' ? [] : name.slice(ENSEMBLE_PREFIX.length).split(',');
  const choices = kinds.filter((k) => !isEnsembleName(k));
  const out: K[] = [];
  for (const raw of list) {
    const m = raw.trim();
    if (m === '') {
      if (list.length === 1) break;
      throw bad('an empty member; write ensemble:A,B[,C]');
    }
    if (isEnsembleName(m)) throw bad('an ensemble cannot be a member of an ensemble');
    if (!(choices as readonly string[]).includes(m))
      throw bad(`unknown member ${m}; members are: ${choices.join(', ')}`);
    if ((out as string[]).includes(m)) throw bad(`names ${m} twice`);
    out.push(m as K);
  }
  if (out.length < 2) throw bad(`an ensemble needs at least 2 members: ensemble:A,B[,C] of ${choices.join(', ')}`);
  return out;
}
