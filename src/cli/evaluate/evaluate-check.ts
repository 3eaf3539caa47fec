import { InputError } from '../../util/errors';
import { stripControl } from '../../util/sanitize';
import { eventFlags } from '../events-flags';
import { checkTrainEnd, fileFormat, type LoadedFile, readEvaluated } from './evaluate-formats';

/**
 * Check before any work what `evaluate` reads from names and the manifest: every file the manifest names is
 * under the folder; with `--fit all` there is no manifest (the name's train ends are then unused: the returned
 * note says so); `--resample` needs timestamps; each file with a train end is read once (a file that cannot be
 * read is left to its row) and its train end and UCR anomaly must lie inside it.
 *
 * @throws InputError one line naming the manifest row's file, or the data file and its train end or anomaly.
 * @example
 * const note = checkEvaluatedFiles('ucr', files, flags, undefined, manifest, false);
 */
export function checkEvaluatedFiles(
  dir: string,
  files: string[],
  f: object,
  labelsFile: string | undefined,
  manifest: { name: string; ends: Map<string, string> } | undefined,
  fitAll: boolean,
): string | undefined {
  const have = new Set(files);
  for (const key of manifest?.ends.keys() ?? []) {
    if (!have.has(key))
      throw new InputError(
        `--manifest ${manifest!.name}: no data file ${stripControl(key)} under ${stripControl(dir)}`,
      );
  }
  const own = files.filter((r) => fileFormat(r) !== 'csv');
  if (own.length > 0 && eventFlags(f).resample && eventFlags(f).resample !== 'none')
    throw new InputError(`--resample needs timestamps; ${stripControl(own[0])} has none (indexed 0..n-1)`);
  if (fitAll) {
    if (manifest) throw new InputError('--manifest gives train ends, which --fit all does not use; drop one of them');
    return own.length > 0
      ? `note: --fit all trains on each whole series; the train ends in ${own.length} file name(s) are not used`
      : undefined;
  }
  for (const rel of files) {
    const end = manifest?.ends.get(rel);
    if (end === undefined && fileFormat(rel) === 'csv') continue;
    let loaded: LoadedFile;
    try {
      loaded = readEvaluated(dir, rel, f, labelsFile);
    } catch {
      continue;
    }
    checkTrainEnd(loaded, rel, end);
  }
  return undefined;
}
