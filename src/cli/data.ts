import * as path from 'path';
import { injectAnomalies, loadCsvSeries, loadDefaultSeries, fetchYahooSeries, sineSeries } from '../data';
import type { Series } from '../data/series';
import type { ChartClient } from '../data/yahoo-client';
import type { PresetData } from '../pipeline/presets';
import { InputError, invalid } from '../util/errors';
import type { ParsedFlags } from './parse';

/** A loaded series and a short name for output paths. */
export interface LoadedData {
  series: Series;
  name: string;
}

const INTERVALS = ['1d', '1wk', '1mo'];
const ASSETS = ['stock', 'crypto', 'forex'];
const FILLS = ['none', 'ffill', 'drop'];

/**
 * Load the series a command asks for: `--csv`, `--ticker`, a preset's data, or the bundled S&P 500.
 *
 * @throws InputError for conflicting flags or bad data (file, column, row named).
 * @example
 * const { series, name } = await loadData({ csv: 'prices.csv' });
 */
export async function loadData(f: ParsedFlags, presetData?: PresetData, log: (m: string) => void = () => {}): Promise<LoadedData> {
  if (f.csv && f.ticker) throw new InputError('use either --csv or --ticker, not both');
  const fill = (f.fill as string | undefined) ?? 'none';
  if (!FILLS.includes(fill)) throw invalid('--fill', fill, 'ffill or drop');
  if (f.csv) {
    const file = String(f.csv);
    const valueCols = f.valueCol ? String(f.valueCol).split(',').map((s) => s.trim()).filter(Boolean) : undefined;
    const series = loadCsvSeries(file, { dateCol: f.dateCol as string | undefined, valueCols, fill: fill as 'none' | 'ffill' | 'drop' });
    return { series, name: path.basename(file).replace(/\.[^.]*$/, '') };
  }
  const ticker = (f.ticker as string | undefined) ?? (presetData?.kind === 'ticker' ? presetData.ticker : undefined);
  if (ticker) {
    const interval = (f.interval as string | undefined) ?? '1d';
    const asset = (f.asset as string | undefined) ?? 'stock';
    if (!INTERVALS.includes(interval)) throw invalid('--interval', interval, INTERVALS.join(', '));
    if (!ASSETS.includes(asset)) throw invalid('--asset', asset, ASSETS.join(', '));
    const start = (f.start as string | undefined) ?? (presetData?.kind === 'ticker' ? presetData.start : '2000-01-01');
    const series = await fetchYahooSeries({
      ticker, asset: asset as 'stock' | 'crypto' | 'forex', interval: interval as '1d' | '1wk' | '1mo', start,
      end: f.end as string | undefined, log, client: offlineClient(),
    });
    return { series, name: ticker.replace(/[^A-Za-z0-9._-]/g, '_') };
  }
  if (presetData?.kind === 'sine') {
    const seed = (f.seed as number | undefined) ?? 42;
    const base = sineSeries({ seed });
    const { series } = injectAnomalies(base, { seed: seed + 1, from: Math.floor(base.dates.length * 0.8) });
    return { series, name: 'sine' };
  }
  return { series: loadDefaultSeries(), name: 'sp500' };
}

/**
 * With `LSTM_ANOMALY_OFFLINE=1` the Yahoo client fails as if there were no network (tests use it so they never
 * reach the live service; the cache still works). Otherwise undefined: the real client.
 */
function offlineClient(): ChartClient | undefined {
  if (!process.env.LSTM_ANOMALY_OFFLINE) return undefined;
  return async () => {
    throw Object.assign(new Error('getaddrinfo ENOTFOUND query1.finance.yahoo.com (LSTM_ANOMALY_OFFLINE is set)'), { code: 'ENOTFOUND' });
  };
}
