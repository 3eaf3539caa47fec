#!/usr/bin/env node
/**
 * Issue 15's comparison bench: the four detectors (lstm, pca, zscore, iforest) over the 14 development NAB files
 * of ../shared/data/nab, laid out as NAB does (artificialNoAnomaly/, artificialWithAnomaly/, realKnownCause/),
 * each run as `lstm-anomaly evaluate --compare` runs it: whole-series mode (`--fit all` and its defaults, the
 * same for every detector, chosen on these development files for the LSTM and not tuned per detector),
 * `--resample 10min --order keep`, seed 42. Prints each detector's tables, then F1 with tp/fp/fn summed per
 * sub-folder for each detector, the mean F1 and seconds per file.
 *
 *   node dist/bench/compare-nab.js [--detectors lstm,pca,zscore,iforest] [--epochs 10] [--out DIR]
 */
import * as os from 'os';
import * as path from 'path';
import { useBackend } from '../src/backend/active';
import { evaluateCompared } from '../src/cli/evaluate/evaluate';
import { nabLayout, nabSource } from './nab-layout';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

async function main(): Promise<void> {
  const src = nabSource();
  if (!src) return;
  const dir = nabLayout(src);
  const work = path.dirname(dir);
  const kinds = flag('detectors', 'lstm,pca,zscore,iforest').split(',');
  const out = flag('out', path.join(work, 'out'));
  const settings = [
    '--labels',
    path.join(src, 'windows.json'),
    '--fit',
    'all',
    '--resample',
    '10min',
    '--order',
    'keep',
    '--seed',
    '42',
    '--epochs',
    flag('epochs', '10'),
  ];
  console.log(
    `settings: evaluate ${settings.join(' ')} (whole-series defaults otherwise); backend ` +
      `${await useBackend('auto')}; ${os.cpus().length} cores`,
  );
  const results = await evaluateCompared([dir, ...settings, '--compare', kinds.join(','), '--out', out]);
  for (const r of results) {
    console.log(
      `${r.kind}: mean F1 ${r.agg.meanF1.toFixed(3)} over ${r.agg.averaged.join(', ')}; ` +
        `${r.seconds.toFixed(0)} s (${r.secondsPerFile.toFixed(1)} s per file)`,
    );
  }
  console.log(`output: ${out}`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
