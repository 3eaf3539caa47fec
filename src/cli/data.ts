import * as path from 'path';
import { fetchYahooSeries, injectAnomalies, loadCsvSeries, loadDefaultSeries, sineSeries } from '../data';
import type { Series } from '../data/series';
import type { AssetKind } from '../data/yahoo';
import type { ChartClient, YahooInterval } from '../data/yahoo-client';
import { DEFAULT_DETECTOR_OPTIONS } from '../detector/options';
import type { PresetData } from '../pipeline/presets';
import { InputError } from '../util/errors';
import { optionDef } from '../util/options';
import { DATA_FLAGS } from './flags';
import type { CliFlags } from './parse';

/**
 * The CSV format flags (`--sep`, `--date-format`) as series options.
 *
 * @throws never (the values are checked when the file is read).
 * @example
 * loadCsvSeries(file, { ...csvFormat({ sep: ';' }) });
 */
export function csvFormat(f: CliFlags): { sep?: string; dateFormat?: string } {
  return {
    ...(f.sep !== undefined ? { sep: f.sep } : {}),
    ...(f.dateFormat !== undefined ? { dateFormat: f.dateFormat } : {}),
  };
}

/** A loaded series and a short name for output paths. */
export interface LoadedData {
  series: Series;
  name: string;
}

const dataDefault = (key: string): string => String(optionDef(DATA_FLAGS, key).default);

/**
 * Load the series a command asks for: `--csv`, `--ticker`, a preset's data, or the bundled S&P 500.
 *
 * @throws InputError for conflicting flags or bad data (file, column, row named).
 * @example
 * const { series, name } = await loadData({ csv: 'prices.csv' });
 */
export async function loadData(
  f: CliFlags,
  presetData?: PresetData,
  log: (m: string) => void = () => {},
): Promise<LoadedData> {
  if (f.csv && f.ticker) throw new InputError('use either --csv or --ticker, not both');
  if (f.csv) {
    const valueCols = f.valueCol
      ? f.valueCol
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean)
      : undefined;
    const fill = f.fill ?? (dataDefault('fill') as NonNullable<CliFlags['fill']>);
    const series = loadCsvSeries(f.csv, {
      dateCol: f.dateCol,
      valueCols,
      fill,
      order: f.order,
      ...csvFormat(f),
    });
    return { series, name: dataName(f) };
  }
  const ticker = f.ticker ?? (presetData?.kind === 'ticker' ? presetData.ticker : undefined);
  if (ticker) {
    const start = f.start ?? (presetData?.kind === 'ticker' ? presetData.start : dataDefault('start'));
    const series = await fetchYahooSeries({
      ticker,
      asset: f.asset ?? (dataDefault('asset') as AssetKind),
      interval: f.interval ?? (dataDefault('interval') as YahooInterval),
      start,
      end: f.end,
      log,
      client: offlineClient(),
    });
    return { series, name: dataName(f, presetData) };
  }
  if (presetData?.kind === 'sine') {
    const seed = f.seed ?? DEFAULT_DETECTOR_OPTIONS.seed;
    const base = sineSeries({ seed });
    const { series } = injectAnomalies(base, { seed: seed + 1, from: Math.floor(base.dates.length * 0.8) });
    return { series, name: 'sine' };
  }
  return { series: loadDefaultSeries(), name: 'sp500' };
}

/**
 * The short name {@link loadData} gives the data, known before loading it (for the default output folder).
 *
 * @throws Nothing.
 * @example
 * dataName({ csv: 'data/prices.csv' }); // 'prices'
 */
export function dataName(f: CliFlags, presetData?: PresetData): string {
  if (f.csv) return path.basename(f.csv).replace(/\.[^.]*$/, '');
  const ticker = f.ticker ?? (presetData?.kind === 'ticker' ? presetData.ticker : undefined);
  if (ticker) return ticker.replace(/[^A-Za-z0-9._-]/g, '_');
  return presetData?.kind === 'sine' ? 'sine' : 'sp500';
}

/**
 * With `LSTM_ANOMALY_OFFLINE=1` the Yahoo client fails as if there were no network (tests use it so they never
 * reach the live service; the cache still works). Otherwise undefined: the real client.
 */
function offlineClient(): ChartClient | undefined {
  if (!process.env.LSTM_ANOMALY_OFFLINE) return undefined;
  return async () => {
    throw Object.assign(new Error('getaddrinfo ENOTFOUND query1.finance.yahoo.com (LSTM_ANOMALY_OFFLINE is set)'), {
      code: 'ENOTFOUND',
    });
  };
}
