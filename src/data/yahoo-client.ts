/** Bar intervals the project downloads from Yahoo Finance. */
export type YahooInterval = '1d' | '1wk' | '1mo';

/** One bar as yahoo-finance2's `chart(..., { return: 'array' })` gives it (`date` may be an ISO string in fixtures). */
export interface ChartQuote {
  date: Date | string | number;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  adjclose?: number | null;
}

/** The part of yahoo-finance2's `ChartResultArray` this project reads. */
export interface ChartResult {
  meta: { symbol?: string; exchangeTimezoneName?: string; gmtoffset?: number; [key: string]: unknown };
  quotes: ChartQuote[];
}

/** Query of a {@link ChartClient}: dates `YYYY-MM-DD`, `period2` exclusive. */
export interface ChartQuery {
  period1: string;
  period2: string;
  interval: YahooInterval;
}

/** Fetches one symbol's bars; the default calls Yahoo Finance, tests inject a fixture. */
export type ChartClient = (symbol: string, query: ChartQuery) => Promise<ChartResult>;

/** Options of {@link yahooChartClient}. */
export interface YahooClientOptions {
  /** The `fetch` yahoo-finance2 uses for HTTP. Default: `globalThis.fetch`. */
  fetch?: typeof fetch;
}

type YahooFinanceClass = typeof import('yahoo-finance2').default;
let yahooFinanceClass: YahooFinanceClass | undefined;
const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'dir'] as const;

/**
 * Run `fn` with the global console silenced; yahoo-finance2 prints notices and, on some HTTP errors, the URL
 * straight to the console. Restores the console when `fn` settles.
 */
async function quietly<T>(fn: () => T | Promise<T>): Promise<T> {
  const saved = CONSOLE_METHODS.map((m) => console[m]);
  for (const m of CONSOLE_METHODS) console[m] = () => {};
  try {
    return await fn();
  } finally {
    CONSOLE_METHODS.forEach((m, i) => {
      console[m] = saved[i] as never;
    });
  }
}

/** yahoo-finance2's class, required on first use only (call inside {@link quietly}: it is chatty). */
function loadYahooFinance(): YahooFinanceClass {
  yahooFinanceClass ??= (require('yahoo-finance2') as typeof import('yahoo-finance2')).default;
  return yahooFinanceClass;
}

const silent = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };

/**
 * A {@link ChartClient} backed by yahoo-finance2's `chart()`. The package is loaded on the first call, with its
 * survey notice, Node-version warning, version check and validation logs kept off the console.
 *
 * @throws Nothing itself; the returned client rejects with yahoo-finance2's errors (network, not found).
 * @example
 * const chart = yahooChartClient();
 * const { quotes } = await chart('AAPL', { period1: '2024-01-01', period2: '2024-02-01', interval: '1d' });
 */
export function yahooChartClient(opts: YahooClientOptions = {}): ChartClient {
  return (symbol, query) =>
    quietly(async () => {
      const YahooFinance = loadYahooFinance();
      const yf = new YahooFinance({
        suppressNotices: ['yahooSurvey'],
        versionCheck: false,
        logger: silent,
        validation: { logErrors: false, logOptionsErrors: false },
        ...(opts.fetch ? { fetch: opts.fetch } : {}),
      });
      const result = await yf.chart(symbol, { ...query, return: 'array' });
      return result as unknown as ChartResult;
    });
}
