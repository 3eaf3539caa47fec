/** The command line of `npm run bench`: its options, their defaults and `--help`. */
/** Options of `npm run bench`. */
export interface BenchArgs {
  /** Windows trained on per epoch. Default 1024. */
  windows: number;
  /** Timed epochs of stock tfjs-layers (slow). Default 1. */
  layersEpochs: number;
  /** Timed epochs of the engine. Default 3. */
  engineEpochs: number;
  /** tfjs backend for every contender. Default `wasm`. */
  backend: string;
  /** Also time the default CLI run on the bundled S&P 500. Default true. */
  cli: boolean;
  /** Times the CLI run is repeated; the median run is reported, with every run's seconds (this machine varies). Default 3. */
  cliRuns: number;
  /** Rounds of the engine and PyTorch contenders, taking turns; each contender's median round is reported. Default 3. */
  rounds: number;
  /** Write the table into docs/performance.md between the BENCH markers. Default false. */
  readme: boolean;
}

/** The `--help` text of `npm run bench`. */
export const BENCH_USAGE = `Usage: npm run bench -- [--windows 1024] [--layers-epochs 1] [--engine-epochs 3] [--backend wasm] [--cli-runs 3] [--rounds 3] [--no-cli] [--readme]
Stock tfjs-layers and PyTorch (where /usr/bin/python3 has torch) against this project's LSTM engine (128 units,
30 steps, batch 32), each in its own process (the engine's and PyTorch's in --rounds rounds, taking turns; the median round of each is
reported): training and inference sequences/s, their ratios, peak memory, the
CPU's measured peak and the products' share of it, where the engine's time goes, and the default CLI run end to
end (the median of --cli-runs), with the targets of issue 16. Writes bench/results/bench-<date>.json; --readme also updates the table in docs/performance.md.`;

/**
 * Parse `npm run bench` arguments.
 * @throws Error `invalid <flag>: <value>` for a bad number or an unknown flag.
 * @example
 * parseBenchArgs(['--windows', '256', '--no-cli']).cli; // false
 */
export function parseBenchArgs(argv: string[]): BenchArgs | null {
  const a: BenchArgs = {
    windows: 1024,
    layersEpochs: 1,
    engineEpochs: 3,
    backend: 'wasm',
    cli: true,
    cliRuns: 3,
    rounds: 3,
    readme: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const f = argv[i];
    const num = (): number => {
      const v = Number(argv[++i]);
      if (!Number.isInteger(v) || v < 1) throw new Error(`invalid ${f}: ${argv[i]}`);
      return v;
    };
    if (f === '--help' || f === '-h') return null;
    else if (f === '--windows') a.windows = num();
    else if (f === '--layers-epochs') a.layersEpochs = num();
    else if (f === '--engine-epochs') a.engineEpochs = num();
    else if (f === '--backend') a.backend = argv[++i];
    else if (f === '--cli-runs') a.cliRuns = num();
    else if (f === '--rounds') a.rounds = num();
    else if (f === '--no-cli') a.cli = false;
    else if (f === '--readme') a.readme = true;
    else throw new Error(`invalid option: ${f}`);
  }
  return a;
}
