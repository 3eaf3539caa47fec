import type { Series } from '../../data/series';
import type { PresetData } from '../../pipeline/presets';
import type { ScanInput } from '../../scan/inputs';
import { csvFormat, loadData } from '../data';
import type { ScanFlags } from './scan-flags';

/** What loading a scan's series gave: the rows of each series that loaded, the error of each that did not. */
export interface LoadedScan {
  series: Map<string, Series>;
  errors: Map<string, string>;
}

/**
 * Load every series of a scan with the loader detect uses (`--csv`, or `--ticker` through the Yahoo cache), the
 * data flags applied to each. A series that cannot be loaded (no file, bad rows, offline with no cache, unknown
 * ticker) gets its one-line error and the others go on.
 *
 * @throws Nothing: every problem is a series' error.
 * @example
 * const { series, errors } = await loadScanSeries(scanInputs({ tickers: 'AAPL,MSFT' }), flags);
 */
export async function loadScanSeries(
  inputs: ScanInput[],
  f: ScanFlags,
  presetData?: PresetData,
  log: (m: string) => void = () => undefined,
  onLoaded: (input: ScanInput, error?: string) => void = () => undefined,
): Promise<LoadedScan> {
  const series = new Map<string, Series>();
  const errors = new Map<string, string>();
  const data = { dateCol: f.dateCol, valueCol: f.valueCol, fill: f.fill, start: f.start, end: f.end, ...csvFormat(f) };
  for (const input of inputs) {
    const one = input.kind === 'csv' ? { ...data, csv: input.path } : { ...data, ticker: input.name };
    try {
      const ticker = presetData?.kind === 'ticker' ? presetData : undefined;
      const loaded = await loadData({ ...one, interval: f.interval, asset: f.asset }, ticker, log);
      series.set(input.name, loaded.series);
      onLoaded(input);
    } catch (e) {
      const msg = (e instanceof Error ? e.message : String(e)).split('\n')[0];
      errors.set(input.name, msg);
      onLoaded(input, msg);
    }
  }
  return { series, errors };
}
